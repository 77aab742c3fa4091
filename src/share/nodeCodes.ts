/**
 * The code a share link writes for each node type.
 *
 * Codes are explicit and only ever appended: a link written today must open to the same
 * wiring in every later version, so a code is never reused, renumbered or removed, and the
 * order of the vocabulary's tables does not matter. A new node type takes the next free
 * number at the end. The `Record` makes a missing code a type error; the corpus test in
 * tests/unit/share pins every code that was ever shipped.
 */
import type { NodeType } from '../model/vocabulary';

export const NODE_CODES: Readonly<Record<NodeType, number>> = {
  source: 0,
  sink: 1,
  step: 2,
  tasks: 3,
  queue: 4,
  batch: 5,
  semaphore: 6,
  lock: 7,
  timeout: 8,
  retry: 9,
  threadPool: 10,
  processPool: 11,
  fanOut: 12,
  route: 13,
  taskGroup: 14,
  cleanup: 15,
  ticker: 16,
  gatherAll: 17,
  gather: 18,
  timeLimit: 19,
};

const TYPE_OF_CODE: ReadonlyMap<number, NodeType> = new Map(
  (Object.entries(NODE_CODES) as [NodeType, number][]).map(([type, code]) => [code, type]),
);

/** The largest code in use: what a reader bounds the varint by. */
export const LAST_NODE_CODE = Math.max(...TYPE_OF_CODE.keys());

/** The node type a link's code stands for, or undefined for a code no version has given out. */
export function nodeTypeOfCode(code: number): NodeType | undefined {
  return TYPE_OF_CODE.get(code);
}
