/**
 * CPython scenario programs that `npm run fidelity` times beside the contracts: process
 * pools with big payloads, where the main process's pickling (the call queue's feeder
 * thread) overlaps the worker's work. The same wirings are checked for order, not time,
 * in tests/unit/python/pickling.test.ts and tests/unit/engine/cpython.test.ts.
 */
import { readFileSync } from 'node:fs';
import { parseLevel } from '../../model/load';

/** A program to time: a contract at a scale, and the wiring to run. */
export interface Timed {
  readonly name: string;
  readonly level: ReturnType<typeof parseLevel>;
  readonly solution: ReturnType<typeof parseLevel>['reference'];
  readonly scale: number;
}

function scenario(id: string, scale: number): Timed {
  const path = new URL(`./scenarios/${id}.json`, import.meta.url);
  const level = parseLevel(JSON.parse(readFileSync(path, 'utf8')), `scenarios/${id}.json`);
  return { name: `scenario ${id}`, level, solution: level.reference, scale };
}

export const SCENARIOS: readonly Timed[] = [
  scenario('big-payload-pool', 0.5),
  scenario('pickle-ahead', 1),
];
