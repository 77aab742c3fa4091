import { describe, expect, it } from 'vitest';
import type { Solution } from '../../../src/model/solution';
import { hopPoints, layoutFloor } from '../../../src/view/floor/layout';
import {
  createTokenPoints,
  PILE_STEP,
  pileCapacity,
  pileOf,
  TokenPlacer,
} from '../../../src/view/floor/tokenPlaces';
import { buildReplay } from '../../../src/view/replay/replay';
import { createTokenBuffer, locateTokens } from '../../../src/view/replay/tokens';
import { TraceWriter } from './fixtures';

const solution = {
  kind: 'loopwork/solution',
  version: 1,
  level: { id: 'x', revision: 1 },
  nodes: [
    { id: 'src', type: 'source', params: {}, position: { x: 0, y: 0 } },
    { id: 'step', type: 'step', params: { step: 'work' }, position: { x: 240, y: 0 } },
    { id: 'sink', type: 'sink', params: {}, position: { x: 480, y: 0 } },
  ],
  connections: [
    { from: 'src', fromPort: 'out', to: 'step' },
    { from: 'step', fromPort: 'out', to: 'sink' },
  ],
} as unknown as Solution;
const layout = layoutFloor(solution, null);
const capacity = pileCapacity(pileOf(layout.boxes.get('step')!));

/** `jobs` jobs that all enter the step at 0 and leave for the Sink at 1000. */
function crowd(jobs: number) {
  const w = new TraceWriter();
  for (let j = 0; j < jobs; j++) w.arrive(0, j).enter(0, j, 'src').enter(0, j, 'step');
  for (let j = 0; j < jobs; j++) w.deliver(1000, j, 'sink', 1000);
  return buildReplay(w.end(1000), { nodeIds: ['src', 'step', 'sink'] });
}

function placeAt(jobs: number, t: number, travelUs: number) {
  const replay = crowd(jobs);
  const tokens = locateTokens(replay, t, travelUs, createTokenBuffer(replay));
  const points = new TokenPlacer(replay, layout).place(tokens, createTokenPoints(replay));
  return { replay, tokens, points };
}

describe('token places on the floor', () => {
  it('puts tokens sitting in a step on a grid inside its box, in job order', () => {
    const { points } = placeAt(3, 100, 0);
    const pile = pileOf(layout.boxes.get('step')!);
    expect([points.x[0], points.y[0]]).toEqual([pile.x, pile.y]);
    expect(points.x[1]).toBe(pile.x + PILE_STEP);
    const box = layout.boxes.get('step')!;
    for (let k = 0; k < 3; k++) {
      expect(points.x[k]!).toBeGreaterThan(box.x);
      expect(points.x[k]!).toBeLessThan(box.x + box.w);
      expect(points.y[k]!).toBeLessThan(box.y + box.h);
    }
  });

  it('counts the tokens a full pile cannot show, and hides them', () => {
    const { replay, points, tokens } = placeAt(capacity + 5, 100, 0);
    expect(tokens.count).toBe(capacity + 5);
    expect(points.sitting[replay.nodeIndex.get('step')!]).toBe(capacity + 5);
    let shown = 0;
    for (let k = 0; k < tokens.count; k++) shown += points.shown[k]!;
    expect(shown).toBe(capacity);
  });

  it('moves a travelling token along the wire to the next node', () => {
    // Half way through a 400 µs journey that ends at 1000, entering the Sink.
    const { points } = placeAt(1, 800, 400);
    const wire = hopPoints(layout, 'step', 'sink');
    const startX = wire[0]!;
    const endX = wire[wire.length - 2]!;
    expect(points.shown[0]).toBe(1);
    expect(points.x[0]!).toBeGreaterThan(startX);
    expect(points.x[0]!).toBeLessThan(endX);
    expect(Math.abs(points.x[0]! - (startX + endX) / 2)).toBeLessThan((endX - startX) * 0.1);
  });
});
