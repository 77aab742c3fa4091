/** Messages between the page and the simulation worker: plain data, cloned across. */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimOptions, SimResult } from '../engine/result';
import type { TraceEvent } from '../engine/trace';

export interface SimRequest {
  readonly id: number;
  readonly level: Level;
  readonly solution: Solution;
  /** Without `onProgress`: a function does not cross; `progress` asks for messages instead. */
  readonly options: Omit<SimOptions, 'onProgress'>;
  /** Send `progress` messages while the run goes on. */
  readonly progress: boolean;
}

/** Events per `trace` message: each is read on the page in a task of its own, kept short. */
export const TRACE_CHUNK = 10_000;

export type SimResponse =
  | {
      readonly id: number;
      readonly kind: 'progress';
      /** Jobs delivered, failed or lost so far, of `total`. */
      readonly resolved: number;
      readonly total: number;
    }
  /** A slice of the trace, in order; the result that follows carries `trace: []`. */
  | { readonly id: number; readonly kind: 'trace'; readonly events: readonly TraceEvent[] }
  | { readonly id: number; readonly kind: 'done'; readonly result: SimResult }
  | { readonly id: number; readonly kind: 'failed'; readonly error: string };
