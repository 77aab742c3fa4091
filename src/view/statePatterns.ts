/**
 * Each worker state has a pattern as well as a colour, so no state is told by colour
 * alone: under deuteranopia or protanopia "on a core" (bluish green) and "wants the GIL"
 * (vermillion) both turn olive, of nearly the same lightness, but one is solid and the
 * other hatched. The run view's slots and bars, the timeline's lanes and the legend all
 * draw the same tile: the state's colour with the pattern's marks in dark ink.
 *
 * The table is plain data (tested in node with a colour-vision simulation); the drawing
 * functions touch a canvas only when called.
 */
import type { WorkerState } from '../engine/trace';
import { css, STATE_COLORS } from './colors';

export type StatePattern = 'solid' | 'hatch' | 'dots' | 'cross' | 'rows' | 'columns';

export const STATE_PATTERNS: Readonly<Record<WorkerState, StatePattern>> = {
  cpu: 'solid',
  gil: 'hatch',
  io: 'dots',
  blocked: 'cross',
  ready: 'rows',
  starting: 'columns',
  // Idle is told apart by being dark (and, in the timeline, thin); done is not drawn.
  idle: 'solid',
  done: 'solid',
};

/** A tile's side in pixels: the slot of a worker in the run view is one tile. */
export const PATTERN_TILE = 8;

/** The marks' ink: the colour under them keeps 40 % of its light. */
const INK = 'rgb(0 0 0 / 60%)';

/** Paints a tile: `color` everywhere, then the pattern's marks. */
export function drawTile(
  ctx: CanvasRenderingContext2D,
  pattern: StatePattern,
  color: string,
): void {
  const n = PATTERN_TILE;
  ctx.clearRect(0, 0, n, n);
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, n, n);
  ctx.fillStyle = INK;
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5;
  const diagonals = (stride: number, rising: boolean): void => {
    ctx.beginPath();
    for (let k = -n; k <= n; k += stride) {
      if (rising) {
        ctx.moveTo(k, n);
        ctx.lineTo(k + n, 0);
      } else {
        ctx.moveTo(k, 0);
        ctx.lineTo(k + n, n);
      }
    }
    ctx.stroke();
  };
  switch (pattern) {
    case 'solid':
      return;
    case 'hatch':
      return diagonals(n / 2, true);
    case 'cross':
      diagonals(n, true);
      return diagonals(n, false);
    case 'dots':
      ctx.fillRect(1, 1, 2, 2);
      ctx.fillRect(5, 5, 2, 2);
      return;
    case 'rows':
      ctx.fillRect(0, 3, n, 2);
      return;
    case 'columns':
      ctx.fillRect(3, 0, 2, n);
      return;
  }
}

function tileCanvas(pattern: StatePattern, color: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = PATTERN_TILE;
  canvas.height = PATTERN_TILE;
  const ctx = canvas.getContext('2d');
  if (ctx) drawTile(ctx, pattern, color);
  return canvas;
}

const tiles = new Map<string, HTMLCanvasElement>();

/** A state's tile in its own colour, or in white (`'white'`) for a sprite to tint. */
export function stateTile(state: WorkerState, color: 'own' | 'white' = 'own'): HTMLCanvasElement {
  const pattern = STATE_PATTERNS[state];
  const fill = color === 'white' ? '#ffffff' : css(STATE_COLORS[state]);
  const key = `${pattern}:${fill}`;
  let tile = tiles.get(key);
  if (!tile) {
    tile = tileCanvas(pattern, fill);
    tiles.set(key, tile);
  }
  return tile;
}

const fills = new WeakMap<CanvasRenderingContext2D, Map<WorkerState, CanvasPattern | string>>();

/** What to fill a state's run with on a 2D canvas: its tile, repeated. */
export function stateFill(
  ctx: CanvasRenderingContext2D,
  state: WorkerState,
): CanvasPattern | string {
  let byState = fills.get(ctx);
  if (!byState) {
    byState = new Map();
    fills.set(ctx, byState);
  }
  let fill = byState.get(state);
  if (!fill) {
    fill = ctx.createPattern(stateTile(state), 'repeat') ?? css(STATE_COLORS[state]);
    byState.set(state, fill);
  }
  return fill;
}

/** A CSS background showing a state's tile (the legend's swatches). */
export function stateBackground(state: WorkerState): string {
  return `url(${stateTile(state).toDataURL()}) ${css(STATE_COLORS[state])}`;
}
