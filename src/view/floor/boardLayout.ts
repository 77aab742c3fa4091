/**
 * The floor laid out exactly as the editor lays out the board: every box where and as
 * large as the player sees it there, wires between the ports the editor draws. Pure.
 */
import type { Level } from '../../model/level';
import type { Solution } from '../../model/solution';
import { NODE_SPECS } from '../../model/vocabulary';
import type { BoardPicture } from '../../shell/panels';
import {
  describe,
  outputPorts,
  wireCurve,
  type FloorLayout,
  type NodeBox,
  type Point,
  type Wire,
} from './layout';

/** The floor of `solution` from the editor's `board`, which must hold every node of it. */
export function layoutAsBoard(
  solution: Solution,
  level: Level | null,
  board: BoardPicture,
): FloorLayout {
  const byId = new Map(solution.nodes.map((n) => [n.id, n]));
  const depthOf = (id: string): number => {
    let depth = 0;
    const seen = new Set<string>();
    for (
      let up = byId.get(id)?.parent;
      up !== undefined && byId.has(up) && !seen.has(up);
      up = byId.get(up)?.parent
    ) {
      seen.add(up);
      depth++;
    }
    return depth;
  };
  const boxes = new Map<string, NodeBox>();
  for (const node of solution.nodes) {
    const drawn = board.nodes[node.id]!;
    const spec = NODE_SPECS[node.type];
    // A port the editor did not draw (scrolled out of its DOM) sits where the floor puts its own.
    const portY = spec.container ? drawn.y + Math.min(drawn.header, 38) / 2 : drawn.y + 19;
    const outputs = new Map<string, Point>();
    outputPorts(node, level).forEach((port, i) =>
      outputs.set(port, drawn.outputs[port] ?? { x: drawn.x + drawn.w, y: portY + i * 24 }),
    );
    const { title, detail } = describe(node, level);
    boxes.set(node.id, {
      id: node.id,
      type: node.type,
      title,
      detail,
      parent: node.parent !== undefined && byId.has(node.parent) ? node.parent : null,
      depth: depthOf(node.id),
      container: spec.container,
      header: drawn.header,
      x: drawn.x,
      y: drawn.y,
      w: drawn.w,
      h: drawn.h,
      input: drawn.input ?? { x: drawn.x, y: portY },
      outputs,
    });
  }
  const wires: Wire[] = [];
  for (const c of solution.connections) {
    const from = boxes.get(c.from);
    const to = boxes.get(c.to);
    const start = from?.outputs.get(c.fromPort);
    if (!from || !to || !start) continue;
    wires.push({ from: c.from, port: c.fromPort, to: c.to, points: wireCurve(start, to.input) });
  }
  const all = [...boxes.values()];
  const minX = Math.min(...all.map((b) => b.x));
  const minY = Math.min(...all.map((b) => b.y));
  const maxX = Math.max(...all.map((b) => b.x + b.w));
  const maxY = Math.max(...all.map((b) => b.y + b.h));
  return {
    boxes,
    order: all.sort((a, b) => a.depth - b.depth),
    wires,
    bounds: { x: minX, y: minY, w: Math.max(1, maxX - minX), h: Math.max(1, maxY - minY) },
  };
}
