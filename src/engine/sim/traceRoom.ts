/**
 * A trace with a limit on its length, so a run's memory does not grow with its trace: a
 * million-job run would otherwise record tens of millions of events. The run itself and
 * its metrics go on to the end; only the recording stops.
 *
 * What is kept is the run's beginning, whole: every event before the moment the room ran
 * out (`cutAt`), none after. Arrivals are recorded up front for the whole run, so they may
 * take at most half the room; the rest is for what happens to the jobs.
 */
import type { TraceEvent } from '../trace';

export interface TraceRoom {
  /** A plain array: `push` refuses what does not fit, and records when the room ran out. */
  readonly events: TraceEvent[];
  /** The first time not recorded in full; Infinity while everything fits. */
  cutAt(): number;
}

export function traceRoom(limit: number): TraceRoom {
  const events: TraceEvent[] = [];
  let cut = Infinity;
  let arrivals = 0;
  const push = Array.prototype.push;
  const refuse = (t: number): number => {
    if (t < cut) cut = t;
    return events.length;
  };
  // On the instance and not enumerable: the array still clones and compares as a plain one.
  Object.defineProperty(events, 'push', {
    enumerable: false,
    value: (event: TraceEvent): number => {
      if (event.t >= cut) return events.length;
      if (event.type === 'jobArrived') {
        if (arrivals >= limit / 2) return refuse(event.t);
        arrivals++;
      } else if (events.length >= limit) return refuse(event.t);
      return push.call(events, event);
    },
  });
  return { events, cutAt: () => cut };
}
