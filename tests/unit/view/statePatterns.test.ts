/**
 * Worker states stay apart for a player with red–green colour blindness: simulated with
 * Machado, Oliveira & Fernandes, "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency" (IEEE TVCG 15(6), 2009), severity 1.0 matrices on linear sRGB, any two
 * states that are drawn either wear different patterns or differ clearly in lightness.
 */
import { describe, expect, it } from 'vitest';
import type { WorkerState } from '../../../src/engine/trace';
import { STATE_COLORS } from '../../../src/view/colors';
import { STATE_PATTERNS } from '../../../src/view/statePatterns';

type Matrix = readonly (readonly [number, number, number])[];

const MACHADO: Readonly<Record<'protanopia' | 'deuteranopia', Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** CIELAB lightness L* of a colour seen through `matrix`. */
function seenLightness(color: number, matrix: Matrix): number {
  const rgb = [(color >> 16) & 255, (color >> 8) & 255, color & 255].map((c) => toLinear(c / 255));
  const seen = matrix.map((row) =>
    Math.min(1, Math.max(0, row[0] * rgb[0]! + row[1] * rgb[1]! + row[2] * rgb[2]!)),
  );
  const y = 0.2126 * seen[0]! + 0.7152 * seen[1]! + 0.0722 * seen[2]!;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/** L* apart that reads as "lighter / darker" at a glance (a bit more than WCAG's 3:1 in L*). */
const CLEARLY_APART = 20;

/** The states a slot, a bar or a lane shows (done is not drawn). */
const DRAWN: readonly WorkerState[] = ['cpu', 'gil', 'io', 'blocked', 'ready', 'starting', 'idle'];

describe('worker states under colour blindness', () => {
  for (const [name, matrix] of Object.entries(MACHADO)) {
    it(`${name}: every two states differ in pattern or clearly in lightness`, () => {
      const confused: string[] = [];
      for (const a of DRAWN)
        for (const b of DRAWN) {
          if (a >= b) continue;
          const apart = Math.abs(
            seenLightness(STATE_COLORS[a], matrix) - seenLightness(STATE_COLORS[b], matrix),
          );
          if (STATE_PATTERNS[a] === STATE_PATTERNS[b] && apart < CLEARLY_APART)
            confused.push(`${a}/${b} (ΔL* ${apart.toFixed(1)})`);
        }
      expect(confused).toEqual([]);
    });
  }

  it('"on a core" and "wants the GIL" look alike in colour, so their patterns differ', () => {
    // The pair a tester saw turn olive: under deuteranopia they are a few L* apart.
    const m = MACHADO.deuteranopia;
    expect(
      Math.abs(seenLightness(STATE_COLORS.cpu, m) - seenLightness(STATE_COLORS.gil, m)),
    ).toBeLessThan(5);
    expect(STATE_PATTERNS.cpu).not.toBe(STATE_PATTERNS.gil);
  });

  it('the busy states each wear their own pattern', () => {
    const busy: WorkerState[] = ['cpu', 'gil', 'io', 'blocked', 'ready', 'starting'];
    expect(new Set(busy.map((s) => STATE_PATTERNS[s])).size).toBe(busy.length);
  });
});
