/**
 * What `simulate` returns: the trace (unless metrics-only), the run's metrics, and the
 * verdict on the contract's goals. Plain JSON, so it crosses a worker boundary as is.
 */
import type { MachineProfile } from '../model/profile';
import type { Micros, Bytes } from '../model/units';
import type { Goal } from '../model/level';
import type { WiringIssue } from './program';
import type { RunOutcome, TraceEvent } from './trace';

export interface Metrics {
  readonly jobs: number;
  readonly done: number;
  readonly failed: number;
  readonly lost: number;
  /** Delivered, but with a lost update of shared state: a race. */
  readonly corrupted: number;
  /** Time the last job was resolved (delivered, failed or lost). */
  readonly makespanUs: Micros;
  /** Jobs delivered per second of makespan. */
  readonly throughput: number;
  /** Latency (arrival to delivery) of delivered jobs; 0 when none was. */
  readonly p50Us: Micros;
  readonly p95Us: Micros;
  readonly maxLatencyUs: Micros;
  /** With a Ticker: the longest stretch without a beat, from the start to the end of the run. */
  readonly beatGapUs?: Micros;
  readonly peakMemoryBytes: Bytes;
  readonly cost: number;
  /** Calls a service refused or failed. */
  readonly serviceErrors: number;
  readonly peakConcurrency: Readonly<Record<string, number>>;
  /** Per Queue node: jobs served and shed, mean wait in the queue (Wq), deepest it got. */
  readonly queues: Readonly<Record<string, QueueFigures>>;
  /** Threads and processes the run started, and queue workers. */
  readonly threads: number;
  readonly processes: number;
  /** Did jobs reach the Sink in arrival order? */
  readonly inOrder: boolean;
  readonly lowerBound: LowerBound;
  /** makespan / lower bound (≥ 1 for a finished run; 0 when the bound is 0). */
  readonly ratioToBound: number;
  readonly events: number;
  /** Each shared state the steps update, by name, as the main program ends with it. */
  readonly shared: Readonly<Record<string, SharedFigures>>;
}

/** A shared counter: `x = state; …; state = x + 1` once per update. */
export interface SharedFigures {
  /** Its value in the main program at the end (what CPython's counter ends at). */
  readonly value: number;
  /** Updates written to it, in the main program or in worker processes. */
  readonly updates: number;
  /** Increments lost to races or to processes' own copies: updates − value. */
  readonly lost: number;
}

export interface QueueFigures {
  readonly served: number;
  readonly shed: number;
  readonly meanWaitUs: number;
  readonly peakDepth: number;
}

/** No wiring can finish sooner than the largest of these. */
export interface LowerBound {
  readonly boundUs: Micros;
  /** All the CPU work divided among the cores. */
  readonly cpuUs: Micros;
  /** The longest single job, alone on an idle machine. */
  readonly longestJobUs: Micros;
  /** The last arrival plus its job's shortest path. */
  readonly lastArrivalUs: Micros;
  /** The calls to the busiest capped service, through its connections or its rate limit. */
  readonly serviceUs: Micros;
}

export interface GoalResult {
  readonly goal: Goal;
  readonly met: boolean;
  /** What the run measured, in the goal's unit (µs, bytes, count, money, jobs/s; inOrder: 1 or 0). */
  readonly actual: number;
  /** The goal's threshold in the same unit. */
  readonly target: number;
  /** One line for the player: "makespan 3.2 s, goal ≤ 2 s: missed by 1.2 s". */
  readonly summary: string;
}

export interface LoopBlock {
  readonly t: Micros;
  readonly node: string;
  readonly step: string;
  readonly delayUs: Micros;
}

/** A shared state whose updates were lost, and the node where two jobs raced on it. */
export interface RaceReport {
  readonly state: string;
  readonly node: string;
  /** Updates lost. */
  readonly count: number;
  /** The updates were made in worker processes, which do not share memory. */
  readonly acrossProcesses: boolean;
}

/** One edge of a wait-for cycle: `waiter` (a job in a node) waits on `resource`, held by `holder`. */
export interface WaitEdge {
  readonly waiter: string;
  readonly resource: string;
  readonly holder: string;
}

export type Grade = 'none' | 'bronze' | 'silver' | 'gold';

export interface Verdict {
  readonly outcome: RunOutcome;
  /** Every goal met and the run finished. */
  readonly passed: boolean;
  readonly goals: readonly GoalResult[];
  readonly grade: Grade;
  /**
   * Correctness failures, named: races, lost jobs, failures, wrong steps. They name no node
   * by its id (a player never sees ids): `races` and `loopBlocks` say where.
   */
  readonly problems: readonly string[];
  /**
   * Steps that held up the event loop long enough to be worth a change (the worst few); a
   * short CPU step that every coroutine takes in turn is not listed.
   */
  readonly loopBlocks: readonly LoopBlock[];
  /** Where updates of shared state were lost (a data race), worst first. */
  readonly races: readonly RaceReport[];
  /** Set when the run stopped in a deadlock: who waits on what. */
  readonly deadlock: readonly WaitEdge[] | null;
  /** Set when memory ran out: what was using it at that moment. */
  readonly memoryBreakdown: Readonly<Record<string, number>> | null;
}

export type SimResult =
  | {
      readonly ok: true;
      readonly metrics: Metrics;
      readonly verdict: Verdict;
      /** Null in metrics-only mode. */
      readonly trace: readonly TraceEvent[] | null;
      /**
       * Set when the trace reached `SimOptions.traceLimit`: it holds the run's beginning,
       * every event before this time, and no `runEnded`. Metrics and verdict cover the whole run.
       */
      readonly recordedUntilUs?: Micros;
    }
  | {
      readonly ok: false;
      /** The wiring cannot run: every mistake, attached to its node. */
      readonly issues: readonly WiringIssue[];
    };

export interface SimOptions {
  /** Overrides the level's seed. */
  readonly seed?: number;
  /** Record the trace (default true). False: metrics only, for benchmarks and re-scoring. */
  readonly trace?: boolean;
  /** Most events the run may process before it stops with `budgetExhausted`. */
  readonly eventBudget?: number;
  /** Most trace events kept (see `recordedUntilUs`); unlimited when absent. */
  readonly traceLimit?: number;
  /**
   * Called every so many events with the jobs resolved so far and the total, so a long run
   * can show its progress. A function: set it where the run happens (not sent to a worker).
   */
  readonly onProgress?: (resolved: number, total: number) => void;
  /** A measured machine (`npm run calibrate`) whose costs replace the level's. */
  readonly profile?: MachineProfile;
}
