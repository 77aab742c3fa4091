/**
 * The floor plan of a wiring: a box per node where the player placed it in the editor,
 * containers drawn around their children, wires as curves from an output to an input,
 * and the path a token takes between any two nodes. Pure geometry: no pixi, no DOM.
 *
 * Positions are the editor's (absolute, children inside their container's area). Boxes
 * are smaller than the editor's nodes, so a wiring that does not overlap in the editor
 * does not overlap here either.
 */
import type { Level } from '../../model/level';
import type { Solution, SolutionNode } from '../../model/solution';
import { NODE_SPECS, type NodeType } from '../../model/vocabulary';
import type { BoardPicture } from '../../shell/panels';
import { autoLayout } from './autoLayout';
import { layoutAsBoard } from './boardLayout';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface NodeBox {
  readonly id: string;
  readonly type: NodeType;
  readonly title: string;
  /** The node's parameters in a few words ("4 threads", "cap 10 · 4 workers"). */
  readonly detail: string;
  readonly parent: string | null;
  /** Nesting depth: 0 at the top level. */
  readonly depth: number;
  readonly container: boolean;
  /** Height of a container's header band, above its children. */
  readonly header: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Where wires come in (middle of the left side). */
  readonly input: Point;
  /** Where each output port's wire leaves (right side, one below the other). */
  readonly outputs: ReadonlyMap<string, Point>;
}

export interface Wire {
  readonly from: string;
  readonly port: string;
  readonly to: string;
  /** The curve, sampled: x0, y0, x1, y1, … */
  readonly points: Float32Array;
}

export interface FloorLayout {
  readonly boxes: ReadonlyMap<string, NodeBox>;
  /** Boxes with every container before its children: the order to draw them in. */
  readonly order: readonly NodeBox[];
  readonly wires: readonly Wire[];
  readonly bounds: {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  };
}

export const LEAF = { w: 156, h: 66 } as const;
export const CONTAINER = { header: 34, pad: 16, minW: 184, minH: 96 } as const;
/** Points per sampled wire or path. */
const CURVE_SAMPLES = 16;

/** A node's title and its parameters in a few words, as the floor writes them. */
export function describe(
  node: SolutionNode,
  level: Level | null,
): { title: string; detail: string } {
  const spec = NODE_SPECS[node.type];
  const p = node.params as unknown as Record<string, unknown>;
  switch (node.type) {
    case 'step': {
      // Titled as the editor titles it: by the step's label.
      const step = level?.steps.find((s) => s.id === p.step);
      return { title: step?.label ?? String(p.step), detail: '' };
    }
    case 'queue':
      return {
        title: 'Queue',
        detail: `${p.capacity === 0 ? 'unbounded' : `cap ${String(p.capacity)}`} · ${String(p.workers)} workers${p.stop === 'join+cancel' || p.stop === undefined ? '' : ` · stop: ${String(p.stop)}`}`,
      };
    case 'threadPool':
      return {
        title: spec.label,
        detail: p.workers === 0 ? 'default size' : `${String(p.workers)} threads`,
      };
    case 'processPool':
      return {
        title: spec.label,
        detail: p.workers === 0 ? 'one per core' : `${String(p.workers)} processes`,
      };
    case 'semaphore':
      return { title: spec.label, detail: `${String(p.permits)} permits` };
    case 'lock':
      return { title: spec.label, detail: String(p.name) };
    case 'timeout':
      return { title: spec.label, detail: `after ${String(p.after)}` };
    case 'retry':
      return { title: spec.label, detail: `${String(p.attempts)} attempts` };
    case 'batch':
      return { title: spec.label, detail: `chunks of ${String(p.size)}` };
    case 'taskGroup':
      return { title: spec.label, detail: `except* ${String(p.catches)}` };
    case 'ticker':
      return { title: spec.label, detail: `every ${String(p.every)}` };
    case 'cleanup':
      return { title: spec.label, detail: `${String(p.takes)} on ${String(p.on)}` };
    case 'timeLimit':
      return { title: spec.label, detail: `after ${String(p.after)}` };
    case 'gather':
      return { title: spec.label, detail: `errors: ${String(p.exceptions)}` };
    default:
      return { title: spec.label, detail: '' };
  }
}

/** The output ports a node shows (a Route's, one per kind of job). */
export function outputPorts(node: SolutionNode, level: Level | null): string[] {
  if (node.type === 'route') {
    const kinds = level ? [...new Set(level.workload.streams.map((s) => s.kind))] : [];
    return kinds.map((k) => `kind:${k}`);
  }
  return [...NODE_SPECS[node.type].outputs];
}

/** Samples a cubic curve from `a` to `b` that leaves and arrives horizontally, like the editor's wires. */
export function wireCurve(a: Point, b: Point): Float32Array {
  const bend = Math.max(40, Math.abs(b.x - a.x) / 2);
  const c1 = { x: a.x + bend, y: a.y };
  const c2 = { x: b.x - bend, y: b.y };
  const out = new Float32Array((CURVE_SAMPLES + 1) * 2);
  for (let i = 0; i <= CURVE_SAMPLES; i++) {
    const t = i / CURVE_SAMPLES;
    const u = 1 - t;
    out[i * 2] = u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x;
    out[i * 2 + 1] =
      u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y;
  }
  return out;
}

/**
 * Lays out a wiring where the editor placed its nodes — or, when boxes would overlap
 * there, by the flow of its wires (autoLayout.ts). `level` names the steps and Route's
 * ports; without it, ids stand in.
 */
export function layoutFloor(
  solution: Solution,
  level: Level | null,
  board: BoardPicture | null = null,
): FloorLayout {
  if (board && solution.nodes.every((n) => board.nodes[n.id] !== undefined))
    return layoutAsBoard(solution, level, board);
  const anchored = anchoredPositions(solution);
  const asPlaced = layoutAt(solution, level, (node) => anchored.get(node.id) ?? node.position);
  if (!overlaps(asPlaced)) return asPlaced;
  const auto = autoLayout(solution, {
    leaf: LEAF,
    header: CONTAINER.header,
    pad: CONTAINER.pad,
    minContainer: { w: CONTAINER.minW, h: CONTAINER.minH },
  });
  return layoutAt(solution, level, (node) => auto.get(node.id) ?? node.position);
}

/**
 * The editor's positions, with each container's children moved up and left to sit just
 * inside it. The editor's boxes are larger than the floor's (they show parameters), so a
 * container there leaves a band above its children that would be empty here; the children
 * keep their arrangement among themselves.
 */
function anchoredPositions(solution: Solution): Map<string, { x: number; y: number }> {
  const byId = new Map(solution.nodes.map((n) => [n.id, n]));
  const siblings = new Map<string, SolutionNode[]>();
  for (const node of solution.nodes) {
    if (node.parent === undefined || !byId.has(node.parent)) continue;
    siblings.set(node.parent, [...(siblings.get(node.parent) ?? []), node]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  const resolve = (node: SolutionNode, trail: Set<string>): { x: number; y: number } => {
    const done = positions.get(node.id);
    if (done) return done;
    const parent = node.parent === undefined ? undefined : byId.get(node.parent);
    let at: { x: number; y: number } = node.position;
    if (parent && !trail.has(parent.id)) {
      trail.add(node.id);
      const origin = resolve(parent, trail);
      trail.delete(node.id);
      const group = siblings.get(parent.id) ?? [node];
      const minX = Math.min(...group.map((n) => n.position.x));
      const minY = Math.min(...group.map((n) => n.position.y));
      at = {
        x: origin.x + CONTAINER.pad + (node.position.x - minX),
        y: origin.y + CONTAINER.header + (node.position.y - minY),
      };
    }
    positions.set(node.id, at);
    return at;
  };
  for (const node of solution.nodes) resolve(node, new Set());
  return positions;
}

/** Do two boxes in the same place (siblings, or top-level boxes) cover each other? */

export function overlaps(layout: FloorLayout): boolean {
  const boxes = [...layout.boxes.values()];
  const gap = 8;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.parent !== b.parent) continue;
      const apart =
        a.x + a.w + gap <= b.x ||
        b.x + b.w + gap <= a.x ||
        a.y + a.h + gap <= b.y ||
        b.y + b.h + gap <= a.y;
      if (!apart) return true;
    }
  }
  return false;
}

function layoutAt(
  solution: Solution,
  level: Level | null,
  positionOf: (node: SolutionNode) => { readonly x: number; readonly y: number },
): FloorLayout {
  const byId = new Map(solution.nodes.map((n) => [n.id, n]));
  const children = new Map<string, SolutionNode[]>();
  for (const node of solution.nodes) {
    if (node.parent === undefined || !byId.has(node.parent)) continue;
    const list = children.get(node.parent) ?? [];
    list.push(node);
    children.set(node.parent, list);
  }
  const boxes = new Map<string, NodeBox>();
  const placing = new Set<string>();

  // Children first: a container's box is the hull of its children's, grown by its margins.
  const place = (node: SolutionNode, depth: number): NodeBox => {
    const done = boxes.get(node.id);
    if (done) return done;
    placing.add(node.id);
    const spec = NODE_SPECS[node.type];
    const inner = (children.get(node.id) ?? [])
      .filter((c) => !placing.has(c.id))
      .map((c) => place(c, depth + 1));
    let { x, y } = positionOf(node);
    let w: number = LEAF.w;
    let h: number = LEAF.h;
    if (spec.container) {
      w = CONTAINER.minW;
      h = CONTAINER.minH;
      if (inner.length > 0) {
        const minX = Math.min(...inner.map((b) => b.x)) - CONTAINER.pad;
        const minY = Math.min(...inner.map((b) => b.y)) - CONTAINER.header;
        const maxX = Math.max(...inner.map((b) => b.x + b.w)) + CONTAINER.pad;
        const maxY = Math.max(...inner.map((b) => b.y + b.h)) + CONTAINER.pad;
        x = Math.min(x, minX);
        y = Math.min(y, minY);
        w = Math.max(w, maxX - x);
        h = Math.max(h, maxY - y);
      }
    }
    const ports = outputPorts(node, level);
    const outputs = new Map<string, Point>();
    const portTop = spec.container ? CONTAINER.header / 2 : h / 2;
    ports.forEach((port, i) => outputs.set(port, { x: x + w, y: y + portTop + i * 16 }));
    const { title, detail } = describe(node, level);
    const box: NodeBox = {
      id: node.id,
      type: node.type,
      title,
      detail,
      parent: node.parent !== undefined && byId.has(node.parent) ? node.parent : null,
      depth,
      container: spec.container,
      header: spec.container ? CONTAINER.header : h,
      x,
      y,
      w,
      h,
      input: { x, y: y + (spec.container ? CONTAINER.header / 2 : h / 2) },
      outputs,
    };
    boxes.set(node.id, box);
    placing.delete(node.id);
    return box;
  };
  const depthOf = (node: SolutionNode): number => {
    let depth = 0;
    const seen = new Set<string>();
    for (
      let up = node.parent;
      up !== undefined && byId.has(up) && !seen.has(up);
      up = byId.get(up)!.parent
    ) {
      seen.add(up);
      depth++;
    }
    return depth;
  };
  for (const node of solution.nodes) place(node, depthOf(node));

  const wires: Wire[] = [];
  for (const c of solution.connections) {
    const from = boxes.get(c.from);
    const to = boxes.get(c.to);
    const start = from?.outputs.get(c.fromPort);
    if (!from || !to || !start) continue;
    wires.push({ from: c.from, port: c.fromPort, to: c.to, points: wireCurve(start, to.input) });
  }

  const order = [...boxes.values()].sort((a, b) => a.depth - b.depth);
  const all = [...boxes.values()];
  const minX = Math.min(0, ...all.map((b) => b.x));
  const minY = Math.min(0, ...all.map((b) => b.y));
  const maxX = Math.max(1, ...all.map((b) => b.x + b.w));
  const maxY = Math.max(1, ...all.map((b) => b.y + b.h));
  return {
    boxes,
    order,
    wires,
    bounds: { x: minX, y: minY, w: maxX - minX, h: maxY - minY },
  };
}

/** Containers holding `id`, innermost first. */
function ancestors(layout: FloorLayout, id: string): string[] {
  const list: string[] = [];
  for (
    let up = layout.boxes.get(id)?.parent ?? null;
    up !== null;
    up = layout.boxes.get(up)?.parent ?? null
  ) {
    if (list.includes(up)) break;
    list.push(up);
  }
  return list;
}

/**
 * The way a token goes from node `from` to node `to`, as points: along the wire when one
 * joins them; into a container's body from its header; out of containers through their
 * output side; otherwise straight from the one's output side to the other's input.
 */
export function hopPoints(layout: FloorLayout, from: string, to: string): Float32Array {
  const a = layout.boxes.get(from);
  const b = layout.boxes.get(to);
  if (!a || !b) return new Float32Array(0);
  const wire = layout.wires.find((w) => w.from === from && w.to === to);
  if (wire) return wire.points;
  const points: Point[] = [];
  const upA = ancestors(layout, from);
  const upB = ancestors(layout, to);
  if (upB.includes(from)) {
    // Into a box's body: from the box's input side to the first child's input.
    points.push(a.input);
  } else {
    points.push(a.outputs.values().next().value ?? { x: a.x + a.w, y: a.y + a.h / 2 });
    for (const up of upA) {
      if (upB.includes(up) || up === to) break;
      const box = layout.boxes.get(up)!;
      points.push(
        box.outputs.values().next().value ?? { x: box.x + box.w, y: box.y + box.header / 2 },
      );
    }
  }
  if (!upA.includes(to)) {
    for (const up of [...upB].reverse()) {
      if (upA.includes(up) || up === from) continue;
      points.push(layout.boxes.get(up)!.input);
    }
    points.push(b.input);
  } else {
    // Back to the box it sits in (a body's end): its output side.
    points.push(b.outputs.values().next().value ?? { x: b.x + b.w, y: b.y + b.header / 2 });
  }
  const out = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    out[i * 2] = p.x;
    out[i * 2 + 1] = p.y;
  });
  return out;
}

/** A polyline with its length, to find the point a given share of the way along it. */
export interface Path {
  readonly points: Float32Array;
  /** Distance from the start to each point. */
  readonly lengths: Float32Array;
}

export function toPath(points: Float32Array): Path {
  const n = points.length / 2;
  const lengths = new Float32Array(Math.max(1, n));
  for (let i = 1; i < n; i++) {
    const dx = points[i * 2]! - points[i * 2 - 2]!;
    const dy = points[i * 2 + 1]! - points[i * 2 - 1]!;
    lengths[i] = lengths[i - 1]! + Math.hypot(dx, dy);
  }
  return { points, lengths };
}

/** Writes the point `share` (0–1) of the way along `path` into `out` (x, y). */
export function pointAlong(path: Path, share: number, out: { x: number; y: number }): void {
  const n = path.points.length / 2;
  if (n === 0) return;
  const total = path.lengths[n - 1]!;
  const want = Math.min(1, Math.max(0, share)) * total;
  let i = 1;
  while (i < n - 1 && path.lengths[i]! < want) i++;
  const l0 = path.lengths[i - 1]!;
  const l1 = path.lengths[i] ?? l0;
  const f = l1 > l0 ? (want - l0) / (l1 - l0) : 0;
  const x0 = path.points[(i - 1) * 2]!;
  const y0 = path.points[(i - 1) * 2 + 1]!;
  out.x = n === 1 ? x0 : x0 + (path.points[i * 2]! - x0) * f;
  out.y = n === 1 ? y0 : y0 + (path.points[i * 2 + 1]! - y0) * f;
}
