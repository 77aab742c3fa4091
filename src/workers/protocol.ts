/** Messages between the page and the simulation worker: plain data, cloned across. */
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import type { SimOptions, SimResult } from '../engine/result';

export interface SimRequest {
  readonly id: number;
  readonly level: Level;
  readonly solution: Solution;
  readonly options: SimOptions;
}

export type SimResponse =
  | { readonly id: number; readonly ok: true; readonly result: SimResult }
  | { readonly id: number; readonly ok: false; readonly error: string };
