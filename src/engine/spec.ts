/**
 * A level as the engine runs it: every duration in integer microseconds, every size in
 * bytes, every reference resolved to an index, every step flattened to a list of ops.
 * Built once per run by compileLevel.ts; nothing here is read from JSON again.
 */
import type { Micros, Bytes } from '../model/units';

export type TimeDist =
  | { readonly kind: 'fixed'; readonly us: Micros }
  | { readonly kind: 'exponential'; readonly meanUs: Micros }
  | { readonly kind: 'uniform'; readonly minUs: Micros; readonly maxUs: Micros };

export const OpCode = {
  Cpu: 0,
  IoAsync: 1,
  IoBlocking: 2,
  CallAsync: 3,
  CallBlocking: 4,
  /** Start of a read-modify-write of shared state. */
  Read: 5,
  /** End of a read-modify-write: the write that may lose a concurrent update. */
  Write: 6,
} as const;
export type OpCode = (typeof OpCode)[keyof typeof OpCode];

export interface FlatOp {
  readonly code: OpCode;
  readonly time: TimeDist;
  /** Service index for calls, shared-state index for Read/Write, else -1. */
  readonly ref: number;
  readonly label: string;
}

export interface StepSpec {
  readonly id: string;
  readonly label: string;
  readonly perPart: boolean;
  readonly ops: readonly FlatOp[];
  /** Does it await (async IO or an async call)? Then it is `async def` and cannot run in a thread. */
  readonly isAsync: boolean;
  /** Least CPU time one run takes (fixed and minimum draws). */
  readonly minCpuUs: Micros;
}

export type ArrivalSpec =
  | { readonly type: 'atOnce'; readonly atUs: Micros }
  | { readonly type: 'interval'; readonly everyUs: Micros; readonly startUs: Micros }
  | { readonly type: 'poisson'; readonly meanGapUs: number; readonly startUs: Micros }
  | {
      readonly type: 'bursts';
      readonly size: number;
      readonly everyUs: Micros;
      readonly spreadUs: Micros;
      readonly startUs: Micros;
    };

export interface StreamSpec {
  readonly kind: number;
  readonly count: number;
  readonly arrival: ArrivalSpec;
  readonly payloadBytes: Bytes;
  readonly parts: number;
  /** Step indexes, in order. */
  readonly recipe: readonly number[];
}

export interface ServiceSpec {
  readonly id: string;
  readonly label: string;
  readonly latency: TimeDist;
  readonly maxConcurrent: number;
  readonly rateRequests: number;
  readonly rateWindowUs: Micros;
  readonly failRate: number;
  readonly slowChance: number;
  readonly slowLatency: TimeDist;
  readonly refuseAfterUs: Micros;
}

export interface CostSpec {
  readonly perThread: number;
  readonly perProcess: number;
  readonly perQueueWorker: number;
  readonly perHour: number;
}

export interface RunSpec {
  readonly levelId: string;
  readonly seed: number;
  readonly cores: number;
  readonly memoryBytes: Bytes;
  readonly gilSwitchUs: Micros;
  readonly baseMemoryBytes: Bytes;
  readonly threadMemoryBytes: Bytes;
  readonly taskMemoryBytes: Bytes;
  readonly processStartupUs: Micros;
  readonly processMemoryBytes: Bytes;
  readonly callOverheadUs: Micros;
  readonly picklePerMBUs: Micros;
  readonly kinds: readonly string[];
  readonly streams: readonly StreamSpec[];
  readonly steps: readonly StepSpec[];
  readonly services: readonly ServiceSpec[];
  /** Names of shared state that steps update. */
  readonly states: readonly string[];
  readonly costs: CostSpec;
  readonly totalJobs: number;
}

/** The least a draw from this distribution can be. */
export function minOf(time: TimeDist): Micros {
  switch (time.kind) {
    case 'fixed':
      return time.us;
    case 'exponential':
      return 0;
    case 'uniform':
      return time.minUs;
  }
}

/** The mean of a draw from this distribution. */
export function meanOf(time: TimeDist): number {
  switch (time.kind) {
    case 'fixed':
      return time.us;
    case 'exponential':
      return time.meanUs;
    case 'uniform':
      return (time.minUs + time.maxUs) / 2;
  }
}
