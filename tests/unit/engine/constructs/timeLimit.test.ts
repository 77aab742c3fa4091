/**
 * A Time limit around main()'s producer loop, against CPython on a simulated clock:
 * `async with asyncio.timeout(t):` around `async for job in arrivals()`. When it expires
 * the job main works on is cancelled (its clean-up runs first) and every job not yet
 * taken is never taken; tasks already handed on are outside it and run to their end.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/simulate';
import type { Level } from '../../../../src/model/level';
import type { Solution } from '../../../../src/model/solution';
import { runProgram } from '../../../../src/cli/python/run';
import { exportPython } from '../../../../src/python/exportPython';
import { io, jobs, makeLevel, step, wire, type Item } from '../build';
import { cpython } from './virtualClock';

/** A wiring with a Time limit beside it, on the top level. */
function limited(level: Level, chain: readonly Item[], after: string): Solution {
  const solution = wire(level, chain);
  return {
    ...solution,
    nodes: [
      ...solution.nodes,
      { id: 'limit', type: 'timeLimit', params: { after }, position: { x: 0, y: 300 } },
    ],
  };
}

/** Each job's outcome: `[job, ms, 'delivered' | 'lost' | reason]`. */
function outcomes(level: Level, solution: Solution): unknown[][] {
  const result = simulate(level, solution);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const rows: unknown[][] = [];
  for (const e of result.trace ?? []) {
    if (e.type === 'jobDelivered') rows.push([e.job, e.t / 1000, 'delivered']);
    if (e.type === 'jobFailed') rows.push([e.job, e.t / 1000, e.reason]);
    if (e.type === 'jobLost') rows.push([e.job, e.t / 1000, 'lost']);
  }
  return rows.sort((a, b) => (a[0] as number) - (b[0] as number));
}

// Five jobs, one every 100 ms; main() works on each for 150 ms.
const level = makeLevel({
  steps: [step('work', io('150ms'))],
  streams: [jobs(5, ['work'], { arrival: { type: 'interval', every: '100ms' } })],
});

const ARRIVALS = `
async def arrivals():
    for n in range(5):
        wait = n * 0.1 - asyncio.get_running_loop().time()
        if wait > 0:
            await asyncio.sleep(wait)
        yield n
`;

describe("a Time limit, as CPython runs asyncio.timeout around main()'s loop", () => {
  it('cancels the job main works on, after its clean-up, and takes no job after it', () => {
    const python = cpython(`${ARRIVALS}
async def main():
    job = None
    try:
        async with asyncio.timeout(0.4):
            async for job in arrivals():
                try:
                    await asyncio.sleep(0.15)
                    log('delivered', job)
                except asyncio.CancelledError:
                    await asyncio.sleep(0.02)  # its clean-up
                    log('failed', job)
                    raise
    except TimeoutError:
        log('never taken', list(range(job + 1, 5)))
run(main)`);
    expect(python).toEqual([
      [150, 'delivered', 0],
      [300, 'delivered', 1],
      [420, 'failed', 2],
      [420, 'never taken', [3, 4]],
    ]);
    const chain: Item[] = [['cleanup', { takes: '20ms', on: 'cancel' }, ['step:work']]];
    expect(outcomes(level, limited(level, chain, '400ms'))).toEqual([
      [0, 150, 'delivered'],
      [1, 300, 'delivered'],
      [2, 420, 'timeout'],
      [3, 420, 'lost'],
      [4, 420, 'lost'],
    ]);
  });

  it('leaves the tasks main handed on to run to their end', () => {
    const python = cpython(`${ARRIVALS}
async def handle(job):
    await asyncio.sleep(0.15)
    log('delivered', job)
async def main():
    job = None
    async with asyncio.TaskGroup() as group:
        try:
            async with asyncio.timeout(0.25):
                async for job in arrivals():
                    group.create_task(handle(job))
        except TimeoutError:
            log('never taken', list(range(job + 1, 5)))
run(main)`);
    // Two timers due at the same time fire in no promised order: compare those as a set.
    expect(python.slice(1, 3).sort()).toEqual([
      [250, 'delivered', 1],
      [250, 'never taken', [3, 4]],
    ]);
    expect([python[0], python[3]]).toEqual([
      [150, 'delivered', 0],
      [350, 'delivered', 2],
    ]);
    expect(outcomes(level, limited(level, [['tasks', {}, ['step:work']]], '250ms'))).toEqual([
      [0, 150, 'delivered'],
      [1, 250, 'delivered'],
      [2, 350, 'delivered'],
      [3, 250, 'lost'],
      [4, 250, 'lost'],
    ]);
  });

  it('withdraws main from a full queue it waits to put into', () => {
    const slow = makeLevel({
      steps: [step('work', io('350ms'))],
      streams: [jobs(5, ['work'], { arrival: { type: 'interval', every: '100ms' } })],
    });
    const queued: Item[] = [
      ['queue', { capacity: 1, workers: 1, whenFull: 'block' }, ['step:work']],
    ];
    // The worker holds job 0 until 350 ms and job 1 waits in the queue: main waits to put
    // job 2 from 200 ms (`await queue.put`); at 250 ms that await is cancelled, and job 2
    // fails there. The worker goes on with job 1 as before.
    expect(outcomes(slow, limited(slow, queued, '250ms'))).toEqual([
      [0, 350, 'delivered'],
      [1, 700, 'delivered'],
      [2, 250, 'timeout'],
      [3, 250, 'lost'],
      [4, 250, 'lost'],
    ]);
  });

  it('is refused inside a box, and twice', () => {
    const solution = limited(level, ['step:work'], '1s');
    const twice: Solution = {
      ...solution,
      nodes: [
        ...solution.nodes,
        { id: 'again', type: 'timeLimit', params: { after: '2s' }, position: { x: 0, y: 400 } },
      ],
    };
    const result = simulate(level, twice);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain('one Time limit');
  });

  it('runs as exported Python and ends each job as the engine does', async () => {
    const solution = limited(level, [['tasks', {}, ['step:work']]], '250ms');
    const engine = simulate(level, solution, { trace: false });
    if (!engine.ok) throw new Error(JSON.stringify(engine.issues));
    const program = exportPython(level, solution, { scale: 1 });
    expect(program.issues).toEqual([]);
    const { report } = await runProgram(program.source);
    expect(report.jobs).toEqual({ done: 3, failed: 0, lost: 2, unresolved: 0 });
    expect(engine.metrics.done).toBe(3);
    expect(engine.metrics.lost).toBe(2);
  });
});
