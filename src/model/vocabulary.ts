/**
 * The node vocabulary: every node a wiring can hold, what Python construct it stands for,
 * its ports and its parameters. One table that the editor, the compiler, the code view,
 * the schema and the share codec all read, so they cannot drift apart.
 *
 * The shape, so a wiring reads as a Python program's skeleton:
 *   wires carry jobs, steps are calls, containers are where code runs.
 * Outside any container, `main()` handles jobs one after another. A container's children
 * form its body: one chain that every job entering the container runs.
 */
import type { Duration } from './units';

export type NodeType =
  | 'source'
  | 'sink'
  | 'step'
  | 'tasks'
  | 'queue'
  | 'batch'
  | 'semaphore'
  | 'lock'
  | 'timeout'
  | 'retry'
  | 'threadPool'
  | 'processPool'
  | 'fanOut'
  | 'taskGroup'
  | 'cleanup'
  | 'ticker'
  | 'route'
  | 'gatherAll'
  | 'gather'
  | 'timeLimit';

export interface NodeParams {
  readonly source: Record<string, never>;
  readonly sink: Record<string, never>;
  readonly step: { readonly step: string };
  readonly tasks: Record<string, never>;
  readonly queue: {
    /** Places in the queue; 0 means unbounded (`asyncio.Queue()`). */
    readonly capacity: number;
    readonly workers: number;
    /** A full queue blocks its producer (`await q.put`) or sheds the job (`put_nowait`). */
    readonly whenFull: 'block' | 'shed';
    /** How main() stops the workers once it has put its last job (see QueueStop). */
    readonly stop: QueueStop;
  };
  readonly batch: { readonly size: number };
  readonly semaphore: { readonly permits: number };
  /** Locks are named so two Lock nodes can take the same lock (and deadlock on it). */
  readonly lock: { readonly name: string };
  readonly timeout: { readonly after: Duration };
  readonly retry: { readonly attempts: number; readonly backoff: Duration };
  /** `workers` 0: the executor's default size, from the cores (poolSize.ts). */
  readonly threadPool: { readonly workers: number };
  readonly processPool: { readonly workers: number };
  readonly fanOut: Record<string, never>;
  /** `except*` on the "failed" port: the error type it catches from the group. */
  readonly taskGroup: { readonly catches: ErrorType };
  /** A clean-up of its own duration, on cancellation only or on every way out. */
  readonly cleanup: { readonly takes: Duration; readonly on: 'cancel' | 'always' };
  /** Repeats its body every `every` beside main(); `for` 0 means until every job is done. */
  readonly ticker: { readonly every: Duration; readonly for: Duration };
  readonly route: Record<string, never>;
  readonly gatherAll: Record<string, never>;
  /** What the awaiting task gets of a branch's error: raised at once, or collected once all are done. */
  readonly gather: { readonly exceptions: GatherExceptions };
  /** `async with asyncio.timeout(after):` around main()'s loop over the arrivals. */
  readonly timeLimit: { readonly after: Duration };
}

/**
 * How main() ends a queue's workers after its last put:
 * - `join+cancel`: `await queue.join()`, then `worker.cancel()` for each (the classic pattern);
 * - `shutdown`: `queue.shutdown()` (Python 3.13), then await the workers: they take what is
 *   left, and `get()` raises QueueShutDown once the queue is empty;
 * - `cancel`: cancel the workers at once, without joining: queued jobs are dropped;
 * - `never`: await the workers, which nothing stops: the program never ends.
 */
export type QueueStop = 'join+cancel' | 'shutdown' | 'cancel' | 'never';
export const QUEUE_STOPS: readonly QueueStop[] = ['join+cancel', 'shutdown', 'cancel', 'never'];

/** `gather()` passes the first error on at once (`raise`) or returns every error (`collect`). */
export type GatherExceptions = 'raise' | 'collect';

/** The exceptions a wiring's code can raise, as an `except*` clause names them. */
export type ErrorType = 'Exception' | 'ServiceError' | 'TimeoutError';
export const ERROR_TYPES: readonly ErrorType[] = ['Exception', 'ServiceError', 'TimeoutError'];

/** Output ports: `out` for the normal path, plus error paths and one port per job kind on Route. */
export type PortName = string;
/** Route's port for a job kind. */
export const routePort = (kind: string): PortName => `kind:${kind}`;
export const kindOfRoutePort = (port: PortName): string | undefined =>
  port.startsWith('kind:') ? port.slice(5) : undefined;

/**
 * - `given`: placed by the contract, one each, at the top level.
 * - `step`: a call to the contract's work.
 * - `spawner`: hands each job to new concurrent code (tasks, queue workers, batch tasks);
 *   the job's thread of control ends where it is handed over.
 * - `wrapper`: runs its body for the job, then the job continues after it.
 * - `offload`: a wrapper whose body runs in a pool (`run_in_executor`).
 * - `router`: sends each job down the port of its kind.
 * - `background`: not wired; runs its body beside main() on its own (a heartbeat).
 */
export type NodeCategory =
  'given' | 'step' | 'spawner' | 'wrapper' | 'offload' | 'router' | 'background';

export type ParamSpec =
  | {
      readonly name: string;
      readonly kind: 'int';
      readonly min: number;
      readonly max: number;
      readonly default: number;
      readonly label: string;
    }
  | {
      readonly name: string;
      readonly kind: 'duration';
      readonly minUs: number;
      readonly maxUs: number;
      readonly default: Duration;
      readonly label: string;
    }
  | {
      readonly name: string;
      readonly kind: 'choice';
      readonly options: readonly string[];
      readonly default: string;
      readonly label: string;
    }
  | {
      readonly name: string;
      readonly kind: 'name';
      readonly default: string;
      readonly label: string;
    }
  | { readonly name: string; readonly kind: 'stepRef'; readonly label: string };

/**
 * Parameters a node type gained after its first format, by node type: a file or a link
 * written before one was added has none, and reads it as its default (so the schema does
 * not require it, and the loader fills it in).
 */
export const LATER_PARAMS: Readonly<Partial<Record<NodeType, readonly string[]>>> = {
  queue: ['stop'],
};

export interface NodeSpec {
  readonly type: NodeType;
  /** One symbol, shared by the node on the board and the palette, so it is recognised at a glance. */
  readonly glyph: string;
  readonly label: string;
  readonly category: NodeCategory;
  readonly container: boolean;
  /** The Python the node stands for, in one line. */
  readonly python: string;
  /** One sentence a player reads in the palette. */
  readonly blurb: string;
  readonly hasInput: boolean;
  /** Output ports besides the per-kind ports of Route. */
  readonly outputs: readonly PortName[];
  readonly params: readonly ParamSpec[];
}

/** Hard ceilings that keep an absurd wiring from exhausting the simulator, whatever a palette allows. */
export const HARD_LIMITS = {
  workers: 100_000,
  capacity: 10_000_000,
  permits: 100_000,
  attempts: 100,
  batch: 100_000,
  nodes: 200,
  connections: 400,
} as const;

const HOUR = 3_600_000_000;

export const NODE_SPECS: Readonly<Record<NodeType, NodeSpec>> = {
  source: {
    type: 'source',
    glyph: '▶',
    label: 'Source',
    category: 'given',
    container: false,
    python: 'async for job in arrivals():',
    blurb: 'Where the jobs come from, as the contract says they arrive.',
    hasInput: false,
    outputs: ['out'],
    params: [],
  },
  sink: {
    type: 'sink',
    glyph: '■',
    label: 'Sink',
    category: 'given',
    container: false,
    python: 'deliver(job)',
    blurb: 'Where finished jobs go. A job that reaches it has been delivered.',
    hasInput: true,
    outputs: [],
    params: [],
  },
  step: {
    type: 'step',
    glyph: 'ƒ',
    label: 'Step',
    category: 'step',
    container: false,
    python: 'await step(job)',
    blurb: "A piece of the contract's work: a function call.",
    hasInput: true,
    outputs: ['out'],
    params: [{ name: 'step', kind: 'stepRef', label: 'Step' }],
  },
  tasks: {
    type: 'tasks',
    glyph: '⇉',
    label: 'Tasks',
    category: 'spawner',
    container: true,
    python: 'tg.create_task(handle(job))',
    blurb: 'One asyncio task per job: they all run concurrently on the event loop.',
    hasInput: true,
    outputs: ['out'],
    params: [],
  },
  queue: {
    type: 'queue',
    glyph: '☰',
    label: 'Queue + Workers',
    category: 'spawner',
    container: true,
    python: 'await queue.put(job)  # n worker tasks: job = await queue.get()',
    blurb: 'An asyncio.Queue drained by a fixed number of worker coroutines.',
    hasInput: true,
    outputs: ['out'],
    params: [
      {
        name: 'capacity',
        kind: 'int',
        min: 0,
        max: HARD_LIMITS.capacity,
        default: 10,
        label: 'Capacity (0 = unbounded)',
      },
      {
        name: 'workers',
        kind: 'int',
        min: 1,
        max: HARD_LIMITS.workers,
        default: 4,
        label: 'Workers',
      },
      {
        name: 'whenFull',
        kind: 'choice',
        options: ['block', 'shed'],
        default: 'block',
        label: 'When full',
      },
      {
        name: 'stop',
        kind: 'choice',
        options: QUEUE_STOPS,
        default: 'join+cancel',
        label: 'Workers stop by',
      },
    ],
  },
  batch: {
    type: 'batch',
    glyph: '▦',
    label: 'Batch',
    category: 'spawner',
    container: true,
    python: 'tg.create_task(handle_chunk(chunk))  # chunks of k jobs',
    blurb: 'Collects jobs into chunks of k and handles each chunk as one unit (like chunksize).',
    hasInput: true,
    outputs: ['out'],
    params: [
      {
        name: 'size',
        kind: 'int',
        min: 1,
        max: HARD_LIMITS.batch,
        default: 10,
        label: 'Chunk size',
      },
    ],
  },
  semaphore: {
    type: 'semaphore',
    glyph: '⊘',
    label: 'Semaphore',
    category: 'wrapper',
    container: true,
    python: 'async with sem:',
    blurb: 'At most k jobs inside at once; the rest wait their turn.',
    hasInput: true,
    outputs: ['out'],
    params: [
      {
        name: 'permits',
        kind: 'int',
        min: 1,
        max: HARD_LIMITS.permits,
        default: 4,
        label: 'Permits',
      },
    ],
  },
  lock: {
    type: 'lock',
    glyph: '⊠',
    label: 'Lock',
    category: 'wrapper',
    container: true,
    python: 'async with lock:',
    blurb: 'One job inside at a time. Lock nodes with the same name share one lock.',
    hasInput: true,
    outputs: ['out'],
    params: [{ name: 'name', kind: 'name', default: 'A', label: 'Lock name' }],
  },
  timeout: {
    type: 'timeout',
    glyph: '◷',
    label: 'Timeout',
    category: 'wrapper',
    container: true,
    python: 'async with asyncio.timeout(t):',
    blurb: 'Cancels the body if it takes too long; the job leaves by "timed out".',
    hasInput: true,
    outputs: ['out', 'timedOut'],
    params: [
      {
        name: 'after',
        kind: 'duration',
        minUs: 1,
        maxUs: 24 * HOUR,
        default: '1s',
        label: 'After',
      },
    ],
  },
  retry: {
    type: 'retry',
    glyph: '↻',
    label: 'Retry',
    category: 'wrapper',
    container: true,
    python: 'for attempt in range(n):',
    blurb: 'Runs the body again when it fails, up to n attempts; then the job leaves by "failed".',
    hasInput: true,
    outputs: ['out', 'failed'],
    params: [
      {
        name: 'attempts',
        kind: 'int',
        min: 1,
        max: HARD_LIMITS.attempts,
        default: 3,
        label: 'Attempts',
      },
      {
        name: 'backoff',
        kind: 'duration',
        minUs: 0,
        maxUs: HOUR,
        default: '0ms',
        label: 'Wait between',
      },
    ],
  },
  threadPool: {
    type: 'threadPool',
    glyph: '≋',
    label: 'Thread pool',
    category: 'offload',
    container: true,
    python: 'await loop.run_in_executor(threads, body, job)',
    blurb: 'Runs the body in one of n threads. Threads overlap IO, but share one GIL.',
    hasInput: true,
    outputs: ['out'],
    params: [
      {
        name: 'workers',
        kind: 'int',
        min: 0,
        max: HARD_LIMITS.workers,
        default: 4,
        label: 'Threads (0 = default size)',
      },
    ],
  },
  processPool: {
    type: 'processPool',
    glyph: '⊞',
    label: 'Process pool',
    category: 'offload',
    container: true,
    python: 'await loop.run_in_executor(processes, body, job)',
    blurb:
      'Runs the body in one of n processes: each has its own GIL, so CPU work runs in parallel.',
    hasInput: true,
    outputs: ['out'],
    params: [
      {
        name: 'workers',
        kind: 'int',
        min: 0,
        max: HARD_LIMITS.workers,
        default: 4,
        label: 'Processes (0 = default size)',
      },
    ],
  },
  fanOut: {
    type: 'fanOut',
    glyph: '⋔',
    label: 'Fan-out',
    category: 'wrapper',
    container: true,
    python: 'await asyncio.gather(*(body(part) for part in job.parts))',
    blurb: 'Runs the body for every part of the job at once, and waits for all of them.',
    hasInput: true,
    outputs: ['out'],
    params: [],
  },
  taskGroup: {
    type: 'taskGroup',
    glyph: '⧉',
    label: 'Task group',
    category: 'wrapper',
    container: true,
    python: 'async with asyncio.TaskGroup() as group:  # a task per part',
    blurb:
      'Runs the body for every part at once; the first error cancels the other parts, and the group fails as one.',
    hasInput: true,
    outputs: ['out', 'failed'],
    params: [
      {
        name: 'catches',
        kind: 'choice',
        options: ERROR_TYPES,
        default: 'Exception',
        label: 'except*',
      },
    ],
  },
  cleanup: {
    type: 'cleanup',
    glyph: '⌫',
    label: 'Clean-up',
    category: 'wrapper',
    container: true,
    python: 'try: … except asyncio.CancelledError: await undo(); raise',
    blurb:
      'Runs its clean-up when the body is cancelled (or on every way out): it takes its own time, and whoever cancelled waits for it.',
    hasInput: true,
    outputs: ['out'],
    params: [
      {
        name: 'takes',
        kind: 'duration',
        minUs: 0,
        maxUs: HOUR,
        default: '100ms',
        label: 'Clean-up takes',
      },
      {
        name: 'on',
        kind: 'choice',
        options: ['cancel', 'always'],
        default: 'cancel',
        label: 'Runs on',
      },
    ],
  },
  ticker: {
    type: 'ticker',
    glyph: '♥',
    label: 'Ticker',
    category: 'background',
    container: true,
    python: 'while not done: await beat(); await asyncio.sleep(every)',
    blurb:
      'A task of its own beside main(), not wired: it runs its body, sleeps, and again, until every job is done (or for a while).',
    hasInput: false,
    outputs: [],
    params: [
      {
        name: 'every',
        kind: 'duration',
        minUs: 1000,
        maxUs: HOUR,
        default: '1s',
        label: 'Sleeps between',
      },
      {
        name: 'for',
        kind: 'duration',
        minUs: 0,
        maxUs: 24 * HOUR,
        default: '0s',
        label: 'Stops after (0 = when the jobs are done)',
      },
    ],
  },
  route: {
    type: 'route',
    glyph: '⎇',
    label: 'Route by kind',
    category: 'router',
    container: false,
    python: 'match job.kind:',
    blurb: 'Sends each job down the port of its kind.',
    hasInput: true,
    outputs: [],
    params: [],
  },
  gatherAll: {
    type: 'gatherAll',
    glyph: '⋕',
    label: 'Gather all',
    category: 'wrapper',
    container: true,
    python:
      'results = await asyncio.gather(*(body(part) for part in job.parts), return_exceptions=True)',
    blurb:
      'Runs the body for every part at once and waits for all of them, errors and all: a failed part sends the job out by "failed".',
    hasInput: true,
    outputs: ['out', 'failed'],
    params: [],
  },
  gather: {
    type: 'gather',
    glyph: '⋈',
    label: 'Gather branches',
    category: 'wrapper',
    container: true,
    python: 'await asyncio.gather(branch_1(job), branch_2(job), …)',
    blurb:
      'Each chain inside is a branch of its own, run at once for the job. On raise, the first error reaches the job at once while the other branches run on; on collect, it waits for all and a failure sends the job out by "failed".',
    hasInput: true,
    outputs: ['out', 'failed'],
    params: [
      {
        name: 'exceptions',
        kind: 'choice',
        options: ['raise', 'collect'],
        default: 'raise',
        label: 'Errors',
      },
    ],
  },
  timeLimit: {
    type: 'timeLimit',
    glyph: '◴',
    label: 'Time limit',
    category: 'background',
    container: false,
    python: "async with asyncio.timeout(t):  # around main()'s async for job in arrivals()",
    blurb:
      'Not wired: after its time main() stops taking jobs. The job it is working on is cancelled, every later one is lost; tasks already handed on run to their end.',
    hasInput: false,
    outputs: [],
    params: [
      {
        name: 'after',
        kind: 'duration',
        minUs: 1,
        maxUs: 24 * HOUR,
        default: '10s',
        label: 'After',
      },
    ],
  },
};

export const NODE_TYPES = Object.keys(NODE_SPECS) as readonly NodeType[];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NODE_SPECS, value);
}

/** The parameters a freshly placed node of this type gets. */
export function defaultParams<T extends NodeType>(type: T, firstStep = ''): NodeParams[T] {
  const params: Record<string, unknown> = {};
  for (const spec of NODE_SPECS[type].params) {
    params[spec.name] = spec.kind === 'stepRef' ? firstStep : spec.default;
  }
  return params as unknown as NodeParams[T];
}
