/**
 * The part of the floor that never changes during a replay: node boxes, their titles,
 * and the wires. Drawn once per wiring.
 */
import { Container, Graphics } from 'pixi.js';
import { COLORS } from '../colors';
import type { FloorLayout, NodeBox } from './layout';
import { fit, label } from './text';

const ACCENTS: Partial<Record<NodeBox['type'], number>> = {
  source: 0x56b4e9,
  sink: 0x009e73,
  threadPool: 0xcc79a7,
  processPool: 0xe69f00,
  queue: 0x56b4e9,
  tasks: 0x009e73,
  lock: 0xd55e00,
  semaphore: 0xd55e00,
};

function drawBox(g: Graphics, box: NodeBox): void {
  const accent = ACCENTS[box.type] ?? COLORS.lineStrong;
  if (box.container) {
    g.roundRect(box.x, box.y, box.w, box.h, 10).fill({ color: COLORS.panel, alpha: 0.92 });
    g.roundRect(box.x, box.y, box.w, box.header, 10).fill({ color: COLORS.raised2 });
    g.rect(box.x, box.y + box.header - 10, box.w, 10).fill({ color: COLORS.raised2 });
    g.roundRect(box.x, box.y, box.w, box.h, 10).stroke({ width: 1.5, color: accent, alpha: 0.55 });
  } else {
    g.roundRect(box.x, box.y, box.w, box.h, 7).fill({ color: COLORS.raised2 });
    g.roundRect(box.x, box.y, 4, box.h, 2).fill({ color: accent });
    g.roundRect(box.x, box.y, box.w, box.h, 7).stroke({ width: 1, color: COLORS.lineStrong });
  }
  g.circle(box.input.x, box.input.y, 3.5).fill({ color: COLORS.textFaint });
  for (const p of box.outputs.values()) g.circle(p.x, p.y, 3.5).fill({ color: COLORS.textFaint });
}

function drawWire(g: Graphics, points: Float32Array): void {
  const n = points.length / 2;
  if (n < 2) return;
  g.moveTo(points[0]!, points[1]!);
  for (let i = 1; i < n; i++) g.lineTo(points[i * 2]!, points[i * 2 + 1]!);
  g.stroke({ width: 2, color: COLORS.lineStrong, alpha: 0.9 });
  // An arrowhead at the input, pointing along the curve's last stretch.
  const x = points[(n - 1) * 2]!;
  const y = points[(n - 1) * 2 + 1]!;
  const angle = Math.atan2(y - points[(n - 2) * 2 + 1]!, x - points[(n - 2) * 2]!);
  const back = 8;
  g.poly([
    x - 3,
    y,
    x - 3 - back * Math.cos(angle - 0.45),
    y - back * Math.sin(angle - 0.45),
    x - 3 - back * Math.cos(angle + 0.45),
    y - back * Math.sin(angle + 0.45),
  ]).fill({ color: COLORS.lineStrong });
}

/** Boxes, wires and titles of a wiring, in world coordinates. */
export function drawStaticFloor(layout: FloorLayout): Container {
  const root = new Container({ label: 'floor' });
  const boxes = new Graphics();
  const wires = new Graphics();
  for (const box of layout.order) drawBox(boxes, box);
  for (const wire of layout.wires) drawWire(wires, wire.points);
  root.addChild(boxes, wires);
  for (const box of layout.order) {
    const titleWidth = box.container ? Math.max(110, box.w * 0.58) - 16 : box.w - 18;

    const title = label(fit(box.title, titleWidth, 12), 12, COLORS.text, '600');
    title.position.set(box.x + 11, box.y + (box.container ? 4 : 5));
    root.addChild(title);
    if (box.detail) {
      const detail = label(fit(box.detail, titleWidth, 10), 10, COLORS.textDim);
      detail.position.set(box.x + 11, box.y + (box.container ? 19 : 20));
      root.addChild(detail);
    }
  }
  return root;
}
