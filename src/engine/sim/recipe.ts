/** Recipes: each job needs its kind's steps in order, and fails at a step it does not need next. */
import type { StepInstr } from '../program';
import type { Failure } from './flow';
import type { Runtime } from './runtime';

/** The jobs of a Batch chunk that need step `ins` next; each of the others fails there. */
export function keepJobsAtStep(rt: Runtime, chunk: readonly number[], ins: StepInstr): number[] {
  return chunk.filter((job) => {
    const failure = wrongStep(rt, job, rt.jobs.pos[job] as number, ins);
    if (failure !== null) rt.failJob(job, 'wrongStep', ins.node, failure.detail);
    return failure === null;
  });
}

/** Null when `ins` is the step the job needs at recipe position `pos`; else why it fails there. */
export function wrongStep(rt: Runtime, job: number, pos: number, ins: StepInstr): Failure | null {
  const expected = rt.jobs.recipeOf(job)[pos];
  if (expected === ins.step) return null;
  const label = (i: number): string => `"${rt.spec.steps[i]?.label ?? '?'}"`;
  const kind = rt.spec.kinds[rt.jobs.kind[job] as number];
  const detail =
    expected === undefined
      ? `a ${kind} job reached ${label(ins.step)} after its recipe was complete`
      : `a ${kind} job reached ${label(ins.step)} but needed ${label(expected)} next`;
  return { cancel: false, reason: 'wrongStep', node: ins.node, detail, fatal: true };
}
