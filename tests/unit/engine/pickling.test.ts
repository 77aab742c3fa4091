/**
 * Where a process pool pickles, as CPython 3.11's ProcessPoolExecutor does: the main
 * process's feeder thread pickles each call's arguments (holding the main GIL) up to
 * max_workers + 1 calls ahead; the worker unpickles them, runs the call and pickles the
 * result; the main process's manager thread unpickles the result (the main GIL again).
 * Each side pays half of a transfer. Times below are worked out by hand from those rules;
 * the contract prices a transfer at 10 ms per MB, so a 2 MB payload costs 10 ms to
 * pickle and 10 ms to unpickle, each way.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import type { SimResult } from '../../../src/engine/result';
import type { Level } from '../../../src/model/level';
import { cpu, io, jobs, makeLevel, step, wire, type Item } from './build';

type Run = Extract<SimResult, { ok: true }>;

function run(level: Level, chain: readonly Item[]): Run {
  const result = simulate(level, wire(level, chain), { trace: true });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.node}: ${i.message}`).join('\n'));
  return result;
}

/** Delivery time of each job in ms, by job number. */
function deliveries(result: Run): number[] {
  const times: number[] = [];
  for (const e of result.trace ?? []) if (e.type === 'jobDelivered') times[e.job] = e.t / 1000;
  return times;
}

/** When the worker labelled `label` ran Python: [from, to] in ms, one pair per stretch. */
function cpuSpans(result: Run, label: string): [number, number][] {
  const trace = result.trace ?? [];
  const created = trace.find((e) => e.type === 'workerCreated' && e.label === label);
  if (created?.type !== 'workerCreated') throw new Error(`no worker "${label}"`);
  const spans: [number, number][] = [];
  let since = -1;
  for (const e of trace) {
    if (e.type !== 'workerState' || e.worker !== created.worker) continue;
    if (e.state === 'cpu' && since < 0) since = e.t;
    else if (e.state !== 'cpu' && since >= 0) {
      if (e.t > since) spans.push([since / 1000, e.t / 1000]);
      since = -1;
    }
  }
  return spans;
}

const FEEDER = 'feeder (pickles calls)';
const MANAGER = 'manager (unpickles results)';
const process = { startup: '0ms', callOverhead: '1ms', picklePerMB: '10ms', memory: '40MB' };

function workLevel(count: number, payload: string): Level {
  return makeLevel({
    cores: 4,
    process,
    steps: [step('work', cpu('100ms'))],
    streams: [jobs(count, ['work'], { payload })],
  });
}

const pool = (workers: number): Item[] => [
  ['tasks', {}, [['processPool', { workers }, ['step:work']]]],
];

describe('a process pool pickles where CPython does', () => {
  it("pickles the next call's arguments in the main process while the worker computes", () => {
    const result = run(workLevel(3, '2MB'), pool(1));
    // The feeder pickles calls 0 and 1 (0–10, 10–20 ms). The worker reads call 0 at 10 ms:
    // 1 ms overhead, 10 ms unpickling, 100 ms of work, 10 ms pickling the result, sent at
    // 131 ms; the manager unpickles it by 141 ms. The worker has call 1 ready meanwhile:
    // 131 → 252 ms, its result unpickled by 262. Call 2, queued after the first result
    // (141–151 ms), waits for the worker: 252 → 373, unpickled by 383.
    expect(deliveries(result)).toEqual([141, 262, 383]);
    expect(cpuSpans(result, FEEDER)).toEqual([
      [0, 20],
      [141, 151],
    ]);
    expect(cpuSpans(result, MANAGER)).toEqual([
      [131, 141],
      [252, 262],
      [373, 383],
    ]);
    // Every pickle on the worker, in series with the work, would take 141 ms a call.
    expect(result.metrics.makespanUs).toBeLessThan(3 * 141 * 1000);
  });

  it("shares the main process's GIL between pickling and a CPU-bound coroutine", () => {
    const level = (burner: boolean): Level =>
      makeLevel({
        cores: 4,
        process,
        steps: [step('work', cpu('50ms')), step('burn', cpu('100ms'))],
        streams: [
          jobs(1, ['work'], { payload: '2MB' }),
          ...(burner ? [jobs(1, ['burn'], { kind: 'burner', payload: '0B' })] : []),
        ],
      });
    const alone = run(level(false), [
      ['tasks', {}, [['processPool', { workers: 1 }, ['step:work']]]],
    ]);
    // Alone: pickled by 10 ms, then 1 + 10 + 50 + 10 ms on the worker, unpickled by 91 ms.
    expect(deliveries(alone)).toEqual([91]);
    const shared = run(level(true), [
      [
        'tasks',
        {},
        [
          {
            route: {
              job: [['processPool', { workers: 1 }, ['step:work']]],
              burner: ['step:burn'],
            },
          },
        ],
      ],
    ]);
    // The burner holds the loop's thread from 0 ms; the feeder waits one switch interval
    // for the GIL, and they take turns every 5 ms: the call is pickled by 20 ms, its result
    // unpickled in turns again by 111 ms. The loop's 100 ms of CPU and the main process's
    // 20 ms of pickling run one at a time: both jobs are done at 120 ms.
    expect(cpuSpans(shared, FEEDER)).toEqual([
      [5, 10],
      [15, 20],
    ]);
    expect(cpuSpans(shared, MANAGER)).toEqual([
      [96, 101],
      [106, 111],
    ]);
    expect(deliveries(shared)).toEqual([120, 120]);
  });

  it('pays only the call overhead, on the worker, when there is nothing to pickle', () => {
    const result = run(workLevel(2, '0B'), pool(1));
    expect(deliveries(result)).toEqual([101, 202]);
    expect(cpuSpans(result, FEEDER)).toEqual([]);
    expect(cpuSpans(result, MANAGER)).toEqual([]);
  });

  it('pickles at most max_workers + 1 calls ahead, refilling as results come back', () => {
    // One worker: calls 0 and 1 at once; calls 2 and 3 once the first result is handled
    // (141 ms: the worker took call 1 at 131, so both slots are free); then one a result.
    const one = run(workLevel(6, '2MB'), pool(1));
    expect(cpuSpans(one, FEEDER)).toEqual([
      [0, 20],
      [141, 161],
      [262, 272],
      [383, 393],
    ]);
    expect(deliveries(one)).toEqual([141, 262, 383, 504, 625, 746]);
    // Two workers: three calls at once.
    const two = run(workLevel(6, '2MB'), pool(2));
    expect(cpuSpans(two, FEEDER)[0]).toEqual([0, 30]);
  });

  it('cannot cancel a call already in the call queue: it runs on, for nobody', () => {
    const level = makeLevel({
      cores: 4,
      process,
      steps: [step('work', cpu('100ms')), step('wait', io('1s'))],
      streams: [
        jobs(4, ['work'], { payload: '2MB' }),
        jobs(1, ['wait'], { kind: 'slow', payload: '0B' }),
      ],
    });
    const result = run(level, [
      [
        'tasks',
        {},
        [
          {
            route: {
              job: [
                ['timeout', { after: '50ms' }, [['processPool', { workers: 1 }, ['step:work']]]],
              ],
              slow: ['step:wait'],
            },
          },
        ],
      ],
    ]);
    // At 50 ms the worker runs call 0 and call 1 waits, pickled, in the call queue: both
    // run to the end though their jobs timed out. Calls 2 and 3 were still pending: they
    // are never pickled nor run.
    expect(result.metrics).toMatchObject({ done: 1, failed: 4 });
    expect(cpuSpans(result, FEEDER)).toEqual([[0, 20]]);
    expect(cpuSpans(result, MANAGER)).toEqual([
      [131, 141],
      [252, 262],
    ]);
    expect(cpuSpans(result, 'process 1')).toEqual([[10, 252]]);
  });
});
