/**
 * The stand-in machinery every exported program ends with: the clock, the busy loop that
 * plays CPU work, the services, the contract's jobs and the report. None of it is part of
 * the lesson; it is what lets the wiring's code run on its own and be timed.
 *
 * Each piece mirrors the engine (src/engine/sim), so a program measures what the engine
 * predicts: random times are drawn with the engine's hash and arithmetic, arrivals are
 * placed the same way, a service refuses and fails as the engine's does, and a worker
 * process is charged the contract's start-up, call and pickling costs as CPU time.
 *
 * Only the parts a program uses are written, so a first contract's program stays short.
 * Each part (in prelude/) is Python text that starts with a line break and the blank
 * lines that part it from the one before, so the parts join into one listing.
 */
import { BATCHES } from './prelude/batches';
import { CLOCK, FAILURES, LOSSES } from './prelude/clock';
import { DRAWS, ROUND } from './prelude/draws';
import { jobs, type ArrivalType } from './prelude/jobs';
import { PROCESSES } from './prelude/processes';
import { REPORT, RUN, STATE_REPORT } from './prelude/run';
import { SERVICES } from './prelude/services';

export interface PreludeNeeds {
  /** Random times (steps, arrivals, services): the draw functions. */
  readonly draws: boolean;
  readonly services: boolean;
  /** Jobs can fail (a service call, a timeout, a retry): `ServiceError` and `fail()`. */
  readonly failures: boolean;
  /** Jobs can be lost (a shed queue, a path that ends before the Sink). */
  readonly losses: boolean;
  readonly batches: boolean;
  /** A worker process pool: its call and pickling costs. */
  readonly processes: boolean;
  /** Arrival patterns the contract's streams use. */
  readonly arrivals: readonly ArrivalType[];
}

/** Python source lines of the stand-ins; `shutdown` are the lines that close the pools. */
export function preludeLines(
  needs: PreludeNeeds,
  sharedState: boolean,
  shutdown: readonly string[],
): string[] {
  const parts = [CLOCK];
  if (needs.failures) parts.push(FAILURES);
  if (needs.losses) parts.push(LOSSES);
  if (needs.draws || needs.processes) parts.push(ROUND);
  if (needs.draws) parts.push(DRAWS);
  if (needs.services) parts.push(SERVICES);
  if (needs.batches) parts.push(BATCHES);
  if (needs.processes) parts.push(PROCESSES);
  parts.push(jobs(needs.arrivals, needs.processes), REPORT);
  if (sharedState) parts.push(STATE_REPORT);
  parts.push(RUN);
  const lines = parts.join('').split('\n').slice(1);
  for (const line of shutdown) lines.push(`    ${line}`);
  lines.push('    report()');
  return lines;
}
