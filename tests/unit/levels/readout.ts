/**
 * What a golden file pins of a run, in words and numbers a reviewer can read: each job's
 * end (runs of jobs that end at an even pace written as one line), and each worker's time
 * by state. A change that moves a delivery or a worker's busy time shows as a readable
 * diff; one that only reorders events inside an instant (an extra heap hop) shows nothing.
 */
import type { TraceEvent, WorkerKind, WorkerState } from '../../../src/engine/trace';

/** A time in microseconds as milliseconds, exactly ("1234.5 ms"). */
export function ms(us: number): string {
  return `${Number((us / 1000).toFixed(3))} ms`;
}

interface End {
  readonly how: string;
  readonly t: number;
}

/** Each job's first end: delivered (with a race's lost update marked), failed (with why) or lost. */
function ends(trace: readonly TraceEvent[]): End[] {
  const found: End[] = [];
  for (const e of trace) {
    if (e.type === 'jobDelivered')
      found[e.job] ??= { how: e.corrupted ? 'done (raced)' : 'done', t: e.t };
    else if (e.type === 'jobFailed') found[e.job] ??= { how: `failed (${e.reason})`, t: e.t };
    else if (e.type === 'jobLost') found[e.job] ??= { how: 'lost', t: e.t };
  }
  return found;
}

/** Fewest jobs ending at an even pace that are worth a line of their own. */
const RUN = 3;
/** Jobs per line where they end unevenly. */
const PER_LINE = 10;

/**
 * Job by job, how and when it ended, compact: "jobs 0-99: done at 100 ms, then every 10 ms"
 * for a run of jobs ending the same way at a steady pace; otherwise up to ten jobs a line,
 * "jobs 100-109: done at 2 2.5 3.1 … ms".
 */
export function deliveries(trace: readonly TraceEvent[], jobs: number): string[] {
  const all = ends(trace);
  const how = (job: number): string => all[job]?.how ?? 'unresolved';
  const evenUntil = (job: number): number => {
    const a = all[job];
    const b = all[job + 1];
    if (a === undefined || b === undefined || b.how !== a.how) return job;
    let last = job + 1;
    while (last + 1 < jobs) {
      const e = all[last + 1];
      if (e === undefined || e.how !== a.how || e.t - (all[last] as End).t !== b.t - a.t) break;
      last++;
    }
    return last;
  };
  const lines: string[] = [];
  let job = 0;
  while (job < jobs) {
    const first = all[job];
    const last = evenUntil(job);
    if (first !== undefined && last - job + 1 >= RUN) {
      const step = (all[job + 1] as End).t - first.t;
      const pace = step === 0 ? 'all at once' : `then every ${ms(step)}`;
      lines.push(`${span(job, last)}: ${first.how} at ${ms(first.t)}, ${pace}`);
      job = last + 1;
      continue;
    }
    // Uneven: gather jobs that end the same way until a steady run begins.
    let end = job;
    while (
      end + 1 < jobs &&
      end + 1 - job < PER_LINE &&
      how(end + 1) === how(job) &&
      evenUntil(end + 1) - end < RUN
    )
      end++;
    const times = first === undefined ? '' : ` at ${range(all, job, end)} ms`;
    lines.push(`${span(job, end)}: ${how(job)}${times}`);
    job = end + 1;
  }
  return lines;
}

const range = (all: readonly End[], a: number, b: number): string =>
  all
    .slice(a, b + 1)
    .map((e) => Number((e.t / 1000).toFixed(3)))
    .join(' ');

const span = (a: number, b: number): string => (a === b ? `job ${a}` : `jobs ${a}-${b}`);

const STATES: readonly WorkerState[] = ['cpu', 'io', 'gil', 'blocked', 'ready', 'starting', 'idle'];

/**
 * Each event loop, thread and process: how long it spent in each state until the run
 * ended ("loop main: cpu 1.2 ms, idle 998.8 ms"). Tasks, which can number tens of
 * thousands, are summed into one line.
 */
export function workerTimes(trace: readonly TraceEvent[]): string[] {
  const end = trace.reduce((t, e) => Math.max(t, e.t), 0);
  const workers = new Map<
    number,
    {
      name: string;
      kind: WorkerKind;
      since: number;
      state: WorkerState | null;
      totals: Map<WorkerState, number>;
    }
  >();
  for (const e of trace) {
    if (e.type === 'workerCreated')
      workers.set(e.worker, {
        name: `${e.kind} ${e.label}`,
        kind: e.kind,
        since: e.t,
        state: null,
        totals: new Map(),
      });
    else if (e.type === 'workerState') {
      const w = workers.get(e.worker);
      if (w === undefined) continue;
      if (w.state !== null) w.totals.set(w.state, (w.totals.get(w.state) ?? 0) + e.t - w.since);
      w.state = e.state;
      w.since = e.t;
    }
  }
  const tasks = new Map<WorkerState, number>();
  let taskCount = 0;
  const lines: string[] = [];
  for (const w of workers.values()) {
    if (w.state !== null && w.state !== 'done')
      w.totals.set(w.state, (w.totals.get(w.state) ?? 0) + end - w.since);
    if (w.kind === 'task') {
      taskCount++;
      for (const [state, us] of w.totals) tasks.set(state, (tasks.get(state) ?? 0) + us);
    } else lines.push(`${w.name}: ${totals(w.totals)}`);
  }
  if (taskCount > 0) lines.push(`${taskCount} tasks in all: ${totals(tasks)}`);
  return lines;
}

function totals(by: ReadonlyMap<WorkerState, number>): string {
  const parts = STATES.flatMap((s) => ((by.get(s) ?? 0) > 0 ? [`${s} ${ms(by.get(s)!)}`] : []));
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
