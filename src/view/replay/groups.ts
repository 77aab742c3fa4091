/**
 * Workers grouped as the player wired them: the event loop, each Tasks or Queue box's
 * coroutines, each pool's threads or processes. A group too large to show a lane per
 * worker (a Tasks box makes one task per job) is shown by its occupancy: how many of its
 * workers are in each state over time.
 */
import type { WorkerKind } from '../../engine/trace';
import type { Replay } from './replay';
import { float64Column, int32Column } from './series';
import { DONE, NONE, STATE_COUNT } from './states';

export interface WorkerGroup {
  /** `kind:node`, stable for a wiring. */
  readonly key: string;
  readonly kind: WorkerKind;
  readonly node: string | null;
  /** Process of the group's first worker (a process pool's workers each have their own). */
  readonly process: number;
  /** Worker indexes (into `replay.workers`), in creation order. */
  readonly workers: readonly number[];
}

/** Groups a run's workers by kind and node, in order of their first worker's creation. */
export function groupWorkers(replay: Replay): WorkerGroup[] {
  const groups = new Map<
    string,
    { kind: WorkerKind; node: string | null; process: number; workers: number[] }
  >();
  replay.workers.forEach((worker, index) => {
    const key = `${worker.kind}:${worker.node ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { kind: worker.kind, node: worker.node, process: worker.process, workers: [] };
      groups.set(key, group);
    }
    group.workers.push(index);
  });
  return [...groups].map(([key, g]) => ({ key, ...g }));
}

/** Processes whose GIL more than one worker ever held: the ones where it matters. */
export function sharedGils(replay: Replay): number[] {
  const shared: number[] = [];
  for (const [process, series] of replay.gil) {
    const holders = new Set<number>();
    for (const h of series.values) if (h >= 0) holders.add(h);
    if (holders.size > 1) shared.push(process);
  }
  return shared;
}

/** How many of a group's workers are in each state: row i holds from `times[i]` on. */
export interface Occupancy {
  readonly times: Float64Array;
  /** `times.length` rows of `STATE_COUNT` counts. */
  readonly counts: Int32Array;
  /** Most workers ever alive (created and not done) at once: the scale of a plot. */
  readonly peakAlive: number;
}

/** Counts, over time, the states of `workers`, from the run's changes (already in time order). */
export function buildOccupancy(replay: Replay, workers: readonly number[]): Occupancy {
  const member = new Uint8Array(replay.workers.length);
  for (const w of workers) member[w] = 1;
  const current = new Uint8Array(replay.workers.length).fill(NONE);
  const counts = new Int32Array(STATE_COUNT);
  const times = float64Column();
  const rows = int32Column();
  const c = replay.changes;
  let peakAlive = 0;
  for (let i = 0; i < c.count; i++) {
    const w = c.worker[i]!;
    if (member[w] === 0) continue;
    const previous = current[w]!;
    if (previous !== NONE) counts[previous]!--;
    counts[c.state[i]!]!++;
    current[w] = c.state[i]!;
    // Only the counts after the last change of an instant are ever seen: a later change at
    // the same instant rewrites that instant's row.
    if (times.last() === c.time[i]) {
      for (let s = 0; s < STATE_COUNT; s++) rows.setAt(rows.length - STATE_COUNT + s, counts[s]!);
    } else {
      times.push(c.time[i]!);
      for (let s = 0; s < STATE_COUNT; s++) rows.push(counts[s]!);
    }
    let alive = 0;
    for (let s = 0; s < STATE_COUNT; s++) if (s !== DONE) alive += counts[s]!;
    peakAlive = Math.max(peakAlive, alive);
  }
  return { times: times.done(), counts: rows.done(), peakAlive };
}
