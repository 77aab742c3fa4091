/**
 * A deadlock's wait-for cycle, as the floor shows it: which node waits on which, and the
 * cycle in words. The engine names each side "job 3 at n5" (or "main()"); the node ids
 * are read back from those names. Pure: no pixi.
 */
import { partyNode } from '../../engine/describe';
import type { WaitEdge } from '../../engine/result';

export interface WaitArrow {
  /** Node where the waiting job is; null when it is main() or not at a node. */
  readonly from: string | null;
  /** Node where the holder is. */
  readonly to: string | null;
  readonly resource: string;
}

const AT_NODE = / at (\S+)$/;

export function waitArrows(edges: readonly WaitEdge[]): WaitArrow[] {
  return edges.map((e) => ({
    from: partyNode(e.waiter),
    to: partyNode(e.holder),
    resource: e.resource,
  }));
}

/** Every node a deadlock involves. */
export function deadlockNodes(edges: readonly WaitEdge[]): Set<string> {
  const nodes = new Set<string>();
  for (const arrow of waitArrows(edges)) {
    if (arrow.from) nodes.add(arrow.from);
    if (arrow.to) nodes.add(arrow.to);
  }
  return nodes;
}

/** The cycle in words, with node ids replaced by what the player calls them. */
export function describeDeadlock(
  edges: readonly WaitEdge[],
  title: (node: string) => string | undefined,
): string[] {
  const name = (party: string): string => {
    const node = partyNode(party);
    const called = node ? title(node) : undefined;
    return node && called ? party.replace(AT_NODE, ` in ${called}`) : party;
  };
  return edges.map((e) => `${name(e.waiter)} waits for ${e.resource}, held by ${name(e.holder)}`);
}
