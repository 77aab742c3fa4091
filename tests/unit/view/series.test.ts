import { describe, expect, it } from 'vitest';
import {
  firstAfter,
  lastAtOrBefore,
  StepSeriesBuilder,
  valueAt,
} from '../../../src/view/replay/series';

describe('step series', () => {
  it('finds the last change at or before a time', () => {
    const times = [0, 10, 10, 20];
    expect(lastAtOrBefore(times, -1)).toBe(-1);
    expect(lastAtOrBefore(times, 0)).toBe(0);
    expect(lastAtOrBefore(times, 10)).toBe(2);
    expect(lastAtOrBefore(times, 15)).toBe(2);
    expect(lastAtOrBefore(times, 99)).toBe(3);
    expect(firstAfter(times, 10)).toBe(3);
  });

  it('searches only inside the given bounds', () => {
    const times = [0, 5, 10, 15, 20];
    expect(lastAtOrBefore(times, 12, 3, 5)).toBe(2);
    expect(lastAtOrBefore(times, 17, 3, 5)).toBe(3);
  });

  it('keeps the last of two changes at the same instant', () => {
    const b = new StepSeriesBuilder();
    b.set(0, 1);
    b.set(5, 2);
    b.set(5, 3);
    const s = b.build();
    expect(Array.from(s.times)).toEqual([0, 5]);
    expect(valueAt(s, 5, -1)).toBe(3);
    expect(valueAt(s, 4, -1)).toBe(1);
    expect(valueAt(s, -1, -1)).toBe(-1);
  });
});
