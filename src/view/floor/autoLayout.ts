/**
 * Places a wiring's nodes when the editor's positions do not suit the floor (boxes that
 * would overlap, as in a contract file written by hand): left to right in the order jobs
 * flow, nodes that a job reaches at the same depth stacked in a column, each container
 * laid out the same way inside. Pure and deterministic.
 */
import type { Solution, SolutionNode } from '../../model/solution';
import { NODE_SPECS } from '../../model/vocabulary';

export interface Size {
  readonly w: number;
  readonly h: number;
}

export interface BoxMetrics {
  readonly leaf: Size;
  readonly header: number;
  readonly pad: number;
  readonly minContainer: Size;
}

const COLUMN_GAP = 56;
const ROW_GAP = 26;

/** Top-left corners for every node, in the coordinates the floor uses. */
export function autoLayout(
  solution: Solution,
  metrics: BoxMetrics,
): Map<string, { x: number; y: number }> {
  const byId = new Map(solution.nodes.map((n) => [n.id, n]));
  const scopeOf = (n: SolutionNode): string =>
    n.parent !== undefined && byId.has(n.parent) ? n.parent : '';
  const members = new Map<string, SolutionNode[]>();
  for (const node of solution.nodes) {
    const scope = scopeOf(node);
    members.set(scope, [...(members.get(scope) ?? []), node]);
  }
  const sizes = new Map<string, Size>();
  /** Offsets of a scope's members from the scope's content origin. */
  const offsets = new Map<string, Map<string, { x: number; y: number }>>();

  const layoutScope = (scope: string, trail: Set<string>): Size => {
    const nodes = members.get(scope) ?? [];
    for (const n of nodes) sizeOf(n, trail);
    // Depth of each node along the wires inside the scope: the longest way from a node no wire enters.
    const ids = new Set(nodes.map((n) => n.id));
    const next = new Map<string, string[]>();
    const entered = new Set<string>();
    for (const c of solution.connections) {
      if (!ids.has(c.from) || !ids.has(c.to) || c.from === c.to) continue;
      next.set(c.from, [...(next.get(c.from) ?? []), c.to]);
      entered.add(c.to);
    }
    const depth = new Map<string, number>();
    const walk = (id: string, d: number, path: Set<string>): void => {
      if (path.has(id) || (depth.get(id) ?? -1) >= d) return;
      depth.set(id, d);
      path.add(id);
      for (const to of next.get(id) ?? []) walk(to, d + 1, path);
      path.delete(id);
    };
    const starts = nodes.filter((n) => !entered.has(n.id));
    for (const n of starts.length > 0 ? starts : nodes.slice(0, 1)) walk(n.id, 0, new Set());
    // Anything unreached (a loop, a stray node) goes after everything else.
    let last = Math.max(-1, ...depth.values());
    for (const n of nodes) if (!depth.has(n.id)) depth.set(n.id, ++last);
    const columns: SolutionNode[][] = [];
    for (const n of nodes) (columns[depth.get(n.id)!] ??= []).push(n);
    const placed = new Map<string, { x: number; y: number }>();
    let x = 0;
    let height = 0;
    for (const column of columns) {
      if (!column) continue;
      let y = 0;
      let width = 0;
      for (const n of column) {
        const size = sizes.get(n.id)!;
        placed.set(n.id, { x, y });
        y += size.h + ROW_GAP;
        width = Math.max(width, size.w);
      }
      height = Math.max(height, y - ROW_GAP);
      x += width + COLUMN_GAP;
    }
    offsets.set(scope, placed);
    return { w: Math.max(0, x - COLUMN_GAP), h: height };
  };

  const sizeOf = (node: SolutionNode, trail: Set<string>): Size => {
    let size = sizes.get(node.id);
    if (size) return size;
    if (!NODE_SPECS[node.type].container || trail.has(node.id)) {
      size = NODE_SPECS[node.type].container ? metrics.minContainer : metrics.leaf;
    } else {
      trail.add(node.id);
      const inner = layoutScope(node.id, trail);
      trail.delete(node.id);
      size = {
        w: Math.max(metrics.minContainer.w, inner.w + 2 * metrics.pad),
        h: Math.max(metrics.minContainer.h, inner.h + metrics.header + metrics.pad),
      };
    }
    sizes.set(node.id, size);
    return size;
  };

  layoutScope('', new Set());
  const positions = new Map<string, { x: number; y: number }>();
  const place = (scope: string, originX: number, originY: number): void => {
    for (const [id, offset] of offsets.get(scope) ?? []) {
      const x = originX + offset.x;
      const y = originY + offset.y;
      positions.set(id, { x, y });
      if (offsets.has(id)) place(id, x + metrics.pad, y + metrics.header);
    }
  };
  place('', 0, 0);
  return positions;
}
