/**
 * A run's trace, indexed for replay. One pass over the events fills typed columns: every
 * worker's state changes (in trace order, and again grouped by worker), every job's
 * visits to nodes (grouped by job), and a step series per queue, GIL and service. The
 * state of the run at any moment is then a few binary searches, or a short walk from a
 * checkpoint (cursor.ts); a trace of a million events is read in well under a second.
 *
 * The replay adds nothing the trace does not say; it only rearranges it.
 */
import type { Micros } from '../../model/units';
import type { FailReason, RunOutcome, TraceEvent, WorkerKind } from '../../engine/trace';
import {
  bucketOrder,
  float64Column,
  int32Column,
  StepSeriesBuilder,
  uint8Column,
  type StepSeries,
} from './series';
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

export interface LoopBlockEvent {
  readonly t: Micros;
  readonly node: string;
  readonly step: string;
  readonly delay: Micros;
}

export interface Replay {
  /** Time of the last event: the run's end. */
  readonly end: Micros;
  readonly outcome: RunOutcome | null;
  /** Node ids the trace or the wiring names; everything else refers to them by index. */
  readonly nodes: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Worker details (what a worker is doing, in words), by index. */
  readonly strings: readonly string[];
  readonly workers: readonly ReplayWorker[];
  readonly changes: WorkerChanges;
  /** Worker `w`'s changes, in time order. */
  track(w: number): WorkerTrack;
  /** Process ids in order of appearance. */
  readonly processes: readonly number[];
  /** Holder (worker id, -1 for none) of each process's GIL. */
  readonly gil: ReadonlyMap<number, StepSeries>;
  readonly jobs: JobTable;
  /** Depth of each queue node, by node id. */
  readonly queues: ReadonlyMap<string, StepSeries>;
  readonly memory: StepSeries;
  readonly services: ReadonlyMap<string, StepSeries>;
  /** Times of deliveries, and of failures and losses, ascending. */
  readonly deliveredAt: Float64Array;
  readonly failedAt: Float64Array;
  readonly failures: readonly JobFailure[];
  readonly loopBlocks: readonly LoopBlockEvent[];
  /** Distinct times at which anything happened, ascending: the stops of "step". */
  readonly eventTimes: Float64Array;
}

export interface ReplayOptions {
  /** The wiring's node ids, so they are indexed even if no event names them. */
  readonly nodeIds?: readonly string[];
  /** The Source's id: jobs that arrived wait there until main() takes them. */
  readonly source?: string | null;
}

class Interner {
  readonly list: string[] = [];
  readonly index = new Map<string, number>();

  of(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

function seriesOf<K>(map: Map<K, StepSeriesBuilder>, key: K): StepSeriesBuilder {
  let builder = map.get(key);
  if (!builder) {
    builder = new StepSeriesBuilder();
    map.set(key, builder);
  }
  return builder;
}

function buildMap<K>(map: Map<K, StepSeriesBuilder>): Map<K, StepSeries> {
  return new Map([...map].map(([k, b]) => [k, b.build()]));
}

/** Jobs are numbered 0.. in arrival order: the highest arrival names the count. */
function countJobs(trace: readonly TraceEvent[]): number {
  let count = 0;
  for (const e of trace) if (e.type === 'jobArrived' && e.job >= count) count = e.job + 1;
  return count;
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

/** Indexes a trace (the engine's events, in time order) for replay. */
export function buildReplay(trace: readonly TraceEvent[], options: ReplayOptions = {}): Replay {
  const nodes = new Interner();
  for (const id of options.nodeIds ?? []) nodes.of(id);
  const source = options.source ?? null;
  const strings = new Interner();
  strings.of('');

  const jobCount = countJobs(trace);
  const kinds = new Interner();
  const kind = new Uint16Array(jobCount);
  const arrival = new Float64Array(jobCount).fill(Infinity);
  const resolvedAt = new Float64Array(jobCount).fill(Infinity);
  const fate = new Uint8Array(jobCount);
  const corrupted = new Uint8Array(jobCount);
  // A job visits a node when it enters it, when a worker starts working for it there (the
  // steps inside a box are not reported as entered), when it is delivered at the Sink, or
  // — given the Source — when it arrives and waits there. A visit to the node it is already
  // in, or after it is resolved, is no visit.
  const lastNode = new Int32Array(jobCount).fill(-1);
  const resolved = new Uint8Array(jobCount);
  const visitJob = int32Column();
  const visitTime = float64Column();
  const visitNode = int32Column();
  const visit = (job: number, t: number, node: number): void => {
    if (job < 0 || job >= jobCount || resolved[job] === 1 || lastNode[job] === node) return;
    lastNode[job] = node;
    visitJob.push(job);
    visitTime.push(t);
    visitNode.push(node);
  };

  const workers: ReplayWorker[] = [];
  const workerIndex = new Map<number, number>();
  const cTime = float64Column();
  const cWorker = int32Column();
  const cState = uint8Column();
  const cJob = int32Column();
  const cNode = int32Column();
  const cDetail = int32Column();
  const change = (
    t: number,
    w: number,
    state: number,
    job: number,
    node: number,
    detail: number,
  ) => {
    cTime.push(t);
    cWorker.push(w);
    cState.push(state);
    cJob.push(job);
    cNode.push(node);
    cDetail.push(detail);
  };

  const processes: number[] = [];
  const gil = new Map<number, StepSeriesBuilder>();
  const queues = new Map<string, StepSeriesBuilder>();
  const services = new Map<string, StepSeriesBuilder>();
  const memory = new StepSeriesBuilder();
  const deliveredAt = float64Column();
  const failedAt = float64Column();
  const failures: JobFailure[] = [];
  const loopBlocks: LoopBlockEvent[] = [];
  const eventTimes = float64Column();
  let end = 0;
  let outcome: RunOutcome | null = null;

  for (const e of trace) {
    if (eventTimes.last() !== e.t) eventTimes.push(e.t);
    if (e.t > end) end = e.t;
    switch (e.type) {
      case 'workerCreated': {
        const w = workers.length;
        workerIndex.set(e.worker, w);
        workers.push({
          id: e.worker,
          kind: e.kind,
          process: e.process,
          node: e.node,
          label: e.label,
          createdAt: e.t,
        });
        change(e.t, w, IDLE, -1, e.node === null ? -1 : nodes.of(e.node), 0);
        if (!processes.includes(e.process)) processes.push(e.process);
        break;
      }
      case 'workerState': {
        const w = workerIndex.get(e.worker);
        if (w === undefined) break;
        const node = e.node === null ? -1 : nodes.of(e.node);
        change(e.t, w, STATE_INDEX[e.state], e.job, node, strings.of(e.detail));
        if (node >= 0) visit(e.job, e.t, node);
        break;
      }
      case 'jobArrived':
        if (e.job >= jobCount) break;
        kind[e.job] = kinds.of(e.kind);
        arrival[e.job] = e.arrival;
        if (source !== null) visit(e.job, e.t, nodes.of(source));
        break;
      case 'jobEntered':
        visit(e.job, e.t, nodes.of(e.node));
        break;
      case 'jobDelivered':
        deliveredAt.push(e.t);
        visit(e.job, e.t, nodes.of(e.node));
        if (e.job < jobCount) {
          fate[e.job] = FATE_DELIVERED;
          resolvedAt[e.job] = e.t;
          corrupted[e.job] = e.corrupted ? 1 : 0;
          resolved[e.job] = 1;
        }
        break;
      case 'jobFailed':
      case 'jobLost':
        failedAt.push(e.t);
        failures.push({
          t: e.t,
          job: e.job,
          node: e.node,
          reason: e.type === 'jobFailed' ? e.reason : 'lost',
          detail: e.detail,
        });
        if (e.job < jobCount) {
          fate[e.job] = e.type === 'jobFailed' ? FATE_FAILED : FATE_LOST;
          resolvedAt[e.job] = e.t;
          resolved[e.job] = 1;
        }
        break;
      case 'gilChanged':
        seriesOf(gil, e.process).set(e.t, e.holder);
        if (!processes.includes(e.process)) processes.push(e.process);
        break;
      case 'queueChanged':
        nodes.of(e.node);
        seriesOf(queues, e.node).set(e.t, e.depth);
        break;
      case 'memoryChanged':
        memory.set(e.t, e.bytes);
        break;
      case 'serviceChanged':
        seriesOf(services, e.service).set(e.t, e.active);
        break;
      case 'loopBlocked':
        loopBlocks.push({ t: e.t, node: e.node, step: e.step, delay: e.delay });
        break;
      case 'runEnded':
        outcome = e.outcome;
        break;
      default:
        break;
    }
  }

  // Each job's visits, grouped by job in time order.
  const vJob = visitJob.done();
  const vTime = visitTime.done();
  const vNode = visitNode.done();
  const { start: entryStart, order } = bucketOrder(vJob.length, jobCount, (i) => vJob[i]!);
  const entryTime = new Float64Array(order.length);
  const entryNode = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    entryTime[k] = vTime[order[k]!]!;
    entryNode[k] = vNode[order[k]!]!;
  }

  const changes: WorkerChanges = {
    count: cTime.length,
    time: cTime.done(),
    worker: cWorker.done(),
    state: cState.done(),
    job: cJob.done(),
    node: cNode.done(),
    detail: cDetail.done(),
  };

  return {
    end,
    outcome,
    nodes: nodes.list,
    nodeIndex: nodes.index,
    strings: strings.list,
    workers,
    changes,
    track: tracksOf(changes, workers.length),
    processes,
    gil: buildMap(gil),
    jobs: {
      count: jobCount,
      kinds: kinds.list,
      kind,
      arrival,
      resolvedAt,
      fate,
      corrupted,
      entryStart,
      entryTime,
      entryNode,
    },
    queues: buildMap(queues),
    memory: memory.build(),
    services: buildMap(services),
    deliveredAt: deliveredAt.done(),
    failedAt: failedAt.done(),
    failures,
    loopBlocks,
    eventTimes: eventTimes.done(),
  };
}
