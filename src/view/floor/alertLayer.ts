/**
 * What the floor points at: the path of the job the player picked, the wait-for cycle
 * of a deadlock (frozen at the end of the run, in red), and the step that blocks the
 * event loop (flashing while it holds the loop).
 */
import { Container, Graphics } from 'pixi.js';
import type { WaitEdge } from '../../engine/result';
import { COLORS } from '../colors';
import type { LoopBlockEvent } from '../replay/replay';
import type { Replay } from '../replay/replay';
import { jobPath } from '../replay/tokens';
import { waitArrows } from './deadlock';
import { hopPoints, type FloorLayout, type NodeBox } from './layout';

function outline(g: Graphics, box: NodeBox, grow: number): Graphics {
  return g.roundRect(box.x - grow, box.y - grow, box.w + 2 * grow, box.h + 2 * grow, 9 + grow);
}

function polyline(g: Graphics, points: Float32Array): void {
  if (points.length < 4) return;
  g.moveTo(points[0]!, points[1]!);
  for (let i = 2; i < points.length; i += 2) g.lineTo(points[i]!, points[i + 1]!);
}

export class AlertLayer {
  readonly view = new Container({ label: 'alerts' });
  private readonly path = new Graphics();
  private readonly cycle = new Graphics();
  private readonly block = new Graphics();
  private pathJob: number | null = null;
  private blockShown: LoopBlockEvent | null = null;

  constructor(
    private readonly replay: Replay,
    private readonly layout: FloorLayout,
    deadlock: readonly WaitEdge[] | null,
  ) {
    this.view.addChild(this.path, this.cycle, this.block);
    if (deadlock) this.drawCycle(deadlock);
    this.cycle.visible = false;
  }

  private drawCycle(edges: readonly WaitEdge[]): void {
    const g = this.cycle;
    const arrows = waitArrows(edges);
    for (const id of new Set(arrows.flatMap((a) => [a.from, a.to]))) {
      const box = id ? this.layout.boxes.get(id) : undefined;
      if (box) outline(g, box, 4).stroke({ width: 3, color: COLORS.danger });
    }
    for (const arrow of arrows) {
      const a = arrow.from ? this.layout.boxes.get(arrow.from) : undefined;
      const b = arrow.to ? this.layout.boxes.get(arrow.to) : undefined;
      if (!a || !b) continue;
      const ax = a.x + a.w / 2;
      const ay = a.y;
      if (a === b) {
        // Waiting on a job in the same box: a loop over its top edge.
        g.arc(ax, ay - 10, 10, Math.PI * 0.9, Math.PI * 2.1).stroke({
          width: 2.5,
          color: COLORS.danger,
        });
        continue;
      }
      // From the waiter's centre to the holder's edge, bowed to the right of the way it
      // goes: two boxes waiting on each other get two arrows, not one line.
      const from = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
      const to = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const length = Math.max(1, Math.hypot(dx, dy));
      const bow = Math.min(80, 30 + length * 0.15);
      const cx = (from.x + to.x) / 2 - (dy / length) * bow;
      const cy = (from.y + to.y) / 2 + (dx / length) * bow;
      // Stop at the holder's border, along the curve's last direction.
      const ex = to.x - cx;
      const ey = to.y - cy;
      const e = Math.max(1, Math.hypot(ex, ey));
      const reach = Math.min(
        Math.abs((b.w / 2) * (e / (Math.abs(ex) || 1e-9))),
        Math.abs((b.h / 2) * (e / (Math.abs(ey) || 1e-9))),
      );
      const tipX = to.x - (ex / e) * (reach + 3);
      const tipY = to.y - (ey / e) * (reach + 3);
      g.moveTo(from.x, from.y)
        .quadraticCurveTo(cx, cy, tipX, tipY)
        .stroke({ width: 2.5, color: COLORS.danger });
      const ux = ex / e;
      const uy = ey / e;
      g.poly([
        tipX,
        tipY,
        tipX - ux * 11 - uy * 5,
        tipY - uy * 11 + ux * 5,
        tipX - ux * 11 + uy * 5,
        tipY - uy * 11 - ux * 5,
      ]).fill({ color: COLORS.danger });
    }
  }

  /** Draws the picked job's way through the wiring; nothing when `job` is null. */
  showPath(job: number | null): void {
    if (job === this.pathJob) return;
    this.pathJob = job;
    const g = this.path.clear();
    if (job === null) return;
    const visits = jobPath(this.replay, job).filter((v) => this.layout.boxes.has(v.node));
    for (const v of new Set(visits.map((v) => v.node))) {
      outline(g, this.layout.boxes.get(v)!, 3).stroke({
        width: 2,
        color: COLORS.selected,
        alpha: 0.85,
      });
    }
    for (let i = 1; i < visits.length; i++) {
      if (visits[i]!.node === visits[i - 1]!.node) continue;
      polyline(g, hopPoints(this.layout, visits[i - 1]!.node, visits[i]!.node));
    }
    g.stroke({ width: 3, color: COLORS.selected, alpha: 0.7 });
  }

  /**
   * Shows the deadlock's cycle once the run has reached its end, and flashes the node of
   * a loop block in progress. `wallMs` is the page's clock: the flash pulses in real time.
   */
  update(t: number, block: LoopBlockEvent | null, wallMs: number): void {
    this.cycle.visible = this.replay.outcome === 'deadlock' && t >= this.replay.end;
    if (block !== this.blockShown) {
      this.blockShown = block;
      const g = this.block.clear();
      const box = block ? this.layout.boxes.get(block.node) : undefined;
      if (box) outline(g, box, 5).stroke({ width: 4, color: COLORS.danger });
    }
    this.block.alpha = block ? 0.55 + 0.45 * Math.sin(wallMs / 110) : 0;
  }
}
