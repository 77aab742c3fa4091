/**
 * A Timeout around anything, against CPython: around a task group and a gather of
 * branches (on a simulated clock: the inner work is cancelled, its clean-up runs, and the
 * timeout ends after it), and around a pool call (real threads, compared on order only:
 * cancelling the awaited future cancels work still queued, while work a thread already
 * runs goes on to its end, as concurrent.futures.Future.cancel and asyncio.wrap_future do).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/simulate';
import type { TraceEvent } from '../../../../src/engine/trace';
import type { Level } from '../../../../src/model/level';
import { io, jobs, makeLevel, step, wire, type Item } from '../build';
import { cpython } from './virtualClock';

function trace(level: Level, chain: readonly Item[]): readonly TraceEvent[] {
  const result = simulate(level, wire(level, chain));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.trace ?? [];
}

/** When each job was resolved, and how: `[job, ms, 'delivered' | reason]`. */
function outcomes(events: readonly TraceEvent[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const e of events) {
    if (e.type === 'jobDelivered') rows.push([e.job, e.t / 1000, 'delivered']);
    if (e.type === 'jobFailed') rows.push([e.job, e.t / 1000, e.reason]);
  }
  return rows;
}

/** When each part or branch began its clean-up. */
function cleanups(events: readonly TraceEvent[]): unknown[][] {
  const labels = new Map<number, string>();
  const rows: unknown[][] = [];
  for (const e of events) {
    if (e.type === 'workerCreated') labels.set(e.worker, e.label);
    if (e.type === 'workerState' && e.detail === 'cleaning up')
      rows.push([e.t / 1000, 'cleaning up', labels.get(e.worker)]);
  }
  return rows;
}

const PARTS = `
async def part(n, ms):
    try:
        await asyncio.sleep(ms / 1000)
    except asyncio.CancelledError:
        log('cleaning up', n)
        await asyncio.sleep(0.05)
        raise
`;

describe('a Timeout around a task group or a gather, as CPython runs asyncio.timeout', () => {
  const level = makeLevel({
    steps: [{ id: 'leg', label: 'leg', perPart: true, ops: [{ io: '200ms', label: 'io' }] }],
    streams: [jobs(1, ['leg'], { parts: 3 })],
  });
  const guarded = (box: 'taskGroup' | 'fanOut' | 'gatherAll'): Item[] => [
    [
      'timeout',
      { after: '100ms' },
      [[box, {}, [['cleanup', { takes: '50ms', on: 'cancel' }, ['step:leg']]]]],
    ],
  ];

  it('cancels every part, waits for their clean-up, then raises TimeoutError', () => {
    const python = cpython(`${PARTS}
async def main():
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.TaskGroup() as group:
                for n in range(3):
                    group.create_task(part(n, 200))
    except TimeoutError:
        log('timeout')
run(main)`);
    expect(python).toEqual([
      [100, 'cleaning up', 0],
      [100, 'cleaning up', 1],
      [100, 'cleaning up', 2],
      [150, 'timeout'],
    ]);
    const group = trace(level, guarded('taskGroup'));
    expect(cleanups(group)).toEqual([
      [100, 'cleaning up', 'part 1'],
      [100, 'cleaning up', 'part 2'],
      [100, 'cleaning up', 'part 3'],
    ]);
    expect(outcomes(group)).toEqual([[0, 150, 'timeout']]);
  });

  it('does the same around gather(), with or without return_exceptions', () => {
    for (const returnExceptions of ['False', 'True']) {
      const python = cpython(`${PARTS}
async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.gather(*(part(n, 200) for n in range(3)), return_exceptions=${returnExceptions})
    except TimeoutError:
        log('timeout')
run(main)`);
      expect(python.at(-1)).toEqual([150, 'timeout']);
    }
    for (const box of ['fanOut', 'gatherAll'] as const)
      expect(outcomes(trace(level, guarded(box))), box).toEqual([[0, 150, 'timeout']]);
  });

  it('cancels the branches of a Gather branches box the same way', () => {
    const legs = makeLevel({
      steps: [step('flight', io('300ms')), step('hotel', io('200ms'))],
      streams: [jobs(1, ['flight', 'hotel'])],
    });
    const python = cpython(`${PARTS}
async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.gather(part('flight', 300), part('hotel', 200))
    except TimeoutError:
        log('timeout')
run(main)`);
    expect(python).toEqual([
      [100, 'cleaning up', 'flight'],
      [100, 'cleaning up', 'hotel'],
      [150, 'timeout'],
    ]);
    const cleanup = (id: string): Item => ['cleanup', { takes: '50ms', on: 'cancel' }, [id]];
    const events = trace(legs, [
      [
        'timeout',
        { after: '100ms' },
        [{ gather: {}, branches: [[cleanup('step:flight')], [cleanup('step:hotel')]] }],
      ],
    ]);
    expect(cleanups(events)).toEqual([
      [100, 'cleaning up', 'branch 1'],
      [100, 'cleaning up', 'branch 2'],
    ]);
    expect(outcomes(events)).toEqual([[0, 150, 'timeout']]);
  });
});

/** A Python program with real threads, run as it is: what happened, in order. */
function threaded(body: string): unknown[] {
  const out = execFileSync(
    'python3',
    [
      '-c',
      `
import asyncio, json, threading, time
from concurrent.futures import ThreadPoolExecutor
events = []
lock = threading.Lock()
def log(*what):
    with lock:
        events.append(list(what))
${body}
print(json.dumps(events))`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as unknown[];
}

describe('a Timeout around a pool call, as CPython runs run_in_executor', () => {
  // One thread; two jobs at once, each 500 ms of blocking work under a 100 ms Timeout.
  const level = makeLevel({
    steps: [step('save', io('500ms', 'blocking'))],
    streams: [jobs(2, ['save'])],
  });
  const chain: Item[] = [
    [
      'tasks',
      {},
      [['timeout', { after: '100ms' }, [['threadPool', { workers: 1 }, ['step:save']]]]],
    ],
  ];

  it('times out at once; the queued call never runs, the running one runs to its end', () => {
    // Margins of 400 ms against a 100 ms timeout: only the order is compared, never times.
    const python = threaded(`
pool = ThreadPoolExecutor(max_workers=1)
def save(n):
    log('thread starts', n)
    time.sleep(0.5)
    log('thread ends', n)
async def handle(n):
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1):
            await loop.run_in_executor(pool, save, n)
    except TimeoutError:
        log('timeout', n)
async def main():
    await asyncio.gather(handle(0), handle(1))
    log('main goes on')
asyncio.run(main())
pool.shutdown(wait=True)
log('pool idle')`);
    expect(python).toEqual([
      ['thread starts', 0],
      ['timeout', 0],
      ['timeout', 1],
      ['main goes on'],
      ['thread ends', 0],
      ['pool idle'],
    ]);
    const events = trace(level, chain);
    expect(outcomes(events)).toEqual([
      [0, 100, 'timeout'],
      [1, 100, 'timeout'],
    ]);
    // The pool's thread took job 0 only, and worked on it to its end for nobody.
    const threads = new Set<number>();
    const work: unknown[][] = [];
    for (const e of events) {
      if (e.type === 'workerCreated' && e.kind === 'thread') threads.add(e.worker);
      if (e.type === 'workerState' && threads.has(e.worker) && e.job >= 0)
        work.push([e.t / 1000, e.state, e.job]);
    }
    expect(work.map((w) => w[2])).not.toContain(1);
    expect(work.at(-1)?.[0]).toBeLessThanOrEqual(500);
  });
});
