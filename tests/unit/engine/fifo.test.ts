import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fifo } from '../../../src/engine/sim/fifo';

describe('Fifo', () => {
  it('behaves as an array used as a line, through thousands of pushes, shifts and removals', () => {
    const command = fc.oneof(
      fc.record({ push: fc.integer({ min: 1, max: 3000 }) }),
      fc.record({ shift: fc.integer({ min: 1, max: 3000 }) }),
      fc.record({ remove: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const fifo = new Fifo<number>();
        const model: number[] = [];
        let next = 0;
        for (const c of commands) {
          if ('push' in c)
            for (let i = 0; i < c.push; i++) {
              fifo.push(next);
              model.push(next++);
            }
          else if ('shift' in c) {
            const taken: (number | undefined)[] = [];
            const expected: (number | undefined)[] = [];
            for (let i = 0; i < c.shift; i++) {
              taken.push(fifo.shift());
              expected.push(model.shift());
            }
            expect(taken).toEqual(expected);
          } else {
            const item = model.length === 0 ? -1 : model[c.remove % model.length]!;
            const i = model.indexOf(item);
            if (i >= 0) model.splice(i, 1);
            expect(fifo.remove(item)).toBe(i >= 0);
          }
          expect(fifo.length).toBe(model.length);
        }
        expect([...fifo]).toEqual(model);
        expect(fifo.includes(model[0] ?? -1)).toBe(model.length > 0);
      }),
      { numRuns: 100 },
    );
  });
});
