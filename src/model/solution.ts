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

/**
 * A node of one type: `type` and `params` go together, so checking `node.type` on a
 * `SolutionNode` narrows its `params` to that type's.
 */
export interface NodeOfType<T extends NodeType> {
  readonly id: string;
  readonly type: T;
  readonly params: NodeParams[T];
  /** The container this node sits in; absent at the top level (main). */
  readonly parent?: string;
  /** Where the editor draws it; meaningless to the engine. */
  readonly position: { readonly x: number; readonly y: number };
}

/** Any node of the wiring (a union over the node types), or, given `T`, a node of those types. */
export type SolutionNode<T extends NodeType = NodeType> = { readonly [K in T]: NodeOfType<K> }[T];

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
): node is Extract<SolutionNode, { readonly type: T }> {
  return node.type === type;
}

/**
 * A node whose type is known only at run time (read from an editor or from input), with
 * params built for that type by `paramsFrom`. The assertion is the one place a runtime
 * `type` and its params are joined: TypeScript cannot follow a generic `T` into the union.
 */
export function nodeOf<T extends NodeType>(
  type: T,
  params: NodeParams[T],
  place: Pick<SolutionNode, 'id' | 'position' | 'parent'>,
): SolutionNode {
  const node: NodeOfType<T> = {
    id: place.id,
    type,
    params,
    position: place.position,
    ...(place.parent !== undefined ? { parent: place.parent } : {}),
  };
  return node as SolutionNode;
}
