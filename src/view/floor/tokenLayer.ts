/**
 * Jobs as tokens: one particle per token on screen, in a ParticleContainer so thousands
 * of them cost one draw call. Particles are pooled; only their position, tint and alpha
 * change from frame to frame.
 */
import { Graphics, Particle, ParticleContainer, type Renderer, type Texture } from 'pixi.js';
import { COLORS, kindColor } from '../colors';
import type { Replay } from '../replay/replay';
import type { TokenBuffer } from '../replay/tokens';
import type { TokenPoints } from './tokenPlaces';

/** Radius of a token in world units. */
export const TOKEN_RADIUS = 3.6;

export function tokenTexture(renderer: Renderer): Texture {
  const g = new Graphics()
    .circle(16, 16, 14)
    .fill({ color: 0xffffff })
    .circle(16, 16, 14)
    .stroke({ width: 3, color: 0x000000, alpha: 0.45 });
  const texture = renderer.generateTexture({ target: g, resolution: 1, antialias: true });
  g.destroy();
  return texture;
}

export class TokenLayer {
  readonly view: ParticleContainer;
  private readonly pool: Particle[] = [];
  private readonly scale: number;

  constructor(
    private readonly replay: Replay,
    private readonly texture: Texture,
  ) {
    this.view = new ParticleContainer({
      texture,
      dynamicProperties: { position: true, color: true, vertex: true },
    });
    this.scale = (TOKEN_RADIUS * 2) / texture.width;
  }

  /**
   * Shows the tokens of `tokens` at `points`. A job on a core right now is drawn larger;
   * the selected job's token is white and larger still. Returns how many tokens it drew.
   */
  update(
    tokens: TokenBuffer,
    points: TokenPoints,
    selected: number | null,
    onCore: Uint16Array,
  ): number {
    let shown = 0;
    for (let k = 0; k < tokens.count; k++) {
      if (points.shown[k] === 0) continue;
      let p = this.pool[shown];
      if (!p) {
        p = new Particle({ texture: this.texture, anchorX: 0.5, anchorY: 0.5 });
        this.pool.push(p);
      }
      const job = tokens.job[k]!;
      const picked = job === selected;
      p.x = points.x[k]!;
      p.y = points.y[k]!;
      p.scaleX = p.scaleY = this.scale * (picked ? 1.9 : onCore[job]! > 0 ? 1.45 : 1);
      p.tint = picked ? COLORS.selected : kindColor(this.replay.jobs.kind[job]!);
      p.alpha = selected === null || picked ? 1 : 0.45;
      shown++;
    }
    // The container shows pool[0 … shown): grow or shrink it through its own methods,
    // which tell the renderer its contents changed.
    const had = this.view.particleChildren.length;
    if (shown > had) this.view.addParticle(...this.pool.slice(had, shown));
    else if (shown < had) this.view.removeParticles(shown, had);
    return shown;
  }

  /** The job of the token nearest to (x, y) within `radius`, or null. */
  pick(
    tokens: TokenBuffer,
    points: TokenPoints,
    x: number,
    y: number,
    radius: number,
  ): number | null {
    let best: number | null = null;
    let bestD = radius * radius;
    for (let k = 0; k < tokens.count; k++) {
      if (points.shown[k] === 0) continue;
      const dx = points.x[k]! - x;
      const dy = points.y[k]! - y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = tokens.job[k]!;
      }
    }
    return best;
  }
}
