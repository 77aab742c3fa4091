/**
 * The engine's one entry point: runs a wiring on a contract and returns the trace, the
 * metrics and the verdict. Pure and deterministic: the same level, solution and seed give
 * the same result in node and in every browser.
 */
import { withProfile } from '../model/profile';
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import { compileLevel } from './compileLevel';
import { compileWiring } from './compileWiring';
import { lowerBound } from './lowerBound';
import { measure } from './metrics';
import type { LowerBound, SimOptions, SimResult } from './result';
import { Runtime } from './sim/runtime';
import type { RunSpec } from './spec';
import { judge } from './verdict';

/** Events a run may take by default: far more than any contract needs, few enough to stop a runaway. */
export function defaultBudget(spec: RunSpec): number {
  return 20_000_000 + spec.totalJobs * 200;
}

const bounds = new WeakMap<Level, Map<number, LowerBound>>();

/** Throws InputErrors when the level itself is invalid; a wiring's mistakes come back as issues. */
export function simulate(given: Level, solution: Solution, options: SimOptions = {}): SimResult {
  const level = options.profile ? withProfile(given, options.profile) : given;
  const compiled = compileLevel(level);
  const spec: RunSpec = options.seed === undefined ? compiled : { ...compiled, seed: options.seed };
  const { program, issues } = compileWiring(solution, level, spec);
  if (program === null) return { ok: false, issues };
  const rt = new Runtime(spec, program, {
    trace: options.trace ?? true,
    budget: options.eventBudget ?? defaultBudget(spec),
    traceLimit: options.traceLimit,
  });
  const progress = options.onProgress;
  if (progress) {
    const jobs = rt.jobs;
    rt.world.onTick = () => progress(jobs.done + jobs.failed + jobs.lost, jobs.count);
  }
  rt.run();
  const metrics = measure(rt, boundFor(level, spec, rt));
  const verdict = judge(level, rt, metrics);
  const cut = rt.traceCutAt;
  return cut === Infinity || rt.trace === null
    ? { ok: true, metrics, verdict, trace: rt.trace }
    : { ok: true, metrics, verdict, trace: rt.trace, recordedUntilUs: cut };
}

/** The lower bound depends on the level and seed only: computed once per pair. */
function boundFor(level: Level, spec: RunSpec, rt: Runtime): LowerBound {
  let perSeed = bounds.get(level);
  if (perSeed === undefined) bounds.set(level, (perSeed = new Map()));
  let bound = perSeed.get(spec.seed);
  if (bound === undefined)
    perSeed.set(spec.seed, (bound = lowerBound(spec, rt.jobs, rt.durations)));
  return bound;
}
