import { describe, expect, it } from 'vitest';
import { Playback, SPEEDS, speedFor } from '../../../src/view/playback';

describe('playback clock', () => {
  it('advances simulated time at the chosen speed and stops at the end', () => {
    const p = new Playback();
    p.load(2_000_000);
    p.setSpeed(2);
    p.advance(100);
    expect(p.time).toBe(0); // paused: time stands still
    p.play();
    p.advance(100); // 100 ms at 2× is 200 ms of run
    expect(p.time).toBe(200_000);
    p.advance(10_000);
    expect(p.time).toBe(2_000_000);
    expect(p.playing).toBe(false);
  });

  it('starts over when played from the end', () => {
    const p = new Playback();
    p.load(1000);
    p.seek(5000);
    expect(p.time).toBe(1000);
    p.play();
    expect(p.time).toBe(0);
  });

  it('tells listeners what changed', () => {
    const p = new Playback();
    p.load(1000);
    const seen: string[] = [];
    p.onChange((c) => seen.push(c));
    p.seek(10);
    p.seek(10);
    p.select(3);
    p.toggle();
    expect(seen).toEqual(['time', 'selection', 'playing']);
  });

  it('picks a speed that shows a run in a few seconds', () => {
    expect(speedFor(1_000_000)).toBe(SPEEDS[0]);
    expect(speedFor(20_000_000)).toBe(5);
    expect(speedFor(600_000_000)).toBe(100);
    expect(speedFor(12 * 3_600_000_000)).toBe(1000);
  });
});

describe('a playback shared by two views', () => {
  it('keeps its moment when the same run is loaded again', () => {
    const p = new Playback();
    const run = {};
    p.load(1000, run);
    p.seek(400);
    p.load(1000, run);
    expect(p.time).toBe(400);
    p.load(2000, {});
    expect(p.time).toBe(0);
    expect(p.end).toBe(2000);
  });
});
