import { describe, expect, it } from 'vitest';
import { goalText, goalValue, money } from '../../../src/shell/format';

describe('numbers as a player reads them', () => {
  it('writes goals in words with their units', () => {
    expect(goalText({ metric: 'makespan', max: '1.5s' })).toBe('All jobs done within 1.5 s');
    expect(goalText({ metric: 'done', min: 'all' })).toBe('Every job delivered, exactly once');
    expect(goalText({ metric: 'cost', max: 80 })).toBe('Cost at most $80');
    expect(goalText({ metric: 'peakMemory', max: '64MB' })).toBe('Memory at most 64 MB');
    // Counts read the same in the e-mail as in the score: "1,200", never "1200".
    expect(goalText({ metric: 'lost', max: 1200 })).toBe('Lost jobs at most 1,200');
    expect(goalText({ metric: 'done', min: 1200 })).toBe('Jobs delivered: at least 1,200');
  });

  it('writes a measured value in its goal’s unit', () => {
    expect(goalValue('p95', 2_500_000)).toBe('2.5 s');
    expect(goalValue('inOrder', 0)).toBe('out of order');
    expect(goalValue('lost', 1234)).toBe('1,234');
    expect(money(1234.4)).toBe('$1,234');
  });
});
