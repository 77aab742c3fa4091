/**
 * The workers of a replay and their state changes: one typed column per field, in trace
 * order, and each worker's own track of them, grouped on first use.
 */
import type { Micros } from '../../model/units';
import type { TraceEvent, WorkerKind } from '../../engine/trace';
import type { Interner } from './interner';
import { bucketOrder, float64Column, int32Column, uint8Column } from './series';
import { IDLE, STATE_INDEX } from './states';

export interface ReplayWorker {
  readonly id: number;
  readonly kind: WorkerKind;
  readonly process: number;
  /** Node the worker belongs to (its pool, queue or tasks box); null for the event loop and main(). */
  readonly node: string | null;
  readonly label: string;
  readonly createdAt: Micros;
}

/**
 * State changes of workers, one entry per change. A worker's creation is a change to
 * idle; a later change at the same instant overrides an earlier one.
 */
export interface WorkerChanges {
  readonly count: number;
  readonly time: Float64Array;
  /** Index into `Replay.workers`. */
  readonly worker: Int32Array;
  readonly state: Uint8Array;
  /** Job the worker works for, -1 for none. */
  readonly job: Int32Array;
  /** Index into `Replay.nodes`, -1 for none. */
  readonly node: Int32Array;
  /** Index into `Replay.strings`. */
  readonly detail: Int32Array;
}

/** One worker's changes: entry i holds from `times[i]` until `times[i + 1]`. */
export interface WorkerTrack {
  readonly times: Float64Array;
  readonly states: Uint8Array;
  readonly jobs: Int32Array;
  readonly nodes: Int32Array;
  readonly details: Int32Array;
}

type WorkerCreated = Extract<TraceEvent, { type: 'workerCreated' }>;
type WorkerStateChanged = Extract<TraceEvent, { type: 'workerState' }>;

/** Folds the trace's worker events into workers and their changes. */
export class WorkerChangesBuilder {
  private readonly workers: ReplayWorker[] = [];
  /** From a worker's id in the trace to its index in `workers`. */
  private readonly workerIndex = new Map<number, number>();
  private readonly time = float64Column();
  private readonly worker = int32Column();
  private readonly state = uint8Column();
  private readonly job = int32Column();
  private readonly node = int32Column();
  private readonly detail = int32Column();

  /** `nodes` and `strings` are the replay's, shared with the other parts it is folded into. */
  constructor(
    private readonly nodes: Interner,
    private readonly strings: Interner,
  ) {}

  created(e: WorkerCreated): void {
    const w = this.workers.length;
    this.workerIndex.set(e.worker, w);
    this.workers.push({
      id: e.worker,
      kind: e.kind,
      process: e.process,
      node: e.node,
      label: e.label,
      createdAt: e.t,
    });
    this.change(e.t, w, IDLE, -1, e.node === null ? -1 : this.nodes.of(e.node), 0);
  }

  /**
   * Records a worker's new state.
   * @returns the node the worker now works at (its index), -1 for none — or for a worker
   *   the trace never created, whose change is ignored.
   */
  changed(e: WorkerStateChanged): number {
    const w = this.workerIndex.get(e.worker);
    if (w === undefined) return -1;
    const node = e.node === null ? -1 : this.nodes.of(e.node);
    this.change(e.t, w, STATE_INDEX[e.state], e.job, node, this.strings.of(e.detail));
    return node;
  }

  private change(
    t: number,
    w: number,
    state: number,
    job: number,
    node: number,
    detail: number,
  ): void {
    this.time.push(t);
    this.worker.push(w);
    this.state.push(state);
    this.job.push(job);
    this.node.push(node);
    this.detail.push(detail);
  }

  build(): {
    workers: readonly ReplayWorker[];
    changes: WorkerChanges;
    track: (w: number) => WorkerTrack;
  } {
    const changes: WorkerChanges = {
      count: this.time.length,
      time: this.time.done(),
      worker: this.worker.done(),
      state: this.state.done(),
      job: this.job.done(),
      node: this.node.done(),
      detail: this.detail.done(),
    };
    return { workers: this.workers, changes, track: tracksOf(changes, this.workers.length) };
  }
}

/** Groups changes by worker (keeping time order within each), for per-worker tracks. */
function tracksOf(changes: WorkerChanges, workers: number): (w: number) => WorkerTrack {
  const { start, order } = bucketOrder(changes.count, workers, (i) => changes.worker[i]!);
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(order.length);
    for (let k = 0; k < order.length; k++) out[k] = column[order[k]!]!;
    return out;
  };
  const times = pick(changes.time);
  const states = pick(changes.state);
  const jobs = pick(changes.job);
  const nodes = pick(changes.node);
  const details = pick(changes.detail);
  const cache: (WorkerTrack | undefined)[] = [];
  return (w) => {
    let track = cache[w];
    if (!track) {
      const a = start[w]!;
      const b = start[w + 1]!;
      track = {
        times: times.subarray(a, b),
        states: states.subarray(a, b),
        jobs: jobs.subarray(a, b),
        nodes: nodes.subarray(a, b),
        details: details.subarray(a, b),
      };
      cache[w] = track;
    }
    return track;
  };
}
