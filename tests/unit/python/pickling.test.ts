/**
 * A process pool with big payloads, exported and run by python3. CPython pickles a call's
 * arguments in the calling process (the call queue's feeder thread) and unpickles its
 * result there too (the executor's manager thread); the worker does the other halves.
 * The program must end every job as the engine does, in the engine's order; how long it
 * takes next to the prediction is `npm run fidelity`'s question (it depends on how fast
 * this machine pickles).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { exportPython } from '../../../src/python/exportPython';
import { cpu, jobs, makeLevel, step, wire } from '../engine/build';
import { runProgram } from '../../../src/cli/python/run';
import { engineOutcomes } from './outcomes';

describe('a process pool with big payloads', () => {
  it('delivers every job, in the order the engine does, the main process pickling while the worker computes', async () => {
    const level = makeLevel({
      cores: 2,
      steps: [step('crunch', cpu('10ms'))],
      streams: [jobs(20, ['crunch'], { payload: '10MB' })],
    });
    const solution = wire(level, [
      ['tasks', {}, [['processPool', { workers: 1 }, ['step:crunch']]]],
    ]);
    const engine = simulate(level, solution);
    if (!engine.ok) throw new Error(JSON.stringify(engine.issues));
    const trace = engine.trace ?? [];
    // The feeder pickles the second call before the worker has sent back the first result.
    const first = (detail: string, job: number): number =>
      trace.find((e) => e.type === 'workerState' && e.detail === detail && e.job === job)?.t ??
      Infinity;
    expect(first('pickling a call', 1)).toBeLessThan(first('pickling the result', 0));

    const program = exportPython(level, solution, { scale: 0.5 });
    const { report } = await runProgram(program.source, [], 240_000);
    expect(report.outcomes).toEqual(engineOutcomes(trace, 20));
    const delivered = trace.flatMap((e) => (e.type === 'jobDelivered' ? [e.job] : []));
    const byCompletion = report.completions
      .map((t, job) => ({ t: t ?? Infinity, job }))
      .sort((a, b) => a.t - b.t)
      .map((c) => c.job);
    expect(byCompletion).toEqual(delivered);
  }, 300_000);
});
