/**
 * The jobs of a replay: what each one is, when it arrived and how it ended, and the nodes
 * it visited on the way, grouped by job in time order; and the run's deliveries, failures
 * and losses as they happened.
 */
import type { Micros } from '../../model/units';
import type { FailReason, TraceEvent } from '../../engine/trace';
import { Interner } from './interner';
import { bucketOrder, float64Column, int32Column } from './series';

export const FATE_PENDING = 0;
export const FATE_DELIVERED = 1;
export const FATE_FAILED = 2;
export const FATE_LOST = 3;

export interface JobTable {
  readonly count: number;
  readonly kinds: readonly string[];
  /** Index into `kinds`. */
  readonly kind: Uint16Array;
  readonly arrival: Float64Array;
  /** When the job was delivered, failed or lost; Infinity while pending at the end. */
  readonly resolvedAt: Float64Array;
  readonly fate: Uint8Array;
  readonly corrupted: Uint8Array;
  /** Job j's visits are entries `entryStart[j]` to `entryStart[j + 1] - 1`, in time order. */
  readonly entryStart: Int32Array;
  readonly entryTime: Float64Array;
  /** Index into `Replay.nodes`. */
  readonly entryNode: Int32Array;
}

export interface JobFailure {
  readonly t: Micros;
  readonly job: number;
  readonly node: string | null;
  readonly reason: FailReason | 'lost';
  readonly detail: string;
}

/** What the job events of a run come to. */
export interface JobRecords {
  readonly jobs: JobTable;
  /** Times of deliveries, and of failures and losses, ascending. */
  readonly deliveredAt: Float64Array;
  /** When each failed job failed, in time order (lost jobs are in `lostAt`: the score counts them apart). */
  readonly failedAt: Float64Array;
  readonly lostAt: Float64Array;
  readonly failures: readonly JobFailure[];
}

type JobArrived = Extract<TraceEvent, { type: 'jobArrived' }>;
type JobEntered = Extract<TraceEvent, { type: 'jobEntered' }>;
type JobDelivered = Extract<TraceEvent, { type: 'jobDelivered' }>;
type JobFailedOrLost = Extract<TraceEvent, { type: 'jobFailed' | 'jobLost' }>;

/** Jobs are numbered 0.. in arrival order: the highest arrival names the count. */
function countJobs(trace: readonly TraceEvent[]): number {
  let count = 0;
  for (const e of trace) if (e.type === 'jobArrived' && e.job >= count) count = e.job + 1;
  return count;
}

/** Folds the trace's job events, and the visits its workers report, into a JobTable. */
export class JobTableBuilder {
  private readonly count: number;
  private readonly kinds = new Interner();
  private readonly kind: Uint16Array;
  private readonly arrival: Float64Array;
  private readonly resolvedAt: Float64Array;
  private readonly fate: Uint8Array;
  private readonly corrupted: Uint8Array;
  // A job visits a node when it enters it, when a worker starts working for it there (the
  // steps inside a box are not reported as entered), when it is delivered at the Sink, or
  // — given the Source — when it arrives and waits there. A visit to the node it is already
  // in, or after it is resolved, is no visit.
  private readonly lastNode: Int32Array;
  private readonly resolved: Uint8Array;
  private readonly visitJob = int32Column();
  private readonly visitTime = float64Column();
  private readonly visitNode = int32Column();
  private readonly deliveredAt = float64Column();
  private readonly failedAt = float64Column();
  private readonly lostAt = float64Column();
  private readonly failures: JobFailure[] = [];

  /**
   * `nodes` is the replay's, shared with the other parts it is folded into; `source` is
   * the Source's id, where jobs that arrived wait until main() takes them.
   */
  constructor(
    trace: readonly TraceEvent[],
    private readonly nodes: Interner,
    private readonly source: string | null,
  ) {
    const count = countJobs(trace);
    this.count = count;
    this.kind = new Uint16Array(count);
    this.arrival = new Float64Array(count).fill(Infinity);
    this.resolvedAt = new Float64Array(count).fill(Infinity);
    this.fate = new Uint8Array(count);
    this.corrupted = new Uint8Array(count);
    this.lastNode = new Int32Array(count).fill(-1);
    this.resolved = new Uint8Array(count);
  }

  /** Job `job` is at node index `node` from time `t`, unless that is no visit (see above). */
  visit(job: number, t: number, node: number): void {
    if (job < 0 || job >= this.count || this.resolved[job] === 1 || this.lastNode[job] === node)
      return;
    this.lastNode[job] = node;
    this.visitJob.push(job);
    this.visitTime.push(t);
    this.visitNode.push(node);
  }

  arrived(e: JobArrived): void {
    if (e.job >= this.count) return;
    this.kind[e.job] = this.kinds.of(e.kind);
    this.arrival[e.job] = e.arrival;
    if (this.source !== null) this.visit(e.job, e.t, this.nodes.of(this.source));
  }

  entered(e: JobEntered): void {
    this.visit(e.job, e.t, this.nodes.of(e.node));
  }

  delivered(e: JobDelivered): void {
    this.deliveredAt.push(e.t);
    this.visit(e.job, e.t, this.nodes.of(e.node));
    if (e.job < this.count) {
      this.fate[e.job] = FATE_DELIVERED;
      this.resolvedAt[e.job] = e.t;
      this.corrupted[e.job] = e.corrupted ? 1 : 0;
      this.resolved[e.job] = 1;
    }
  }

  failedOrLost(e: JobFailedOrLost): void {
    (e.type === 'jobFailed' ? this.failedAt : this.lostAt).push(e.t);
    this.failures.push({
      t: e.t,
      job: e.job,
      node: e.node,
      reason: e.type === 'jobFailed' ? e.reason : 'lost',
      detail: e.detail,
    });
    if (e.job < this.count) {
      this.fate[e.job] = e.type === 'jobFailed' ? FATE_FAILED : FATE_LOST;
      this.resolvedAt[e.job] = e.t;
      this.resolved[e.job] = 1;
    }
  }

  build(): JobRecords {
    // Each job's visits, grouped by job in time order.
    const vJob = this.visitJob.done();
    const vTime = this.visitTime.done();
    const vNode = this.visitNode.done();
    const { start: entryStart, order } = bucketOrder(vJob.length, this.count, (i) => vJob[i]!);
    const entryTime = new Float64Array(order.length);
    const entryNode = new Int32Array(order.length);
    for (let k = 0; k < order.length; k++) {
      entryTime[k] = vTime[order[k]!]!;
      entryNode[k] = vNode[order[k]!]!;
    }
    return {
      jobs: {
        count: this.count,
        kinds: this.kinds.list,
        kind: this.kind,
        arrival: this.arrival,
        resolvedAt: this.resolvedAt,
        fate: this.fate,
        corrupted: this.corrupted,
        entryStart,
        entryTime,
        entryNode,
      },
      deliveredAt: this.deliveredAt.done(),
      failedAt: this.failedAt.done(),
      lostAt: this.lostAt.done(),
      failures: this.failures,
    };
  }
}
