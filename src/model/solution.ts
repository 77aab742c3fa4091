/**
 * The player's wiring, exactly as it is saved, shared and scored.
 *
 * Ids are the model's own short, stable strings ("n1", "n2"), never an editor's random
 * ids: the same wiring must always serialise to the same bytes, and so to the same URL.
 */
import type { NodeParams, NodeType, PortName } from './vocabulary';

export const SOLUTION_KIND = 'loopwork/solution';
export const SOLUTION_FORMAT_VERSION = 1;

export interface Solution {
  readonly kind: typeof SOLUTION_KIND;
  readonly version: typeof SOLUTION_FORMAT_VERSION;
  /** The contract it solves, and the contract revision it was made for. */
  readonly level: { readonly id: string; readonly revision: number };
  readonly name?: string;
  readonly nodes: readonly SolutionNode[];
  readonly connections: readonly Connection[];
}

export interface SolutionNode<T extends NodeType = NodeType> {
  readonly id: string;
  readonly type: T;
  readonly params: NodeParams[T];
  /** The container this node sits in; absent at the top level (main). */
  readonly parent?: string;
  /** Where the editor draws it; meaningless to the engine. */
  readonly position: { readonly x: number; readonly y: number };
}

/** A wire from one node's output port to another node's input. */
export interface Connection {
  readonly from: string;
  readonly fromPort: PortName;
  readonly to: string;
}

/** Narrows a node to its type, so its params are typed. */
export function isNodeOfType<T extends NodeType>(
  node: SolutionNode,
  type: T,
): node is SolutionNode<T> {
  return node.type === type;
}
