import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { select } from '../../../src/engine/metrics';

describe('select', () => {
  it('finds the k-th smallest value like a full sort does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (numbers, seed) => {
          const k = seed % numbers.length;
          const sorted = [...numbers].sort((a, b) => a - b);
          expect(select(Float64Array.from(numbers), k)).toBe(sorted[k]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
