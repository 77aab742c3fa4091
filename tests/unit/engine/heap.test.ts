import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Priority, TimedHeap } from '../../../src/engine/heap';

describe('TimedHeap', () => {
  it('pops by time, then urgent before normal, then in the order pushed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 300 }),
        (entries) => {
          const heap = new TimedHeap<number>();
          entries.forEach(([time, urgent], i) =>
            heap.push(time, i, i, urgent ? Priority.Urgent : Priority.Normal),
          );
          const expected = entries
            .map(([time, urgent], i) => ({ time, rank: urgent ? 0 : 1, i }))
            .sort((a, b) => a.time - b.time || a.rank - b.rank || a.i - b.i)
            .map((e) => e.i);
          const popped: number[] = [];
          while (heap.size > 0) {
            expect(heap.peekArg()).toBe(heap.peekItem());
            popped.push(heap.peekItem() as number);
            heap.pop();
          }
          expect(popped).toEqual(expected);
          expect(heap.peekTime()).toBe(Infinity);
        },
      ),
      { numRuns: 300 },
    );
  });
});
