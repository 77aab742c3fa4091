/**
 * Workers grouped as the player wired them: the event loop, each Tasks or Queue box's
 * coroutines, each pool's threads or processes. A group too large to show a lane per
 * worker (a Tasks box makes one task per job) is shown by its occupancy: how many of its
 * workers are in each state over time.
 */
import type { WorkerKind } from '../../engine/trace';
import type { Replay } from './replay';
import { NumberList } from './series';
import { DONE, STATE_COUNT } from './states';

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

/** How many of a group's workers are in each state: row i holds from `times[i]` on. */
export interface Occupancy {
  readonly times: Float64Array;
  /** `times.length` rows of `STATE_COUNT` counts. */
  readonly counts: Int32Array;
  /** Most workers ever alive (created and not done) at once: the scale of a plot. */
  readonly peakAlive: number;
}

/** Merges the state changes of `workers` into counts per state over time. */
export function buildOccupancy(replay: Replay, workers: readonly number[]): Occupancy {
  const changeTime = new NumberList();
  const changeWorker = new NumberList();
  const changeState = new NumberList();
  for (const w of workers) {
    const track = replay.tracks[w]!;
    for (let i = 0; i < track.times.length; i++) {
      changeTime.push(track.times[i]!);
      changeWorker.push(w);
      changeState.push(track.states[i]!);
    }
  }
  const time = changeTime.toFloat64();
  const worker = changeWorker.toInt32();
  const state = changeState.toUint8();
  // A stable sort by time keeps each worker's own changes in their order.
  const order = Array.from(time.keys()).sort((a, b) => time[a]! - time[b]! || a - b);
  const current = new Map<number, number>();
  const counts = new Int32Array(STATE_COUNT);
  const times = new NumberList();
  const rows: number[] = [];
  let peakAlive = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const previous = current.get(worker[i]!);
    if (previous !== undefined) counts[previous]!--;
    counts[state[i]!]!++;
    current.set(worker[i]!, state[i]!);
    const nextTime = k + 1 < order.length ? time[order[k + 1]!] : undefined;
    if (nextTime === time[i]) continue;
    times.push(time[i]!);
    for (let s = 0; s < STATE_COUNT; s++) rows.push(counts[s]!);
    let alive = 0;
    for (let s = 0; s < STATE_COUNT; s++) if (s !== DONE) alive += counts[s]!;
    peakAlive = Math.max(peakAlive, alive);
  }
  return { times: times.toFloat64(), counts: Int32Array.from(rows), peakAlive };
}
