import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../../src/model/errors';
import { SAVE_KIND, SAVE_VERSION, emptySave, parseSave } from '../../../src/storage/save';

const wiring = {
  kind: 'loopwork/solution',
  version: 1,
  level: { id: 'hello-gather', revision: 1 },
  nodes: [{ id: 'n1', type: 'source', params: {}, position: { x: 0, y: 0 } }],
  connections: [],
};

const good = {
  kind: SAVE_KIND,
  version: SAVE_VERSION,
  balance: 170,
  contracts: {
    'hello-gather': {
      read: true,
      accepted: true,
      paid: true,
      bestGrade: 'gold',
      hintsShown: 1,
      active: 's1',
      solutions: [
        {
          id: 's1',
          name: 'Gather',
          wiring,
          score: {
            passed: true,
            grade: 'gold',
            makespanUs: 1e6,
            cost: 0,
            p95Us: 1e6,
            peakMemoryBytes: 1,
          },
        },
      ],
    },
  },
};

function pathsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map((e) => e.path);
    throw error;
  }
  throw new Error('expected InputErrors');
}

describe('parseSave', () => {
  it('reads a valid save, from text or from a value, to an equal value', () => {
    expect(parseSave(JSON.stringify(good))).toEqual(good);
    expect(parseSave(good)).toEqual(good);
  });

  it('round-trips the empty save', () => {
    expect(parseSave(JSON.stringify(emptySave()))).toEqual(emptySave());
  });

  it('refuses text that is not JSON, naming the input as a whole', () => {
    expect(pathsOf(() => parseSave('{"kind":'))).toEqual(['']);
  });

  it('refuses another kind of document', () => {
    expect(pathsOf(() => parseSave({ ...good, kind: 'loopwork/level' }))).toEqual(['/kind']);
  });

  it('refuses a save from a newer version with a message saying so', () => {
    expect(() => parseSave({ ...good, version: SAVE_VERSION + 1 })).toThrow(/newer version/);
  });

  it('names every bad field by its JSON path', () => {
    const bad = structuredClone(good) as typeof good & { contracts: Record<string, unknown> };
    const record = bad.contracts['hello-gather'] as (typeof good.contracts)['hello-gather'] &
      Record<string, unknown>;
    bad.balance = -5;
    record.bestGrade = 'platinum';
    (record.solutions[0]!.wiring as Record<string, unknown>).nodes = 'many';
    bad.contracts['a/b'] = { ...record, paid: 'yes', solutions: [] };
    expect(pathsOf(() => parseSave(bad)).sort()).toEqual(
      [
        '/balance',
        '/contracts/hello-gather/bestGrade',
        '/contracts/hello-gather/solutions/0/wiring/nodes',
        '/contracts/a~1b/paid',
        '/contracts/a~1b/bestGrade',
      ].sort(),
    );
  });

  it('does not change its input', () => {
    const input = structuredClone(good);
    parseSave(input);
    expect(input).toEqual(good);
  });
});
