/**
 * How main() stops a queue's workers after its last put, against CPython on a simulated
 * clock: jobs arrive every 60 ms, each takes 100 ms of async IO in one of the workers.
 * - join+cancel: `await queue.join()`, then cancel the workers: every job is done;
 * - cancel, without join: the job a worker is in and the jobs still queued are dropped;
 * - never: nothing stops the workers, so main() awaits them for ever: the program hangs;
 * - shutdown (3.13): the workers take what is left, then get() raises QueueShutDown.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/simulate';
import type { Level } from '../../../../src/model/level';
import type { QueueStop } from '../../../../src/model/vocabulary';
import { io, jobs, makeLevel, step, wire } from '../build';
import { cpython } from './virtualClock';

const level: Level = makeLevel({
  steps: [step('work', io('100ms'))],
  streams: [jobs(5, ['work'], { arrival: { type: 'interval', every: '60ms' } })],
});

/** What the engine says happened: `[ms, 'delivered' | 'lost', job]`, the outcome and the workers' ends. */
function engine(stop: QueueStop, workers = 2) {
  const result = simulate(
    level,
    wire(level, [['queue', { capacity: 0, workers, stop }, ['step:work']]]),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const rows: unknown[][] = [];
  const queueWorkers = new Set<number>();
  const ends: number[] = [];
  for (const e of result.trace ?? []) {
    if (e.type === 'workerCreated' && e.label.startsWith('worker ')) queueWorkers.add(e.worker);
    if (e.type === 'workerState' && e.state === 'done' && queueWorkers.has(e.worker))
      ends.push(e.t / 1000);
    if (e.type === 'jobDelivered') rows.push([e.t / 1000, 'delivered', e.job]);
    if (e.type === 'jobLost') rows.push([e.t / 1000, 'lost', e.job]);
  }
  return { rows, ends, verdict: result.verdict };
}

/** The workers and main() of the scenario; `ending` is what main() does after its last put. */
const scenario = (ending: string, workers = 2): string => `
async def worker(name, q):
    while True:
        try:
            job = await q.get()
        except getattr(asyncio, 'QueueShutDown', ()):
            log('worker returns')
            return
        try:
            await asyncio.sleep(0.1)
            log('delivered', job)
        finally:
            q.task_done()
async def main():
    q = asyncio.Queue()
    workers = [asyncio.create_task(worker(w, q)) for w in range(${workers})]
    for job in range(5):
        wait = job * 0.06 - asyncio.get_running_loop().time()
        if wait > 0:
            await asyncio.sleep(wait)
        await q.put(job)
${ending}
run(main)`;

describe('stopping a queue’s workers, as CPython does', () => {
  it('join, then cancel: every job is done, and the idle workers are cancelled', () => {
    const python = cpython(
      scenario(`    await q.join()
    for w in workers:
        w.cancel()
    ended = await asyncio.gather(*workers, return_exceptions=True)
    log('cancelled', sum(isinstance(e, asyncio.CancelledError) for e in ended))`),
    );
    expect(python).toEqual([
      [100, 'delivered', 0],
      [160, 'delivered', 1],
      [220, 'delivered', 2],
      [280, 'delivered', 3],
      [340, 'delivered', 4],
      [340, 'cancelled', 2],
    ]);
    const run = engine('join+cancel');
    expect(run.rows).toEqual(python.slice(0, 5));
    expect(run.verdict.outcome).toBe('finished');
  });

  it('cancel without join: the job in hand and the jobs still queued are dropped', () => {
    const python = cpython(
      scenario(`    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    log('left in the queue', q.qsize())`),
    );
    // At 240 ms job 3 is in a worker's hands and job 4 was just put: neither is done.
    expect(python).toEqual([
      [100, 'delivered', 0],
      [160, 'delivered', 1],
      [220, 'delivered', 2],
      [240, 'left in the queue', 1],
    ]);
    const run = engine('cancel');
    expect(run.rows).toEqual([...python.slice(0, 3), [240, 'lost', 4], [240, 'lost', 3]]);
    expect(run.ends).toEqual([240, 240]);
    expect(run.verdict.outcome).toBe('finished');
    expect(run.verdict.problems).toContain('2 jobs were lost (dropped, never delivered).');
  });

  it('never: main() awaits workers that nothing stops, and the program never ends', () => {
    // wait_for stands in for "for ever": nothing happens in the 10 s it waits.
    const python = cpython(
      scenario(`    try:
        await asyncio.wait_for(asyncio.gather(*workers), 10)
    except TimeoutError:
        log('still waiting for the workers')`),
    );
    expect(python.slice(-2)).toEqual([
      [340, 'delivered', 4],
      [10_240, 'still waiting for the workers'],
    ]);
    const run = engine('never');
    expect(run.rows).toEqual(python.slice(0, 5));
    expect(run.ends).toEqual([]);
    expect(run.verdict.outcome).toBe('deadlock');
    expect(run.verdict.deadlock).toEqual([
      {
        waiter: 'main()',
        resource: 'the workers of queue1 to return',
        holder: '2 workers waiting in queue.get() for jobs that never come',
      },
    ]);
    expect(run.verdict.problems[0]).toMatch(/^The program never ends/);
  });

  /**
   * Queue.shutdown() is Python 3.13's (Lib/asyncio/queues.py, `shutdown`): it wakes every
   * get() blocked on the empty queue, and from then a get() on the empty queue raises
   * QueueShutDown (so workers first take what is left) and a put() raises it at once.
   * The engine is held to that here; when a Python 3.13 is at hand, to CPython as well.
   */
  it('shutdown: the workers take what is left, then each returns as it finds the queue empty', () => {
    const expected = [
      [100, 'delivered', 0],
      [160, 'delivered', 1],
      [220, 'delivered', 2],
      [240, 'put raises QueueShutDown'],
      [240, 'worker returns'],
      [280, 'delivered', 3],
      [280, 'worker returns'],
      [340, 'delivered', 4],
      [340, 'worker returns'],
    ];
    const python = python313();
    if (python !== null) {
      const ran = cpython(
        scenario(
          `    q.shutdown()
    try:
        await q.put(99)
    except asyncio.QueueShutDown:
        log('put raises QueueShutDown')
    await asyncio.gather(*workers)`,
          3,
        ),
        python,
      );
      expect(ran).toEqual(expected);
    }
    const run = engine('shutdown', 3);
    expect(run.rows).toEqual(expected.filter((row) => row[1] === 'delivered'));
    // The idle worker returns as soon as main() shuts the queue down; the others after their last job.
    expect(run.ends).toEqual([240, 280, 340]);
    expect(run.verdict.outcome).toBe('finished');
  });
});

/** A Python with asyncio.Queue.shutdown (3.13 or later), or null when there is none here. */
function python313(): string | null {
  for (const candidate of ['python3', 'python3.13', 'python3.14']) {
    try {
      execFileSync(candidate, ['-c', 'import asyncio; asyncio.QueueShutDown'], {
        stdio: 'ignore',
        timeout: 10_000,
      });
      return candidate;
    } catch {
      // Not installed, or older than 3.13.
    }
  }
  return null;
}
