import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../../src/engine/result';
import { tierChecks } from '../../../src/ui/score/par';

/** A run that delivered nothing: every figure is 0, which would meet any ceiling. */
const nothingDelivered = {
  makespanUs: 0,
  p95Us: 0,
  cost: 0,
  peakMemoryBytes: 0,
} as unknown as Metrics;

describe('the grade ladder', () => {
  const tier = { makespan: '20.5s', cost: 10 };

  it('never ticks a threshold for a run that failed a goal', () => {
    const checks = tierChecks(tier, nothingDelivered, false);
    expect(checks.map((c) => c.state)).toEqual(['ungraded', 'ungraded']);
    expect(checks[0]!.label).toBe('done in 20.5 s');
  });

  it('ticks what a passing run meets and crosses what it misses', () => {
    const run = { ...nothingDelivered, makespanUs: 30_000_000, cost: 4 } as Metrics;
    expect(tierChecks(tier, run, true).map((c) => c.state)).toEqual(['missed', 'met']);
  });
});
