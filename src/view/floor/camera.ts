/**
 * Where the player looks at the floor from: a scale and an offset shared by the floor's
 * layers. It fits the whole wiring on screen until the player zooms or pans, and fits
 * again on a double-click.
 */
import type { Container } from 'pixi.js';

const MIN_SCALE = 0.15;
const MAX_SCALE = 4;
/** Fitting never enlarges past this: a tiny wiring is not blown up to fill a big panel. */
const MAX_FIT_SCALE = 1.25;

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export class Camera {
  scale = 1;
  x = 0;
  y = 0;
  /** Has the player moved the camera (so resizing keeps their view)? */
  private moved = false;

  private layers: readonly Container[] = [];

  /** `changed` hears every move, so the floor can be redrawn. */
  constructor(private readonly changed: () => void) {}

  /** The containers the camera moves (a new wiring brings new ones). */
  show(layers: readonly Container[]): void {
    this.layers = layers;
    this.apply();
  }

  /** Shows all of `bounds` in a `width` × `height` screen with `margin` around it, unless the player moved. */
  fit(bounds: Bounds, width: number, height: number, margin: number, force = false): void {
    if (this.moved && !force) return;
    this.moved = false;
    const w = width - 2 * margin;
    const h = height - 2 * margin;
    this.scale = Math.max(MIN_SCALE, Math.min(MAX_FIT_SCALE, w / bounds.w, h / bounds.h));
    this.x = margin + (w - bounds.w * this.scale) / 2 - bounds.x * this.scale;
    this.y = margin + (h - bounds.h * this.scale) / 2 - bounds.y * this.scale;
    this.apply();
  }

  /** Shows the world at `scale`, its origin at screen point (x, y); kept until the player moves or a fit is forced. */
  set(scale: number, x: number, y: number): void {
    this.scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
    this.x = x;
    this.y = y;
    this.moved = true;
    this.apply();
  }

  /** Zooms by `factor` keeping the world point under screen point (sx, sy) in place. */
  zoomAt(sx: number, sy: number, factor: number): void {
    const wx = (sx - this.x) / this.scale;
    const wy = (sy - this.y) / this.scale;
    this.scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.scale * factor));
    this.x = sx - wx * this.scale;
    this.y = sy - wy * this.scale;
    this.moved = true;
    this.apply();
  }

  panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
    this.moved = true;
    this.apply();
  }

  /** Each box's rectangle on the screen, in client pixels of a stage at `at` (for tests). */
  screenRects(
    boxes: Iterable<{ readonly id: string } & Bounds>,
    at: { readonly left: number; readonly top: number },
  ): Record<string, number[]> {
    const rects: Record<string, number[]> = {};
    for (const b of boxes)
      rects[b.id] = [
        at.left + this.x + b.x * this.scale,
        at.top + this.y + b.y * this.scale,
        b.w * this.scale,
        b.h * this.scale,
      ].map(Math.round);
    return rects;
  }

  toWorld(sx: number, sy: number): { x: number; y: number } {
    return { x: (sx - this.x) / this.scale, y: (sy - this.y) / this.scale };
  }

  private apply(): void {
    for (const layer of this.layers) {
      layer.scale.set(this.scale);
      layer.position.set(this.x, this.y);
    }
    this.changed();
  }
}
