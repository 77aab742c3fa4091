/**
 * A run's trace, indexed for replay. One pass over the events fills typed columns: every
 * worker's state changes (in trace order, and again grouped by worker), every job's
 * visits to nodes (grouped by job), and a step series per queue, GIL and service. The
 * state of the run at any moment is then a few binary searches, or a short walk from a
 * checkpoint (cursor.ts); a trace of a million events is read in well under a second.
 *
 * The replay adds nothing the trace does not say; it only rearranges it. Each kind of
 * event is folded by its own builder: workers (workerChanges.ts), jobs (jobTable.ts), and
 * the machine's GILs, queues, memory and services (machineSeries.ts).
 */
import type { Micros } from '../../model/units';
import type { RunOutcome, TraceEvent } from '../../engine/trace';
import { Interner } from './interner';
import { JobTableBuilder, type JobRecords } from './jobTable';
import { MachineSeriesBuilder, type MachineSeries } from './machineSeries';
import { float64Column } from './series';
import {
  WorkerChangesBuilder,
  type ReplayWorker,
  type WorkerChanges,
  type WorkerTrack,
} from './workerChanges';

export interface LoopBlockEvent {
  readonly t: Micros;
  readonly node: string;
  readonly step: string;
  readonly delay: Micros;
}

export interface Replay extends JobRecords, MachineSeries {
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

/** Indexes a trace (the engine's events, in time order) for replay. */
export function buildReplay(trace: readonly TraceEvent[], options: ReplayOptions = {}): Replay {
  const nodes = new Interner();
  for (const id of options.nodeIds ?? []) nodes.of(id);
  const strings = new Interner();
  strings.of('');

  const jobs = new JobTableBuilder(trace, nodes, options.source ?? null);
  const workers = new WorkerChangesBuilder(nodes, strings);
  const machine = new MachineSeriesBuilder(nodes);
  const processes: number[] = [];
  const noteProcess = (process: number): void => {
    if (!processes.includes(process)) processes.push(process);
  };
  const loopBlocks: LoopBlockEvent[] = [];
  const eventTimes = float64Column();
  let end = 0;
  let outcome: RunOutcome | null = null;

  for (const e of trace) {
    if (eventTimes.last() !== e.t) eventTimes.push(e.t);
    if (e.t > end) end = e.t;
    switch (e.type) {
      case 'workerCreated':
        workers.created(e);
        noteProcess(e.process);
        break;
      case 'workerState': {
        // A worker working for a job at a node is the job's visit there.
        const node = workers.changed(e);
        if (node >= 0) jobs.visit(e.job, e.t, node);
        break;
      }
      case 'jobArrived':
        jobs.arrived(e);
        break;
      case 'jobEntered':
        jobs.entered(e);
        break;
      case 'jobDelivered':
        jobs.delivered(e);
        break;
      case 'jobFailed':
      case 'jobLost':
        jobs.failedOrLost(e);
        break;
      case 'gilChanged':
        machine.gilChanged(e);
        noteProcess(e.process);
        break;
      case 'queueChanged':
        machine.queueChanged(e);
        break;
      case 'memoryChanged':
        machine.memoryChanged(e);
        break;
      case 'serviceChanged':
        machine.serviceChanged(e);
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
    nodeIndex: nodes.index,
    strings: strings.list,
    ...workers.build(),
    processes,
    ...jobs.build(),
    ...machine.build(),
    loopBlocks,
    eventTimes: eventTimes.done(),
  };
}
