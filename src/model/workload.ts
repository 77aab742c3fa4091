/**
 * How much work a contract asks for, counted before anything is unrolled: the ops a step
 * runs once its repeats are unrolled, and the ops of every job (once per part for a
 * per-part step). The loader refuses a contract past these sizes, so a link or a file
 * that asks for more than a browser tab can simulate says so when it is opened, not when
 * it is run; the engine checks the same limits on what it is handed directly.
 */
import { pointer } from './errors';
import type { Level, Op } from './level';

/** A step may unroll to at most this many ops (a 30-move chess game is 60). */
export const MAX_OPS_PER_STEP = 10_000;
/**
 * A contract's work in all — each job's ops, once per part for a per-part step — is at
 * most this: about what a run can simulate and trace in a browser tab (the benchmark's
 * queue is 2,000,000).
 */
export const MAX_WORK_OPS = 5_000_000;

/**
 * Most trace events a full run keeps for the run view and a trace file: the run's beginning, whole (see
 * `SimResult.recordedUntilUs`); metrics and verdict always cover the whole run. Bounds the
 * memory of a run of millions of jobs, and the page's work reading its trace.
 */
export const TRACE_LIMIT = 100_000;

/** The ops `ops` unroll to: a repeat multiplies, an update adds its read and its write. */
export function unrolledOps(ops: readonly Op[]): number {
  let count = 0;
  for (const op of ops) {
    if ('repeat' in op) count += Math.max(0, op.repeat) * unrolledOps(op.ops);
    else if ('update' in op) count += 2 + unrolledOps(op.ops);
    else count += 1;
  }
  return count;
}

/** A problem with the contract's size, at its JSON path. */
export interface SizeProblem {
  readonly path: string;
  readonly detail: string;
}

/**
 * Steps that unroll past MAX_OPS_PER_STEP, or else a workload past MAX_WORK_OPS, named at
 * the stream that asks for the most (its parts, or its count).
 */
export function sizeProblems(level: Level): SizeProblem[] {
  const problems: SizeProblem[] = [];
  const opsOf = new Map<string, { ops: number; perPart: boolean }>();
  level.steps.forEach((step, i) => {
    const ops = unrolledOps(step.ops);
    opsOf.set(step.id, { ops, perPart: step.perPart === true });
    if (ops > MAX_OPS_PER_STEP)
      problems.push({
        path: pointer(pointer('/steps', i), 'ops'),
        detail: `unrolls to more than ${MAX_OPS_PER_STEP} ops`,
      });
  });
  const work = level.workload.streams.map((stream) => {
    const parts = stream.parts ?? 1;
    const perJob = stream.recipe.reduce((sum, id) => {
      const step = opsOf.get(id);
      return step === undefined ? sum : sum + step.ops * (step.perPart ? parts : 1);
    }, 0);
    return perJob * stream.count;
  });
  const total = work.reduce((a, b) => a + b, 0);
  // A step too long to unroll has said so: the work it would make is no figure to quote.
  if (problems.length === 0 && total > MAX_WORK_OPS) {
    const biggest = work.indexOf(Math.max(...work));
    const field = (level.workload.streams[biggest]?.parts ?? 1) > 1 ? 'parts' : 'count';
    problems.push({
      path: pointer(pointer('/workload/streams', biggest), field),
      detail: `the jobs would run ${total} ops in all (jobs × parts × the ops of their steps): at most ${MAX_WORK_OPS}`,
    });
  }
  return problems;
}
