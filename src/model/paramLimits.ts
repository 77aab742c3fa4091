/**
 * What a real machine makes sensible, per node parameter. The vocabulary's ranges say what
 * a value can be written as (and what a link can carry); these say what the game will run:
 * a wiring with 100,000 worker processes is well formed, and no machine of the game's size
 * could start it. The loader refuses a saved or linked wiring beyond a limit, the engine
 * refuses one handed to it directly, and the editor's field refuses the typed value, each
 * naming the node and the field.
 *
 * A contract's palette may ask for less (`palette.<type>.limits`), never for more.
 * Every shipped contract's reference and naive wirings keep within these (the level check
 * runs them through the loader), so a limit can only be lowered with the contracts in mind.
 */
import { formatDuration, isDuration, parseDuration } from './units';
import { NODE_SPECS, isNodeType } from './vocabulary';

/** The most a whole-number parameter may be, and why: the reason the player reads. */
export interface CountLimit {
  readonly kind: 'count';
  readonly max: number;
  readonly why: string;
}

/** The range a duration parameter may take, in µs, and why. */
export interface DurationLimit {
  readonly kind: 'duration';
  readonly minUs: number;
  readonly maxUs: number;
  readonly why: string;
}

export type ParamLimit = CountLimit | DurationLimit;

const MINUTE = 60_000_000;
const HOUR = 60 * MINUTE;

/**
 * The table, by node type and parameter name. A parameter not listed keeps the
 * vocabulary's range. `tests/unit/model/paramLimits.test.ts` proves each entry names a real
 * parameter of its kind and lies inside the vocabulary's range.
 */
export const PARAM_LIMITS: Readonly<Record<string, Readonly<Record<string, ParamLimit>>>> = {
  processPool: {
    // CPython itself refuses more than 61 on Windows (concurrent/futures/process.py,
    // _MAX_WINDOWS_WORKERS); each one is a whole interpreter with its own memory.
    workers: {
      kind: 'count',
      max: 64,
      why: 'each process is a whole Python interpreter, and past the cores they only take turns',
    },
  },
  threadPool: {
    workers: {
      kind: 'count',
      max: 10_000,
      why: 'each thread keeps a stack of its own',
    },
  },
  queue: {
    workers: {
      kind: 'count',
      max: 10_000,
      why: 'each worker is a task of its own waiting on the queue',
    },
    capacity: {
      kind: 'count',
      max: 1_000_000,
      why: 'for a queue without bound, write 0',
    },
  },
  semaphore: {
    permits: {
      kind: 'count',
      max: 10_000,
      why: 'a semaphore that lets more in than that limits nothing',
    },
  },
  batch: {
    size: {
      kind: 'count',
      max: 10_000,
      why: 'one chunk is one unit of work, handed over in one piece',
    },
  },
  retry: {
    attempts: {
      kind: 'count',
      max: 20,
      why: 'each attempt runs the whole body again',
    },
    backoff: {
      kind: 'duration',
      minUs: 0,
      maxUs: 10 * MINUTE,
      why: 'a job that waits longer between attempts is as good as lost',
    },
  },
  cleanup: {
    takes: {
      kind: 'duration',
      minUs: 0,
      maxUs: 10 * MINUTE,
      why: 'whoever cancelled waits for the clean-up',
    },
  },
  ticker: {
    every: {
      kind: 'duration',
      minUs: 10_000,
      maxUs: HOUR,
      why: 'a beat more often than that spends the run on beats',
    },
  },
};

/** The machine's limit on one parameter of a node type, if it has one. */
export function paramLimit(type: string, param: string): ParamLimit | undefined {
  return Object.prototype.hasOwnProperty.call(PARAM_LIMITS, type)
    ? PARAM_LIMITS[type]![param]
    : undefined;
}

/** The field's name as the node shows it: "Processes", "Chunk size". */
function fieldName(type: string, param: string): string {
  if (!isNodeType(type)) return param;
  const spec = NODE_SPECS[type].params.find((p) => p.name === param);
  return spec ? spec.label.replace(/ \(.*\)$/, '') : param;
}

/**
 * Why a value of a node's parameter is beyond what the machine can run, in the words the
 * node shows ("Processes can be at most 64: …"), or null when it is within the limit.
 * A value of the wrong shape is not judged here: the schema and the engine name those.
 */
export function paramLimitProblem(type: string, param: string, value: unknown): string | null {
  const limit = paramLimit(type, param);
  if (limit === undefined) return null;
  const name = fieldName(type, param);
  if (limit.kind === 'count') {
    return typeof value === 'number' && value > limit.max
      ? `${name} can be at most ${limit.max.toLocaleString('en-US')}: ${limit.why}`
      : null;
  }
  if (!isDuration(value)) return null;
  let us: number;
  try {
    us = parseDuration(value);
  } catch {
    return null;
  }
  if (us > limit.maxUs)
    return `${name} can be at most ${formatDuration(limit.maxUs)}: ${limit.why}`;
  if (us < limit.minUs)
    return `${name} must be at least ${formatDuration(limit.minUs)}: ${limit.why}`;
  return null;
}
