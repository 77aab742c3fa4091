/**
 * A run's trace as a Chrome Trace Event file, the JSON that ui.perfetto.dev and
 * chrome://tracing open (format: "Trace Event Format", Google, the JSON Object Format
 * with `traceEvents`). Each simulated process is a process track; its GIL is a track of
 * who holds it; every worker (the event loop, a coroutine, a thread, a worker process's
 * main thread) is a thread track whose slices are its states; queue depths, memory and
 * services are counters; each job is an async slice from arrival to its end, and what
 * went wrong (a timeout, a lost update, a blocked loop) is an instant on the run's track.
 *
 * Pure: reads the engine's trace and decides nothing. Times stay integer microseconds,
 * which is the format's own unit for `ts` and `dur`.
 */
import type { Micros } from '../model/units';
import type { TraceEvent, WorkerState } from '../engine/trace';
import { STATE_LABELS } from '../view/replay/states';

export type ChromeTraceEvent =
  | {
      readonly ph: 'M';
      readonly name: 'process_name' | 'thread_name' | 'process_sort_index' | 'thread_sort_index';
      readonly pid: number;
      readonly tid: number;
      readonly args: { readonly name: string } | { readonly sort_index: number };
    }
  | {
      readonly ph: 'X';
      readonly name: string;
      readonly cat: string;
      readonly pid: number;
      readonly tid: number;
      readonly ts: Micros;
      readonly dur: Micros;
      readonly args: Readonly<Record<string, string | number>>;
    }
  | {
      readonly ph: 'C';
      readonly name: string;
      readonly pid: number;
      readonly tid: number;
      readonly ts: Micros;
      readonly args: Readonly<Record<string, number>>;
    }
  | {
      readonly ph: 'i';
      readonly name: string;
      readonly cat: string;
      readonly pid: number;
      readonly tid: number;
      readonly ts: Micros;
      readonly s: 't' | 'g';
      readonly args: Readonly<Record<string, string | number>>;
    }
  | {
      readonly ph: 'b' | 'e';
      readonly name: string;
      readonly cat: 'job';
      readonly id: number;
      readonly pid: number;
      readonly tid: number;
      readonly ts: Micros;
      readonly args: Readonly<Record<string, string | number>>;
    };

export interface ChromeTraceFile {
  readonly traceEvents: readonly ChromeTraceEvent[];
  readonly displayTimeUnit: 'ms';
  readonly otherData: Readonly<Record<string, string>>;
}

export interface TraceFileTitle {
  /** The contract's title, e.g. "The Slow Lane". */
  readonly contract: string;
  /** The wiring's name, e.g. "My solution 2". */
  readonly solution: string;
  /** Set when the trace holds only the run's beginning (see `SimResult.recordedUntilUs`). */
  readonly recordedUntilUs?: Micros;
}

/** Idle and done are gaps on a worker's track, as a profiler shows a thread with nothing to do. */
const GAPS: ReadonlySet<WorkerState> = new Set(['idle', 'done']);

/** Track numbering: the run's own track first, then each simulated process. */
const RUN_PID = 1;
const RUN_TID = 1;
const GIL_TID = 1;
const processPid = (process: number): number => process + 2;
const workerTid = (worker: number): number => worker + 2;

interface OpenState {
  readonly since: Micros;
  readonly state: WorkerState;
  readonly job: number;
  readonly node: string | null;
  readonly detail: string;
}

interface OpenGil {
  readonly since: Micros;
  readonly holder: number;
}

/** Builds the file. Whatever is still open at the trace's last event closes there. */
export function chromeTraceFile(
  trace: readonly TraceEvent[],
  title: TraceFileTitle,
): ChromeTraceFile {
  const out: ChromeTraceEvent[] = [];
  const labels = new Map<number, string>();
  const processOf = new Map<number, number>();
  const openStates = new Map<number, OpenState>();
  const openGils = new Map<number, OpenGil>();
  const namedProcesses = new Set<number>();
  const end = trace.length === 0 ? 0 : (trace[trace.length - 1] as TraceEvent).t;

  const meta = (
    name: 'process_name' | 'thread_name',
    pid: number,
    tid: number,
    label: string,
    sort: number,
  ) => {
    out.push({ ph: 'M', name, pid, tid, args: { name: label } });
    out.push({
      ph: 'M',
      name: name === 'process_name' ? 'process_sort_index' : 'thread_sort_index',
      pid,
      tid,
      args: { sort_index: sort },
    });
  };
  meta('process_name', RUN_PID, RUN_TID, `${title.contract} · ${title.solution}`, 0);
  meta('thread_name', RUN_PID, RUN_TID, 'jobs and alerts', 0);

  const nameProcess = (process: number) => {
    if (namedProcesses.has(process)) return;
    namedProcesses.add(process);
    const pid = processPid(process);
    meta('process_name', pid, 0, process === 0 ? 'main process' : `worker process ${process}`, pid);
    meta('thread_name', pid, GIL_TID, 'GIL', 0);
  };

  const closeState = (worker: number, at: Micros) => {
    const open = openStates.get(worker);
    if (open === undefined) return;
    openStates.delete(worker);
    if (GAPS.has(open.state) || at <= open.since) return;
    const args: Record<string, string | number> = { state: open.state };
    if (open.job >= 0) args.job = open.job;
    if (open.node !== null) args.node = open.node;
    if (open.detail !== '') args.detail = open.detail;
    out.push({
      ph: 'X',
      name: STATE_LABELS[open.state],
      cat: open.state,
      pid: processPid(processOf.get(worker) ?? 0),
      tid: workerTid(worker),
      ts: open.since,
      dur: at - open.since,
      args,
    });
  };

  const closeGil = (process: number, at: Micros) => {
    const open = openGils.get(process);
    if (open === undefined) return;
    openGils.delete(process);
    if (open.holder < 0 || at <= open.since) return;
    out.push({
      ph: 'X',
      name: `held by ${labels.get(open.holder) ?? `worker ${open.holder}`}`,
      cat: 'gil',
      pid: processPid(process),
      tid: GIL_TID,
      ts: open.since,
      dur: at - open.since,
      args: { holder: open.holder },
    });
  };

  const alert = (e: TraceEvent, name: string, args: Record<string, string | number>) =>
    out.push({ ph: 'i', name, cat: 'alert', pid: RUN_PID, tid: RUN_TID, ts: e.t, s: 't', args });

  const jobEnd = (t: Micros, job: number, how: string) =>
    out.push({
      ph: 'e',
      name: `job ${job}`,
      cat: 'job',
      id: job,
      pid: RUN_PID,
      tid: RUN_TID,
      ts: t,
      args: { ended: how },
    });

  for (const e of trace) {
    switch (e.type) {
      case 'workerCreated': {
        nameProcess(e.process);
        labels.set(e.worker, e.label);
        processOf.set(e.worker, e.process);
        const pid = processPid(e.process);
        meta('thread_name', pid, workerTid(e.worker), e.label, workerTid(e.worker));
        break;
      }
      case 'workerState':
        closeState(e.worker, e.t);
        openStates.set(e.worker, {
          since: e.t,
          state: e.state,
          job: e.job,
          node: e.node,
          detail: e.detail,
        });
        break;
      case 'gilChanged':
        nameProcess(e.process);
        closeGil(e.process, e.t);
        openGils.set(e.process, { since: e.t, holder: e.holder });
        break;
      case 'jobArrived':
        out.push({
          ph: 'b',
          name: `job ${e.job}`,
          cat: 'job',
          id: e.job,
          pid: RUN_PID,
          tid: RUN_TID,
          ts: e.t,
          args: { kind: e.kind },
        });
        break;
      case 'jobEntered':
        break;
      case 'jobDelivered':
        jobEnd(e.t, e.job, e.corrupted ? 'delivered corrupted' : 'delivered');
        break;
      case 'jobFailed':
        jobEnd(e.t, e.job, `failed: ${e.reason}`);
        alert(e, `job ${e.job} failed`, { reason: e.reason, detail: e.detail });
        break;
      case 'jobLost':
        jobEnd(e.t, e.job, 'lost');
        alert(e, `job ${e.job} lost`, { detail: e.detail });
        break;
      case 'queueChanged':
        out.push({
          ph: 'C',
          name: `queue ${e.node}`,
          pid: processPid(0),
          tid: 0,
          ts: e.t,
          args: { depth: e.depth },
        });
        break;
      case 'memoryChanged':
        out.push({
          ph: 'C',
          name: 'memory',
          pid: RUN_PID,
          tid: 0,
          ts: e.t,
          args: { MB: e.bytes / 1_000_000 },
        });
        break;
      case 'serviceChanged':
        out.push({
          ph: 'C',
          name: `service ${e.service}`,
          pid: RUN_PID,
          tid: 0,
          ts: e.t,
          args: { active: e.active },
        });
        break;
      case 'serviceRefused':
        alert(e, `${e.service} refused job ${e.job}`, { why: e.why });
        break;
      case 'timedOut':
        alert(e, `job ${e.job} timed out`, { node: e.node });
        break;
      case 'retried':
        alert(e, `job ${e.job} retried`, { node: e.node, attempt: e.attempt });
        break;
      case 'raceLost':
        alert(e, `job ${e.job}: update lost`, { node: e.node, state: e.state });
        break;
      case 'loopBlocked':
        alert(e, `loop blocked by ${e.step}`, { node: e.node, delay: e.delay });
        break;
      case 'runEnded':
        out.push({
          ph: 'i',
          name: `run ended: ${e.outcome}`,
          cat: 'run',
          pid: RUN_PID,
          tid: RUN_TID,
          ts: e.t,
          s: 'g',
          args: { outcome: e.outcome },
        });
        break;
      default: {
        const unknown: never = e;
        throw new Error(`unhandled trace event ${JSON.stringify(unknown)}`);
      }
    }
  }
  for (const worker of [...openStates.keys()]) closeState(worker, end);
  for (const process of [...openGils.keys()]) closeGil(process, end);

  const otherData: Record<string, string> = {
    contract: title.contract,
    solution: title.solution,
    timeUnit: 'simulated microseconds',
  };
  if (title.recordedUntilUs !== undefined) {
    otherData.recorded = `the run's first ${title.recordedUntilUs} µs only`;
  }
  return { traceEvents: out, displayTimeUnit: 'ms', otherData };
}
