/**
 * A Task group and a Fan-out over a job's parts, against CPython on a simulated clock.
 * Three parts call a service that takes two calls at a time: the third is refused 10 ms
 * in. In a TaskGroup that error cancels the other two, whose clean-up (50 ms) runs, and
 * the group raises an ExceptionGroup when they are done; an `except*` clause catches it
 * by type. gather() passes the error on at once, and the other parts run on, unawaited.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/engine/simulate';
import type { Level } from '../../../../src/model/level';
import type { Solution } from '../../../../src/model/solution';
import { jobs, makeLevel, wire, type Item } from '../build';
import { cpython } from './virtualClock';

const level: Level = makeLevel({
  steps: [{ id: 'call', label: 'call', perPart: true, ops: [{ call: 'api', mode: 'async' }] }],
  streams: [jobs(1, ['call'], { parts: 3 })],
  services: [{ id: 'api', label: 'api', latency: '200ms', maxConcurrent: 2, refuseAfter: '10ms' }],
});

const SERVICE = `
active = 0
async def call(part):
    global active
    if active >= 2:
        await asyncio.sleep(0.01)
        log('refused', part)
        raise ServiceError()
    active += 1
    try:
        await asyncio.sleep(0.2)
        log('answered', part)
    finally:
        active -= 1
async def handle_part(part):
    try:
        await call(part)
    except asyncio.CancelledError:
        log('cleaning up', part)
        await asyncio.sleep(0.05)
        log('cleaned up', part)
        raise
`;

/** The job's outcome and what each part was doing when, from the engine's trace. */
function run(solution: Solution): { outcome: unknown[]; parts: unknown[][] } {
  const result = simulate(level, solution);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const trace = result.trace ?? [];
  const parts = new Map<number, number>();
  const rows: unknown[][] = [];
  let outcome: unknown[] = [];
  for (const e of trace) {
    if (e.type === 'workerCreated' && e.label.startsWith('part ')) parts.set(e.worker, parts.size);
    if (e.type === 'workerState' && parts.has(e.worker)) {
      const part = parts.get(e.worker);
      if (e.detail === 'cleaning up') rows.push([e.t / 1000, 'cleaning up', part]);
      if (e.state === 'done') rows.push([e.t / 1000, 'done', part]);
    }
    if (e.type === 'jobFailed') outcome = [e.t / 1000, e.reason];
    if (e.type === 'jobDelivered') outcome = [e.t / 1000, 'delivered'];
  }
  return { outcome, parts: rows };
}

const group = (catches: string): Item[] => [
  ['taskGroup', { catches }, [['cleanup', { takes: '50ms', on: 'cancel' }, ['step:call']]]],
];

/** The group's "failed" port wired to the Sink: a job caught there arrives with its parts unfinished. */
function withExceptPort(catches: string): Solution {
  const solution = wire(level, group(catches));
  return {
    ...solution,
    connections: [...solution.connections, { from: 'taskGroup1', fromPort: 'failed', to: 'sink' }],
  };
}

describe('a Task group, as CPython runs asyncio.TaskGroup', () => {
  it('cancels the other parts at the first error, waits for their clean-up, then raises', () => {
    const python = cpython(`${SERVICE}
async def main():
    try:
        async with asyncio.TaskGroup() as group:
            for part in range(3):
                group.create_task(handle_part(part))
    except* ServiceError as caught:
        log('except* ServiceError', len(caught.exceptions))
run(main)`);
    expect(python).toEqual([
      [10, 'refused', 2],
      [10, 'cleaning up', 0],
      [10, 'cleaning up', 1],
      [60, 'cleaned up', 0],
      [60, 'cleaned up', 1],
      [60, 'except* ServiceError', 1],
    ]);
    const engine = run(wire(level, group('Exception')));
    expect(engine.parts).toEqual([
      [10, 'done', 2],
      [10, 'cleaning up', 0],
      [10, 'cleaning up', 1],
      [60, 'done', 0],
      [60, 'done', 1],
    ]);
    // No except* port: the ExceptionGroup fails the job, when the group is done.
    expect(engine.outcome).toEqual([60, 'refused']);
  });

  it('routes by error type: except* catches only the type it names', () => {
    const python = cpython(`${SERVICE}
async def main():
    try:
        try:
            async with asyncio.TaskGroup() as group:
                for part in range(3):
                    group.create_task(handle_part(part))
        except* TimeoutError:
            log('except* TimeoutError')
    except* ServiceError:
        log('passed on to the next except*')
run(main)`);
    expect(python.map((row) => row[1])).toContain('passed on to the next except*');
    expect(python.map((row) => row[1])).not.toContain('except* TimeoutError');
    // Caught: the job leaves by the port (here to the Sink, which finds its parts unfinished).
    expect(run(withExceptPort('ServiceError')).outcome).toEqual([60, 'unfinished']);
    expect(run(withExceptPort('Exception')).outcome).toEqual([60, 'unfinished']);
    // Not caught: the group's error goes on and fails the job.
    expect(run(withExceptPort('TimeoutError')).outcome).toEqual([60, 'refused']);
  });
});

describe('a Fan-out, as CPython runs asyncio.gather', () => {
  it('passes the first error to the awaiting task at once, while the other parts run on', () => {
    const python = cpython(`${SERVICE}
async def main():
    try:
        await asyncio.gather(*(handle_part(part) for part in range(3)))
    except ServiceError:
        log('gather raised')
    await asyncio.sleep(1)
run(main)`);
    // Two timers due at the same time fire in no promised order: compare the answers as a set.
    expect(python.slice(0, 2)).toEqual([
      [10, 'refused', 2],
      [10, 'gather raised'],
    ]);
    expect(python.slice(2).sort()).toEqual([
      [200, 'answered', 0],
      [200, 'answered', 1],
    ]);
    const engine = run(
      wire(level, [['fanOut', {}, [['cleanup', { takes: '50ms', on: 'cancel' }, ['step:call']]]]]),
    );
    expect(engine.outcome).toEqual([10, 'refused']);
    // Nobody cancels the other two: no clean-up runs (the run ends with its last job).
    expect(engine.parts).toEqual([[10, 'done', 2]]);
  });
});
