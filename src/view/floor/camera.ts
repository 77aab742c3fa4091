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
