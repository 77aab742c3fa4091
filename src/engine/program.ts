/**
 * The compiled wiring: an instruction graph the runtime interprets.
 *
 * Each instruction is one node of the wiring and points to what runs next, so a chain
 * of nodes is a linked list, a container holds its body's first instruction, and a
 * body ends with `end` (back to the container) — or, for a spawner, runs on into the
 * nodes after the box, in the spawned task.
 */
import type { Micros } from '../model/units';
import type { QueueStop } from '../model/vocabulary';
import type { FailReason } from './trace';

export type Instr =
  | StepInstr
  | SemaphoreInstr
  | LockInstr
  | TimeoutInstr
  | RetryInstr
  | OffloadInstr
  | FanOutInstr
  | TaskGroupInstr
  | CleanupInstr
  | RouteInstr
  | SpawnInstr
  | DeliverInstr
  | UnbatchInstr
  | EndInstr;

export interface StepInstr {
  readonly op: 'step';
  readonly node: string;
  readonly step: number;
  readonly next: Instr;
}
export interface SemaphoreInstr {
  readonly op: 'semaphore';
  readonly node: string;
  readonly semaphore: number;
  readonly body: Instr;
  readonly next: Instr;
}
export interface LockInstr {
  readonly op: 'lock';
  readonly node: string;
  readonly lock: number;
  readonly body: Instr;
  readonly next: Instr;
}
export interface TimeoutInstr {
  readonly op: 'timeout';
  readonly node: string;
  readonly afterUs: Micros;
  readonly body: Instr;
  readonly next: Instr;
  /** Where a timed-out job goes; null: the TimeoutError propagates. */
  readonly onTimeout: Instr | null;
}
export interface RetryInstr {
  readonly op: 'retry';
  readonly node: string;
  readonly attempts: number;
  readonly backoffUs: Micros;
  readonly body: Instr;
  readonly next: Instr;
  /** Where a job goes once every attempt failed; null: the last error propagates. */
  readonly onFail: Instr | null;
}
export interface OffloadInstr {
  readonly op: 'offload';
  readonly node: string;
  readonly pool: number;
  readonly body: Instr;
  readonly next: Instr;
}
/**
 * `await asyncio.gather(…)`: a task per part of the job running `body` (Fan-out, Gather
 * all), or a task per branch (Gather branches), each branch a chain of its own.
 */
export interface FanOutInstr {
  readonly op: 'fanOut';
  readonly node: string;
  /** What a part runs; with branches, the first branch. */
  readonly body: Instr;
  readonly next: Instr;
  /** Gather branches: each branch's chain; null: `body` once per part. */
  readonly branches: readonly GatherBranch[] | null;
  /** `return_exceptions=True`: every child's error is collected once all are done, none raised at once. */
  readonly collect: boolean;
  /** Collecting: where the job goes when any child failed; null: the first collected error is raised. */
  readonly onError: Instr | null;
}
/** One branch of a Gather: its chain and the steps it runs (to find its place in the recipe). */
export interface GatherBranch {
  readonly entry: Instr;
  /** Index of its first step; -1 when it runs none. */
  readonly firstStep: number;
  /** How many steps it runs along its chain. */
  readonly steps: number;
}
/** `async with asyncio.TaskGroup()` over the job's parts: the first error cancels the rest. */
export interface TaskGroupInstr {
  readonly op: 'taskGroup';
  readonly node: string;
  readonly body: Instr;
  readonly next: Instr;
  /** The error reasons the `except*` port catches (the engine's names of Python's exceptions). */
  readonly catches: readonly FailReason[];
  /** Where the job goes when the `except*` clause catches the group; null: the group propagates. */
  readonly onError: Instr | null;
}
/** `try: body except CancelledError: clean-up; raise` (or `finally:` when `always`). */
export interface CleanupInstr {
  readonly op: 'cleanup';
  readonly node: string;
  readonly takesUs: Micros;
  /** On every way out (`finally`), not only on cancellation. */
  readonly always: boolean;
  readonly body: Instr;
  readonly next: Instr;
}
export interface RouteInstr {
  readonly op: 'route';
  readonly node: string;
  /** Indexed by job kind; null: no wire for that kind (the body ends, or at the top level the job is lost). */
  readonly branches: readonly (Instr | null)[];
}
export interface SpawnInstr {
  readonly op: 'spawn';
  readonly node: string;
  readonly stage: number;
}
export interface DeliverInstr {
  readonly op: 'deliver';
  readonly node: string;
}
/** End of a Batch's body: the chunk's jobs go on one by one. */
export interface UnbatchInstr {
  readonly op: 'unbatch';
  readonly node: string;
  readonly next: Instr;
}
export interface EndInstr {
  readonly op: 'end';
}

export const END: EndInstr = Object.freeze({ op: 'end' });

export type StageKind = 'tasks' | 'queue' | 'batch';

/** A spawner: where jobs are handed to new concurrent code. */
export interface StageSpec {
  readonly kind: StageKind;
  readonly node: string;
  /** What each spawned task runs: the box's body, then the nodes after the box. */
  readonly entry: Instr;
  /** Queue: places (Infinity when unbounded), workers and what a full queue does. */
  readonly capacity: number;
  readonly workers: number;
  readonly shed: boolean;
  /** Queue: how main() stops the workers after its last put. */
  readonly stop: QueueStop;
  /** Batch: jobs per chunk. */
  readonly batchSize: number;
}

export interface PoolSpec {
  readonly kind: 'thread' | 'process';
  readonly node: string;
  readonly workers: number;
  /** Left at the executor's default size (`workers` is that size on the contract's cores). */
  readonly defaultSize: boolean;
}

/** Where a node's code runs: it decides which Python primitive a Lock or Semaphore is. */
export type RunContext = 'main' | 'coroutine' | 'thread' | 'process';

export interface SemaphoreSpec {
  readonly node: string;
  readonly permits: number;
  readonly context: RunContext;
}

export interface LockSpec {
  readonly name: string;
  readonly context: RunContext;
  /** Lock nodes that take this lock. */
  readonly nodes: readonly string[];
}

/** A Ticker: a task beside main() that runs its body, sleeps, and again. */
export interface TickerSpec {
  readonly node: string;
  readonly body: Instr;
  readonly everyUs: Micros;
  /** When it stops; 0: once every job is done. */
  readonly forUs: Micros;
}

/** A Time limit: `async with asyncio.timeout(after):` around main()'s loop over the arrivals. */
export interface TimeLimitSpec {
  readonly node: string;
  readonly afterUs: Micros;
}

export interface Program {
  /** What main() does with each job, from the Source's wire on. */
  readonly main: Instr;
  /** When main() stops taking jobs; null: it takes every one. */
  readonly timeLimit: TimeLimitSpec | null;
  /** Tickers, started with main(). */
  readonly tickers: readonly TickerSpec[];
  /** Spawners in the order main drains them at the end (upstream first). */
  readonly stages: readonly StageSpec[];
  readonly pools: readonly PoolSpec[];
  readonly semaphores: readonly SemaphoreSpec[];
  readonly locks: readonly LockSpec[];
  /** The context each placed node runs in (Source and Sink: main). */
  readonly contexts: Readonly<Record<string, RunContext>>;
}

/** A mistake in the wiring, attached to the node (or wire) a player must fix. */
export interface WiringIssue {
  readonly node?: string;
  readonly message: string;
}

/** The instructions an instruction can lead to. */
export function childrenOf(instr: Instr): Instr[] {
  switch (instr.op) {
    case 'step':
    case 'unbatch':
      return [instr.next];
    case 'semaphore':
    case 'lock':
    case 'offload':
    case 'cleanup':
      return [instr.body, instr.next];
    case 'fanOut':
      return [
        ...(instr.branches === null ? [instr.body] : instr.branches.map((b) => b.entry)),
        instr.next,
        ...(instr.onError ? [instr.onError] : []),
      ];
    case 'taskGroup':
      return instr.onError ? [instr.body, instr.next, instr.onError] : [instr.body, instr.next];
    case 'timeout':
      return instr.onTimeout ? [instr.body, instr.next, instr.onTimeout] : [instr.body, instr.next];
    case 'retry':
      return instr.onFail ? [instr.body, instr.next, instr.onFail] : [instr.body, instr.next];
    case 'route':
      return instr.branches.filter((b): b is Instr => b !== null);
    case 'spawn':
    case 'deliver':
    case 'end':
      return [];
  }
}
