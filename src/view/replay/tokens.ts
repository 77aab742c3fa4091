/**
 * Where each job's token is at a moment: sitting in a node, or travelling along the
 * way to the next node it enters.
 *
 * The engine moves a job between nodes in no time; a token that jumped would be hard to
 * follow. So a token sets off before its job's next visit and arrives exactly when the
 * job enters: it travels during the last `travelUs` of its stay, but never for more than
 * `TRAVEL_SHARE` of the stay, so it is seen in each node it waits in. Visits at the same
 * instant (into a box, then its first step) are one journey through every one of them.
 * `travelUs` is the caller's: the run view makes a journey last the same on screen at any
 * playback speed.
 */
import type { Micros } from '../../model/units';
import type { Replay } from './replay';
import { lastAtOrBefore } from './series';

/** Longest share of a stay a token spends travelling to the next node. */
export const TRAVEL_SHARE = 0.4;

export interface TokenPlace {
  readonly job: number;
  /** Entry (index into `replay.jobs.entry*`) of the node the token is in, or is leaving. */
  readonly from: number;
  /** Entry of the node it is travelling to; -1 while it sits in `from`. */
  readonly to: number;
  /** How far along the journey from `from` through `from + 1 … to`, from 0 to 1. */
  readonly progress: number;
}

/** Tokens of many jobs at one moment, as columns, refilled by `locateTokens` without allocating. */
export interface TokenBuffer {
  count: number;
  readonly job: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly progress: Float32Array;
}

export function createTokenBuffer(replay: Replay): TokenBuffer {
  const n = replay.jobs.count;
  return {
    count: 0,
    job: new Int32Array(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
    progress: new Float32Array(n),
  };
}

/**
 * Writes job `job`'s token at `t` into `out[slot]`; false when the job has no token
 * then (not arrived yet, or delivered, failed or lost by `t`).
 */
function place(
  replay: Replay,
  job: number,
  t: Micros,
  travelUs: Micros,
  out: TokenBuffer,
  slot: number,
): boolean {
  const jobs = replay.jobs;
  const start = jobs.entryStart[job]!;
  const end = jobs.entryStart[job + 1]!;
  if (start === end || t < jobs.entryTime[start]! || t >= jobs.resolvedAt[job]!) return false;
  const here = lastAtOrBefore(jobs.entryTime, t, start, end);
  out.job[slot] = job;
  out.from[slot] = here;
  out.to[slot] = -1;
  out.progress[slot] = 0;
  const next = here + 1;
  if (next >= end) return true;
  const arriveAt = jobs.entryTime[next]!;
  const travel = Math.min(travelUs, (arriveAt - jobs.entryTime[here]!) * TRAVEL_SHARE);
  if (travel <= 0 || t < arriveAt - travel) return true;
  // The journey runs on through every visit at the same instant; the last is where it stops.
  let stop = next;
  while (stop + 1 < end && jobs.entryTime[stop + 1] === arriveAt) stop++;
  out.to[slot] = stop;
  out.progress[slot] = (t - (arriveAt - travel)) / travel;
  return true;
}

/** Where job `job`'s token is at `t`; null when it has none then. */
export function locateJob(
  replay: Replay,
  job: number,
  t: Micros,
  travelUs: Micros,
): TokenPlace | null {
  const one: TokenBuffer = {
    count: 0,
    job: new Int32Array(1),
    from: new Int32Array(1),
    to: new Int32Array(1),
    progress: new Float32Array(1),
  };
  if (job < 0 || job >= replay.jobs.count || !place(replay, job, t, travelUs, one, 0)) return null;
  return { job, from: one.from[0]!, to: one.to[0]!, progress: one.progress[0]! };
}

/** Fills `out` with every token at `t`, in job order, and returns it. */
export function locateTokens(
  replay: Replay,
  t: Micros,
  travelUs: Micros,
  out: TokenBuffer,
): TokenBuffer {
  // Jobs are numbered in arrival order, so only a prefix of them can have arrived by t.
  const arrived = lastAtOrBefore(replay.jobs.arrival, t) + 1;
  let count = 0;
  for (let job = 0; job < arrived; job++) {
    if (place(replay, job, t, travelUs, out, count)) count++;
  }
  out.count = count;
  return out;
}

/** The node ids a job visits, in order, with the time of each visit: its path through the wiring. */
export function jobPath(replay: Replay, job: number): { node: string; t: Micros }[] {
  const jobs = replay.jobs;
  if (job < 0 || job >= jobs.count) return [];
  const path: { node: string; t: Micros }[] = [];
  for (let e = jobs.entryStart[job]!; e < jobs.entryStart[job + 1]!; e++) {
    path.push({ node: replay.nodes[jobs.entryNode[e]!]!, t: jobs.entryTime[e]! });
  }
  return path;
}
