/**
 * Each job's outcome in an engine run, in the words an exported program's report uses:
 * what the engine and CPython are compared on, since it does not depend on speed.
 */
import type { TraceEvent } from '../../../src/engine/trace';

export type Outcome = 'done' | 'failed' | 'lost' | 'unresolved';

/** Job by job, the first outcome the trace records (as the program's RESULTS.setdefault keeps the first). */
export function engineOutcomes(trace: readonly TraceEvent[], jobs: number): Outcome[] {
  const outcomes: Outcome[] = Array.from({ length: jobs }, () => 'unresolved');
  const settle = (job: number, outcome: Outcome): void => {
    if (outcomes[job] === 'unresolved') outcomes[job] = outcome;
  };
  for (const e of trace) {
    if (e.type === 'jobDelivered') settle(e.job, 'done');
    else if (e.type === 'jobFailed') settle(e.job, 'failed');
    else if (e.type === 'jobLost') settle(e.job, 'lost');
  }
  return outcomes;
}
