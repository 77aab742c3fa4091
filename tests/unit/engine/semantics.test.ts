/**
 * The engine against what CPython does, one behaviour per test. Numbers in comments come
 * from reasoning about CPython 3.11's asyncio, threading and concurrent.futures, and the
 * orderings are checked against real python3 runs in cpython.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import type { SimResult } from '../../../src/engine/result';
import type { Level } from '../../../src/model/level';
import { cpu, io, jobs, makeLevel, step, wire, type Item } from './build';

function run(level: Level, chain: readonly Item[], trace = true): Extract<SimResult, { ok: true }> {
  const result = simulate(level, wire(level, chain), { trace });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.node}: ${i.message}`).join('\n'));
  return result;
}

/** Delivery time of each job, by job number. */
function deliveries(result: Extract<SimResult, { ok: true }>): number[] {
  const times: number[] = [];
  for (const e of result.trace ?? []) if (e.type === 'jobDelivered') times[e.job] = e.t;
  return times;
}

const MS = 1000;
const S = 1_000_000;

describe('the asyncio event loop', () => {
  it('awaits jobs one by one in main(), and overlaps them in tasks', () => {
    const level = makeLevel({ steps: [step('wait', io('1s'))], streams: [jobs(3, ['wait'])] });
    expect(run(level, ['step:wait']).metrics.makespanUs).toBe(3 * S);
    expect(run(level, [['tasks', {}, ['step:wait']]]).metrics.makespanUs).toBe(1 * S);
  });

  it("serves a timer that expired during another task's CPU step only after that step", () => {
    // job 0 sleeps 10 ms; job 1 then burns 100 ms of CPU on the loop: job 0 wakes at 100 ms, not 10 ms.
    const level = makeLevel({
      steps: [step('nap', io('10ms')), step('burn', cpu('100ms'))],
      streams: [jobs(1, ['nap']), jobs(1, ['burn'], { kind: 'burner' })],
    });
    const result = run(level, [
      ['tasks', {}, [{ route: { job: ['step:nap'], burner: ['step:burn'] } }]],
    ]);
    expect(deliveries(result)).toEqual([100 * MS, 100 * MS]);
  });

  it('runs a created task only once its creator yields', () => {
    // main() takes all jobs (they have arrived) without awaiting, so the tasks start after it.
    const level = makeLevel({ steps: [step('burn', cpu('10ms'))], streams: [jobs(3, ['burn'])] });
    const result = run(level, [['tasks', {}, ['step:burn']]]);
    expect(deliveries(result)).toEqual([10 * MS, 20 * MS, 30 * MS]);
    const entered = (result.trace ?? []).filter(
      (e) => e.type === 'jobEntered' && e.node !== 'source',
    );
    expect(entered.every((e) => e.t === 0)).toBe(true);
  });

  it('blocks every coroutine and timer with a CPU step, and reports the blocked loop', () => {
    const level = makeLevel({
      steps: [step('work', io('10ms'), cpu('100ms'))],
      streams: [jobs(2, ['work'])],
      goals: [{ metric: 'makespan', max: '150ms' }],
    });
    const result = run(level, [['tasks', {}, ['step:work']]]);
    // Both sleep until 10 ms; job 0 burns until 110 ms; job 1 (ready since 10 ms) burns until 210 ms.
    expect(deliveries(result)).toEqual([110 * MS, 210 * MS]);
    expect(result.verdict.loopBlocks[0]).toMatchObject({ node: 'step2', delayUs: 100 * MS });
    // With a goal missed, the blocked loop is named as the likely culprit.
    expect(result.verdict.problems.join(' ')).toMatch(/event loop was blocked by "work"/);
    // The player never sees node ids: the problem names the step, loopBlocks says where.
    expect(result.verdict.problems.join(' ')).not.toMatch(/step2/);
  });

  it('does not name a short CPU step that holds the loop by design', () => {
    const level = makeLevel({
      steps: [step('tick', io('10ms'), cpu('2ms'))],
      streams: [jobs(3, ['tick'])],
      goals: [{ metric: 'makespan', max: '1ms' }],
    });
    const result = run(level, [['tasks', {}, ['step:tick']]]);
    expect(result.verdict.passed).toBe(false);
    expect(result.verdict.loopBlocks).toEqual([]);
    expect(result.verdict.problems.join(' ')).not.toMatch(/event loop/);
  });

  it('blocks the loop with a blocking call in a coroutine', () => {
    const level = makeLevel({
      steps: [step('get', io('1s', 'blocking'))],
      streams: [jobs(3, ['get'])],
    });
    expect(run(level, [['tasks', {}, ['step:get']]]).metrics.makespanUs).toBe(3 * S);
  });
});

describe('threads and the GIL', () => {
  it('overlaps blocking IO in a thread pool', () => {
    const level = makeLevel({
      steps: [step('get', io('1s', 'blocking'))],
      streams: [jobs(4, ['get'])],
    });
    expect(
      run(level, [['tasks', {}, [['threadPool', { workers: 4 }, ['step:get']]]]]).metrics
        .makespanUs,
    ).toBe(1 * S);
    expect(
      run(level, [['tasks', {}, [['threadPool', { workers: 2 }, ['step:get']]]]]).metrics
        .makespanUs,
    ).toBe(2 * S);
  });

  it('does not speed CPU work up with threads, whatever the cores', () => {
    const level = makeLevel({
      cores: 4,
      steps: [step('burn', cpu('1s'))],
      streams: [jobs(4, ['burn'])],
    });
    const result = run(level, [['tasks', {}, [['threadPool', { workers: 4 }, ['step:burn']]]]]);
    expect(result.metrics.makespanUs).toBe(4 * S);
  });

  it('makes an IO-bound thread wait for the GIL next to a CPU-bound one (convoy)', () => {
    // ten 1 ms reads: alone 10 ms; next to a busy thread each return waits one 5 ms switch interval.
    const level = makeLevel({
      steps: [
        step('burn', cpu('1s')),
        step('reads', ...Array.from({ length: 10 }, () => io('1ms', 'blocking'))),
      ],
      streams: [jobs(1, ['burn']), jobs(1, ['reads'], { kind: 'reader' })],
    });
    const alone = run(makeLevel({ steps: level.steps as never, streams: [jobs(1, ['reads'])] }), [
      ['tasks', {}, [['threadPool', { workers: 2 }, ['step:reads']]]],
    ]);
    expect(alone.metrics.makespanUs).toBe(10 * MS);
    const result = run(level, [
      [
        'tasks',
        {},
        [
          {
            route: {
              job: [['threadPool', { workers: 1 }, ['step:burn']]],
              reader: [['threadPool', { workers: 1 }, ['step:reads']]],
            },
          },
        ],
      ],
    ]);
    // 5 ms to get the GIL to start, then each of the ten reads: 1 ms of IO and 5 ms waiting for
    // the GIL; then the event loop's thread too waits 5 ms for the GIL to deliver the result.
    expect(deliveries(result)[1]).toBe((5 + 10 * (1 + 5) + 5) * MS);
  });
});

describe('processes', () => {
  it('runs CPU work in parallel up to the cores, sharing them beyond', () => {
    const process = { startup: '0ms', callOverhead: '0ms', picklePerMB: '0ms' };
    const level4 = makeLevel({
      cores: 4,
      process,
      steps: [step('burn', cpu('1s'))],
      streams: [jobs(4, ['burn'])],
    });
    expect(
      run(level4, [['tasks', {}, [['processPool', { workers: 4 }, ['step:burn']]]]]).metrics
        .makespanUs,
    ).toBe(1 * S);
    const level2 = makeLevel({
      cores: 2,
      process,
      steps: [step('burn', cpu('1s'))],
      streams: [jobs(4, ['burn'])],
    });
    expect(
      run(level2, [['tasks', {}, [['processPool', { workers: 4 }, ['step:burn']]]]]).metrics
        .makespanUs,
    ).toBe(2 * S);
  });

  it('pays start-up once per process and pickling per call', () => {
    const process = { startup: '100ms', callOverhead: '1ms', picklePerMB: '10ms', memory: '40MB' };
    const level = makeLevel({
      cores: 8,
      process,
      steps: [step('burn', cpu('1s'))],
      streams: [jobs(4, ['burn'], { payload: '2MB' })],
    });
    const result = run(level, [['tasks', {}, [['processPool', { workers: 4 }, ['step:burn']]]]]);
    // The main process pickles the four calls during the 100 ms start-up; each worker then
    // pays 1 ms + 10 ms unpickling, 1 s of work, 10 ms pickling its result; the main
    // process unpickles the four results one after another, 10 ms each.
    expect(result.metrics.makespanUs).toBe((100 + 1 + 10 + 1000 + 10 + 4 * 10) * MS);
    expect(result.metrics.peakMemoryBytes).toBeGreaterThanOrEqual(4 * 40 * 1024 * 1024);
  });
});

describe('semaphores, queues and memory', () => {
  it('lets at most k jobs into a semaphore, first come first served', () => {
    const level = makeLevel({ steps: [step('get', io('1s'))], streams: [jobs(5, ['get'])] });
    const result = run(level, [['tasks', {}, [['semaphore', { permits: 2 }, ['step:get']]]]]);
    expect(deliveries(result)).toEqual([1 * S, 1 * S, 2 * S, 2 * S, 3 * S]);
  });

  it('blocks the producer on a full bounded queue and sheds when told to', () => {
    const level = makeLevel({ steps: [step('get', io('1s'))], streams: [jobs(6, ['get'])] });
    const blocked = run(level, [
      ['queue', { capacity: 1, workers: 1, whenFull: 'block' }, ['step:get']],
    ]);
    expect(blocked.metrics).toMatchObject({ done: 6, lost: 0, makespanUs: 6 * S });
    const shed = run(level, [
      ['queue', { capacity: 1, workers: 1, whenFull: 'shed' }, ['step:get']],
    ]);
    // main() puts all six without awaiting, so the worker has not run yet: the queue takes
    // job 0 and put_nowait() raises QueueFull for jobs 1–5.
    expect(shed.metrics).toMatchObject({ done: 1, lost: 5 });
  });

  it('grows memory with an unbounded queue until the machine runs out', () => {
    const level = makeLevel({
      memory: '100MB',
      steps: [step('get', io('1s'))],
      streams: [
        jobs(100, ['get'], { payload: '1MB', arrival: { type: 'interval', every: '10ms' } }),
      ],
    });
    const result = run(level, [['queue', { capacity: 0, workers: 1 }, ['step:get']]]);
    expect(result.verdict.outcome).toBe('outOfMemory');
    expect(result.verdict.memoryBreakdown?.jobs).toBeGreaterThan(60 * 1024 * 1024);
    const bounded = run(level, [['queue', { capacity: 10, workers: 1 }, ['step:get']]]);
    expect(bounded.verdict.outcome).toBe('finished');
  });
});

describe('timeouts, retries, locks and races', () => {
  it('cancels a slow body at the deadline and sends the job out by "timed out"', () => {
    const level = makeLevel({ steps: [step('get', io('5s'))], streams: [jobs(2, ['get'])] });
    const result = run(level, [['tasks', {}, [['timeout', { after: '1s' }, ['step:get']]]]]);
    expect(result.metrics).toMatchObject({ done: 0, failed: 2, makespanUs: 1 * S });
    expect((result.trace ?? []).filter((e) => e.type === 'timedOut')).toHaveLength(2);
  });

  it('lets the current CPU step finish before a cancellation lands', () => {
    const level = makeLevel({
      steps: [step('work', cpu('3s'), io('1s'))],
      streams: [jobs(1, ['work'])],
    });
    const result = run(level, [['tasks', {}, [['timeout', { after: '1s' }, ['step:work']]]]]);
    expect(result.metrics).toMatchObject({ failed: 1, makespanUs: 3 * S });
  });

  it('re-runs a failing call and gives up after the last attempt', () => {
    const level = makeLevel({
      steps: [{ id: 'call', label: 'call', ops: [{ call: 'api', mode: 'async' }] }],
      services: [{ id: 'api', label: 'API', latency: '100ms', failRate: 0.5 }],
      streams: [jobs(200, ['call'])],
    });
    const once = run(level, [['tasks', {}, ['step:call']]]);
    const thrice = run(level, [
      ['tasks', {}, [['retry', { attempts: 3, backoff: '0ms' }, ['step:call']]]],
    ]);
    expect(once.metrics.failed).toBeGreaterThan(70);
    expect(once.metrics.failed).toBeLessThan(130);
    expect(thrice.metrics.failed).toBeLessThan(once.metrics.failed / 2);
    expect(thrice.metrics.done + thrice.metrics.failed).toBe(200);
    expect((thrice.trace ?? []).some((e) => e.type === 'retried')).toBe(true);
  });

  it('runs the whole step again on a retry, from its first op', () => {
    // attempt = 10 ms of CPU, then a call that always fails after 100 ms; three attempts, then failed.
    const level = makeLevel({
      steps: [{ id: 'pay', label: 'pay', ops: [cpu('10ms'), { call: 'bank', mode: 'async' }] }],
      services: [{ id: 'bank', label: 'Bank', latency: '100ms', failRate: 1 }],
      streams: [jobs(1, ['pay'])],
    });
    const result = run(level, [['retry', { attempts: 3, backoff: '0ms' }, ['step:pay']]]);
    expect(result.metrics).toMatchObject({
      failed: 1,
      done: 0,
      serviceErrors: 3,
      makespanUs: 3 * 110 * MS,
    });
  });

  it('runs a per-part step once per part, one after another, outside a Fan-out', () => {
    const level = makeLevel({
      steps: [{ id: 'upload', label: 'upload', perPart: true, ops: [io('100ms')] }],
      streams: [jobs(1, ['upload'], { parts: 3 })],
    });
    expect(run(level, ['step:upload']).metrics.makespanUs).toBe(300 * MS);
    expect(run(level, [['fanOut', {}, ['step:upload']]]).metrics.makespanUs).toBe(100 * MS);
  });

  it('serialises a locked body', () => {
    const level = makeLevel({ steps: [step('get', io('1s'))], streams: [jobs(3, ['get'])] });
    expect(
      run(level, [['tasks', {}, [['lock', { name: 'A' }, ['step:get']]]]]).metrics.makespanUs,
    ).toBe(3 * S);
  });

  const counter = (inner: ReturnType<typeof io>) =>
    makeLevel({
      steps: [{ id: 'add', label: 'add', ops: [{ update: 'total', ops: [cpu('1ms'), inner] }] }],
      streams: [jobs(4, ['add'])],
    });

  it('loses updates when threads read-modify-write shared state without a lock', () => {
    const level = counter(io('10ms', 'blocking'));
    const racy = run(level, [['tasks', {}, [['threadPool', { workers: 4 }, ['step:add']]]]]);
    expect(racy.metrics.corrupted).toBeGreaterThan(0);
    expect(racy.verdict.passed).toBe(false);
    expect(racy.verdict.problems.join(' ')).toMatch(/Race on "total"/);
    // Where the race was is said by node, not written into the words.
    expect(racy.verdict.races).toEqual([
      expect.objectContaining({ state: 'total', node: expect.any(String), acrossProcesses: false }),
    ]);
    expect(racy.verdict.problems.join(' ')).not.toContain(racy.verdict.races[0]!.node);
    const locked = run(level, [
      ['tasks', {}, [['threadPool', { workers: 4 }, [['lock', { name: 'L' }, ['step:add']]]]]],
    ]);
    expect(locked.metrics.corrupted).toBe(0);
  });

  it('keeps coroutines race-free unless an await sits inside the update', () => {
    expect(run(counter(cpu('10ms')), [['tasks', {}, ['step:add']]]).metrics.corrupted).toBe(0);
    expect(
      run(counter(io('10ms')), [['tasks', {}, ['step:add']]]).metrics.corrupted,
    ).toBeGreaterThan(0);
  });
});

describe('deadlock and termination', () => {
  it('names the wait-for cycle of two locks taken in opposite orders', () => {
    const level = makeLevel({
      steps: [step('a', io('1s')), step('b', io('1s'))],
      streams: [jobs(1, ['a', 'b']), jobs(1, ['a', 'b'], { kind: 'other' })],
    });
    const result = run(level, [
      [
        'tasks',
        {},
        [
          {
            route: {
              job: [['lock', { name: 'A' }, ['step:a', ['lock', { name: 'B' }, ['step:b']]]]],
              other: [['lock', { name: 'B' }, ['step:a', ['lock', { name: 'A' }, ['step:b']]]]],
            },
          },
        ],
      ],
    ]);
    expect(result.verdict.outcome).toBe('deadlock');
    const cycle = result.verdict.deadlock ?? [];
    expect(cycle.map((e) => e.resource).sort()).toEqual(['lock "A"', 'lock "B"']);
  });

  it('stops a run that exceeds its event budget', () => {
    const level = makeLevel({ steps: [step('get', io('1ms'))], streams: [jobs(1000, ['get'])] });
    const result = simulate(level, wire(level, [['tasks', {}, ['step:get']]]), {
      eventBudget: 500,
    });
    expect(result.ok && result.verdict.outcome).toBe('budgetExhausted');
  });
});
