import { describe, expect, it } from 'vitest';
import { ticks, tickStep } from '../../../src/view/timeline/axis';

describe('time axis', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(0, 1_000_000, 10)).toBe(100_000);
    expect(tickStep(0, 1_500_000, 10)).toBe(200_000);
    expect(tickStep(0, 3_600_000_000, 8)).toBe(500_000_000);
  });

  it('puts ticks on round times inside the window', () => {
    expect(ticks(150, 1000, 5)).toEqual([200, 400, 600, 800, 1000]);
  });
});
