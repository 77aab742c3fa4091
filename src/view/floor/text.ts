/** Text on the floor: one font stack, crisp when zoomed in, cut to fit its box. */
import { BitmapText, Text, type TextStyleFontWeight } from 'pixi.js';
import { COLORS } from '../colors';

export const FONT = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
export const MONO = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";

/** Static text, rendered once at twice the resolution so zooming in stays sharp. */
export function label(
  text: string,
  size: number,
  color: number = COLORS.text,
  weight: TextStyleFontWeight = 'normal',
): Text {
  return new Text({
    text,
    resolution: 3,
    style: { fontFamily: FONT, fontSize: size, fill: color, fontWeight: weight },
  });
}

/** Text that changes often (counters): a bitmap font, cheap to update every frame. */
export function counter(size: number, color: number = COLORS.textDim): BitmapText {
  return new BitmapText({
    text: '',
    style: { fontFamily: MONO, fontSize: size, fill: color },
  });
}

/** Cuts `text` to about `width` pixels at `size`, with an ellipsis. */
export function fit(text: string, width: number, size: number): string {
  const max = Math.max(1, Math.floor(width / (size * 0.56)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Sets a text only when it changed: re-rendering text is the costly part. */
export function setText(target: Text | BitmapText, text: string): void {
  if (target.text !== text) target.text = text;
}
