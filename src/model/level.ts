/**
 * A contract (level) exactly as its JSON file says it, after validation and migration.
 *
 * Durations and sizes stay unit strings here (see units.ts); the engine turns them into
 * integers when it compiles a run. Everything is readonly: a level is data, never state.
 */
import type { Duration, Size } from './units';
import type { Solution } from './solution';
import type { NodeType } from './vocabulary';

export const LEVEL_KIND = 'loopwork/level';
export const LEVEL_FORMAT_VERSION = 1;

export interface Level {
  readonly kind: typeof LEVEL_KIND;
  /** Format version of the file: bumped only with a migration in migrations.ts. */
  readonly version: typeof LEVEL_FORMAT_VERSION;
  /** Stable id, lowercase words joined by dashes: "chess-exhibition". */
  readonly id: string;
  /** Content revision: bump it when the contract's numbers change, so old solutions can tell. */
  readonly revision: number;
  readonly title: string;
  /** Campaign placement; custom levels may leave both at 0. */
  readonly chapter: number;
  readonly order: number;
  /** Ids of contracts that must be finished before this one appears in the inbox. */
  readonly requires: readonly string[];
  readonly email: Email;
  /** Money paid for meeting every goal. */
  readonly pay: number;
  readonly machine: Machine;
  readonly workload: Workload;
  readonly steps: readonly StepDef[];
  readonly services: readonly ServiceDef[];
  readonly palette: Palette;
  readonly costs: CostModel;
  readonly goals: readonly Goal[];
  readonly par: Par;
  /** Progressive hints, shown one at a time: each should lead closer without giving it away. */
  readonly hints: readonly string[];
  /** Seed of the workload's random draws (arrivals, durations, service behaviour). */
  readonly seed: number;
  /** A solution that meets every goal: `npm run level -- check` proves it. */
  readonly reference: Solution;
  /** Tempting solutions that miss a goal for the reason the contract teaches. */
  readonly naive: readonly Solution[];
}

export interface Email {
  readonly from: string;
  readonly subject: string;
  /** Plain text; shown as text, never as HTML. */
  readonly body: string;
}

/** The simulated computer. Omitted fields take the defaults in `MACHINE_DEFAULTS`. */
export interface Machine {
  readonly cores: number;
  /** Memory budget: a run whose peak memory exceeds it fails. */
  readonly memory: Size;
  /** CPython's `sys.getswitchinterval()`: how long a thread may keep the GIL while another waits. */
  readonly gilSwitchInterval?: Duration;
  /** Resident memory of the main Python process before any work. */
  readonly baseMemory?: Size;
  /** Memory each OS thread costs (stack and interpreter state). */
  readonly threadMemory?: Size;
  /** Memory each asyncio task costs. */
  readonly taskMemory?: Size;
  readonly process?: ProcessCosts;
}

/** What a worker process costs: the price of real parallelism. */
export interface ProcessCosts {
  /** Time from spawning a worker until it can take work. */
  readonly startup?: Duration;
  /** Resident memory of each worker process. */
  readonly memory?: Size;
  /** Fixed cost of one call into a worker: queueing, pickling envelopes, waking it (paid by the worker's CPU). */
  readonly callOverhead?: Duration;
  /**
   * Pickling plus unpickling time per MB of payload, paid each way: to a worker process
   * (the main process pickles, the worker unpickles) and back (the other way round).
   */
  readonly picklePerMB?: Duration;
}

export const MACHINE_DEFAULTS = {
  gilSwitchInterval: '5ms',
  baseMemory: '30MB',
  threadMemory: '256KB',
  taskMemory: '4KB',
  process: { startup: '100ms', memory: '40MB', callOverhead: '1ms', picklePerMB: '10ms' },
} as const;

export interface Workload {
  /** Streams of jobs; their arrivals are merged by time (ties: stream order, then job order). */
  readonly streams: readonly JobStream[];
}

export interface JobStream {
  /** Job kind, what a Route node routes on: "image", "text". */
  readonly kind: string;
  readonly count: number;
  readonly arrival: Arrival;
  /** The job's data: held in memory while the job is in flight, pickled to and from processes. */
  readonly payload?: Size;
  /** Parts a Fan-out node can work on concurrently (photos in an album); default 1. */
  readonly parts?: number;
  /** Ids of the steps every job of this kind needs, in order. */
  readonly recipe: readonly string[];
}

export type Arrival =
  | { readonly type: 'atOnce'; readonly at?: Duration }
  | { readonly type: 'interval'; readonly every: Duration; readonly start?: Duration }
  | { readonly type: 'poisson'; readonly perSecond: number; readonly start?: Duration }
  | {
      readonly type: 'bursts';
      readonly size: number;
      readonly every: Duration;
      /** Jobs of a burst arrive evenly over this span; default all at once. */
      readonly spread?: Duration;
      readonly start?: Duration;
    };

/** A time that may vary by job: fixed, exponential with a mean, or uniform between two bounds. */
export type TimeSpec =
  | Duration
  | { readonly exponential: Duration }
  | { readonly uniform: readonly [Duration, Duration] };

/** A unit of the contract's work; in the wiring it is a Step node, in Python a function. */
export interface StepDef {
  readonly id: string;
  readonly label: string;
  /** Does the step work on one part of a job (inside Fan-out) rather than the whole job? */
  readonly perPart?: boolean;
  readonly ops: readonly Op[];
}

export type IoMode = 'async' | 'blocking';

/**
 * What a step does, in order.
 * - `cpu`: Python code running; needs the GIL and a core.
 * - `io`: waiting on the outside world. `async` awaits (an aiohttp call, `asyncio.sleep`);
 *   `blocking` holds its thread (`requests.get`, `time.sleep`) but releases the GIL.
 * - `call`: a request to one of the level's services, with its latency and limits.
 * - `repeat`: the inner ops, n times (a chess game is 30 × [move, reply]).
 * - `update`: read shared state, do the inner ops, write it back. Two of these interleaving
 *   on the same state without a lock lose an update: a data race.
 */
export type Op =
  | { readonly cpu: TimeSpec; readonly label?: string }
  | { readonly io: TimeSpec; readonly mode?: IoMode; readonly label?: string }
  | { readonly call: string; readonly mode?: IoMode; readonly label?: string }
  | { readonly repeat: number; readonly ops: readonly Op[] }
  | { readonly update: string; readonly ops: readonly Op[]; readonly label?: string };

/** An external service: an API, a database, a legacy server. */
export interface ServiceDef {
  readonly id: string;
  readonly label: string;
  readonly latency: TimeSpec;
  /** Open connections it accepts; one more is refused with an error. */
  readonly maxConcurrent?: number;
  /** Requests it accepts in any span of `per`; more are refused with an error. */
  readonly rateLimit?: { readonly requests: number; readonly per: Duration };
  /** Chance (0–1) that a call fails after its latency. */
  readonly failRate?: number;
  /** Chance that a call hangs for a long time instead of its usual latency. */
  readonly slow?: { readonly chance: number; readonly latency: TimeSpec };
  /** How long a refusal takes to come back; default 10ms. */
  readonly refuseAfter?: Duration;
}

/** Which nodes the player may place, how many, and how large. Steps, Source and Sink are always there. */
export type Palette = Readonly<Partial<Record<NodeType, PaletteEntry>>>;

export interface PaletteEntry {
  /** At most this many nodes of the type; default unlimited. */
  readonly max?: number;
  /** Upper bounds on numeric parameters, e.g. { "workers": 4 }. */
  readonly limits?: Readonly<Record<string, number>>;
}

/** Money the contract charges for resources. */
export interface CostModel {
  readonly perThread?: number;
  readonly perProcess?: number;
  /** Per coroutine worker of a Queue node. */
  readonly perQueueWorker?: number;
  /** Per hour of makespan (renting the machine). */
  readonly perHour?: number;
}

export type LatencyMetric = 'makespan' | 'p50' | 'p95' | 'maxLatency';

/** A goal: a threshold on a metric of the run. */
export type Goal =
  | { readonly metric: LatencyMetric; readonly max: Duration }
  | { readonly metric: 'throughput'; readonly min: number }
  | { readonly metric: 'peakMemory'; readonly max: Size }
  | { readonly metric: 'cost'; readonly max: number }
  | { readonly metric: 'done'; readonly min: number | 'all' }
  | { readonly metric: 'failed' | 'lost'; readonly max: number }
  | { readonly metric: 'serviceErrors'; readonly max: number }
  /** The longest stretch without a Ticker's beat, from the start to the end of the run. */
  | { readonly metric: 'beatGap'; readonly max: Duration }
  | { readonly metric: 'inOrder' };

/** Thresholds the grades ask for on top of the goals: every listed metric must hold. */
export interface ParTier {
  readonly makespan?: Duration;
  readonly p95?: Duration;
  readonly cost?: number;
  readonly peakMemory?: Size;
}

export interface Par {
  readonly bronze: ParTier;
  readonly silver: ParTier;
  readonly gold: ParTier;
}
