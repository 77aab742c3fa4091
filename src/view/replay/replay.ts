/**
 * A run's trace, indexed for replay: one pass over the events builds columns (typed
 * arrays) per worker, job, queue, GIL and service, so that the state of the whole run at
 * any moment is a handful of binary searches (see frame.ts and tokens.ts).
 *
 * The replay adds nothing the trace does not say; it only rearranges it.
 */
import type { Micros } from '../../model/units';
import type { FailReason, RunOutcome, TraceEvent, WorkerKind } from '../../engine/trace';
import { NumberList, StepSeriesBuilder, type StepSeries } from './series';
import { IDLE, stateCode } from './states';

export interface ReplayWorker {
  readonly id: number;
  readonly kind: WorkerKind;
  readonly process: number;
  /** Node the worker belongs to (its pool, queue or tasks box); null for the event loop. */
  readonly node: string | null;
  readonly label: string;
  readonly createdAt: Micros;
}

/** A worker's state changes: entry i holds from `times[i]` until `times[i + 1]`. */
export interface WorkerTrack {
  readonly times: Float64Array;
  readonly states: Uint8Array;
  /** Job the worker works for, -1 for none. */
  readonly jobs: Int32Array;
  /** Index into `Replay.nodes`, -1 for none. */
  readonly nodes: Int32Array;
  /** Index into `Replay.strings`. */
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
  readonly tracks: readonly WorkerTrack[];
  /** Process ids in order of appearance. */
  readonly processes: readonly number[];
  /** Holder (worker id, -1 for none) of each process's GIL. */
  readonly gil: ReadonlyMap<number, StepSeries>;
  readonly jobs: JobTable;
  /** Depth of each queue node, by node id. */
  readonly queues: ReadonlyMap<string, StepSeries>;
  readonly memory: StepSeries;
  readonly services: ReadonlyMap<string, StepSeries>;
  /** Times of deliveries, failures and losses, ascending. */
  readonly deliveredAt: Float64Array;
  readonly failedAt: Float64Array;
  readonly failures: readonly JobFailure[];
  readonly loopBlocks: readonly LoopBlockEvent[];
  /** Distinct times at which anything happened, ascending: the stops of "step". */
  readonly eventTimes: Float64Array;
}

class TrackBuilder {
  readonly times = new NumberList();
  readonly states = new NumberList();
  readonly jobs = new NumberList();
  readonly nodes = new NumberList();
  readonly details = new NumberList();

  /** A later change at the same instant replaces the earlier: only the last is ever visible. */
  set(t: number, state: number, job: number, node: number, detail: number): void {
    if (this.times.last() === t) {
      this.states.setLast(state);
      this.jobs.setLast(job);
      this.nodes.setLast(node);
      this.details.setLast(detail);
      return;
    }
    this.times.push(t);
    this.states.push(state);
    this.jobs.push(job);
    this.nodes.push(node);
    this.details.push(detail);
  }

  build(): WorkerTrack {
    return {
      times: this.times.toFloat64(),
      states: this.states.toUint8(),
      jobs: this.jobs.toInt32(),
      nodes: this.nodes.toInt32(),
      details: this.details.toInt32(),
    };
  }
}

class Interner {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

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

/** Counts the jobs a trace mentions (jobs are numbered 0.. in arrival order). */
function countJobs(trace: readonly TraceEvent[]): number {
  let count = 0;
  for (const e of trace) if ('job' in e && e.job >= count) count = e.job + 1;
  return count;
}

/**
 * Reads where each job is from the events that say so: it enters a node (jobEntered), a
 * worker starts working for it at a node (workerState names the step the engine does
 * not report as entered), it is delivered at the Sink, or — with the Source's id — it
 * arrives and waits in the Source. A visit to the node the job is already in, or after
 * the job is resolved, is no visit.
 */
class VisitReader {
  private readonly lastNode: Int32Array;
  private readonly resolved: Uint8Array;

  constructor(
    count: number,
    private readonly nodes: Interner,
    private readonly source: string | null,
  ) {
    this.lastNode = new Int32Array(count).fill(-1);
    this.resolved = new Uint8Array(count);
  }

  /** The job and node `e` makes a visit to, or null. */
  read(e: TraceEvent): { job: number; node: number } | null {
    let job = -1;
    let id: string | null = null;
    switch (e.type) {
      case 'jobArrived':
        job = e.job;
        id = this.source;
        break;
      case 'jobEntered':
      case 'jobDelivered':
        job = e.job;
        id = e.node;
        break;
      case 'workerState':
        job = e.job;
        id = e.node;
        break;
      default:
        break;
    }
    if (job < 0 || id === null || this.resolved[job] === 1) return null;
    if (e.type === 'jobDelivered') this.resolved[job] = 1;
    const node = this.nodes.of(id);
    if (this.lastNode[job] === node) return null;
    this.lastNode[job] = node;
    return { job, node };
  }

  /** Jobs failed or lost stop moving too. */
  resolve(job: number): void {
    this.resolved[job] = 1;
  }
}

function buildJobs(trace: readonly TraceEvent[], nodes: Interner, source: string | null): JobTable {
  const count = countJobs(trace);
  const kinds = new Interner();
  const kind = new Uint16Array(count);
  const arrival = new Float64Array(count).fill(Infinity);
  const resolvedAt = new Float64Array(count).fill(Infinity);
  const fate = new Uint8Array(count);
  const corrupted = new Uint8Array(count);
  // Two passes: count each job's visits, then fill each job's slice of the entry columns.
  const entryStart = new Int32Array(count + 1);
  let reader = new VisitReader(count, nodes, source);
  for (const e of trace) {
    const visit = reader.read(e);
    if (visit) entryStart[visit.job + 1]!++;
    if (e.type === 'jobFailed' || e.type === 'jobLost') reader.resolve(e.job);
  }
  for (let j = 0; j < count; j++) entryStart[j + 1]! += entryStart[j]!;
  const total = entryStart[count] as number;
  const entryTime = new Float64Array(total);
  const entryNode = new Int32Array(total);
  const fill = Int32Array.from(entryStart.subarray(0, count));
  reader = new VisitReader(count, nodes, source);
  for (const e of trace) {
    const visit = reader.read(e);
    if (visit) {
      const at = fill[visit.job]!++;
      entryTime[at] = e.t;
      entryNode[at] = visit.node;
    }
    switch (e.type) {
      case 'jobArrived':
        kind[e.job] = kinds.of(e.kind);
        arrival[e.job] = e.arrival;
        break;
      case 'jobDelivered':
        fate[e.job] = FATE_DELIVERED;
        resolvedAt[e.job] = e.t;
        corrupted[e.job] = e.corrupted ? 1 : 0;
        break;
      case 'jobFailed':
      case 'jobLost':
        fate[e.job] = e.type === 'jobFailed' ? FATE_FAILED : FATE_LOST;
        resolvedAt[e.job] = e.t;
        reader.resolve(e.job);
        break;
      default:
        break;
    }
  }
  return {
    count,
    kinds: kinds.list,
    kind,
    arrival,
    resolvedAt,
    fate,
    corrupted,
    entryStart,
    entryTime,
    entryNode,
  };
}

export interface ReplayOptions {
  /** The wiring's node ids, so they are indexed even if no event names them. */
  readonly nodeIds?: readonly string[];
  /** The Source's id: jobs that arrived wait there until main() takes them. */
  readonly source?: string | null;
}

/** Indexes a trace (the engine's events, in time order) for replay. */
export function buildReplay(trace: readonly TraceEvent[], options: ReplayOptions = {}): Replay {
  const nodes = new Interner();
  for (const id of options.nodeIds ?? []) nodes.of(id);
  const strings = new Interner();
  strings.of('');
  const jobs = buildJobs(trace, nodes, options.source ?? null);

  const workers: ReplayWorker[] = [];
  const workerIndex = new Map<number, number>();
  const tracks: TrackBuilder[] = [];
  const processes: number[] = [];
  const gil = new Map<number, StepSeriesBuilder>();
  const queues = new Map<string, StepSeriesBuilder>();
  const services = new Map<string, StepSeriesBuilder>();
  const memory = new StepSeriesBuilder();
  const deliveredAt = new NumberList();
  const failedAt = new NumberList();
  const failures: JobFailure[] = [];
  const loopBlocks: LoopBlockEvent[] = [];
  const eventTimes = new NumberList();
  let end = 0;
  let outcome: RunOutcome | null = null;

  for (const e of trace) {
    if (eventTimes.last() !== e.t) eventTimes.push(e.t);
    if (e.t > end) end = e.t;
    switch (e.type) {
      case 'workerCreated': {
        workerIndex.set(e.worker, workers.length);
        workers.push({
          id: e.worker,
          kind: e.kind,
          process: e.process,
          node: e.node,
          label: e.label,
          createdAt: e.t,
        });
        const track = new TrackBuilder();
        track.set(e.t, IDLE, -1, e.node === null ? -1 : nodes.of(e.node), 0);
        tracks.push(track);
        if (!processes.includes(e.process)) processes.push(e.process);
        break;
      }
      case 'workerState': {
        const w = workerIndex.get(e.worker);
        if (w === undefined) break;
        (tracks[w] as TrackBuilder).set(
          e.t,
          stateCode(e.state),
          e.job,
          e.node === null ? -1 : nodes.of(e.node),
          strings.of(e.detail),
        );
        break;
      }
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
      case 'jobDelivered':
        deliveredAt.push(e.t);
        break;
      case 'jobFailed':
        failedAt.push(e.t);
        failures.push({ t: e.t, job: e.job, node: e.node, reason: e.reason, detail: e.detail });
        break;
      case 'jobLost':
        failedAt.push(e.t);
        failures.push({ t: e.t, job: e.job, node: e.node, reason: 'lost', detail: e.detail });
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

  return {
    end,
    outcome,
    nodes: nodes.list,
    nodeIndex: new Map(nodes.list.map((id, i) => [id, i])),
    strings: strings.list,
    workers,
    tracks: tracks.map((t) => t.build()),
    processes,
    gil: buildMap(gil),
    jobs,
    queues: buildMap(queues),
    memory: memory.build(),
    services: buildMap(services),
    deliveredAt: deliveredAt.toFloat64(),
    failedAt: failedAt.toFloat64(),
    failures,
    loopBlocks,
    eventTimes: eventTimes.toFloat64(),
  };
}
