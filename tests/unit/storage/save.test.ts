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

/** The JSON paths of what a read repaired. */
const repairedPaths = (input: unknown): string[] => parseSave(input).repairs.map((e) => e.path);

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
    expect(parseSave(JSON.stringify(good))).toEqual({ save: good, repairs: [] });
    expect(parseSave(good)).toEqual({ save: good, repairs: [] });
  });

  it('round-trips the empty save', () => {
    expect(parseSave(JSON.stringify(emptySave())).save).toEqual(emptySave());
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

  it('repairs every bad field to its default, naming each by its JSON path', () => {
    const bad = structuredClone(good) as typeof good & { contracts: Record<string, unknown> };
    const record = bad.contracts['hello-gather'] as (typeof good.contracts)['hello-gather'] &
      Record<string, unknown>;
    bad.balance = -5;
    record.bestGrade = 'platinum';
    bad.contracts['a/b'] = { ...record, paid: 'yes', solutions: [] };
    expect(repairedPaths(bad).sort()).toEqual(
      [
        '/balance',
        '/contracts/hello-gather/bestGrade',
        '/contracts/a~1b/paid',
        '/contracts/a~1b/bestGrade',
      ].sort(),
    );
    const { save } = parseSave(bad);
    expect(save.balance).toBe(0);
    expect(save.contracts['hello-gather']).toEqual({
      ...good.contracts['hello-gather'],
      bestGrade: 'none',
    });
    expect(save.contracts['a/b']?.paid).toBe(false);
  });

  it("keeps the rest of the save when one score's cost is -1", () => {
    const bad = structuredClone(good);
    bad.contracts['hello-gather'].solutions[0]!.score.cost = -1;
    const { save, repairs } = parseSave(bad);
    expect(repairs.map((e) => e.message)).toEqual([
      'save /contracts/hello-gather/solutions/0/score/cost: expected a number ≥ 0',
    ]);
    expect(save.balance).toBe(170);
    expect(save.contracts['hello-gather']?.paid).toBe(true);
    expect(save.contracts['hello-gather']?.solutions[0]?.score?.cost).toBe(0);
    expect(save.contracts['hello-gather']?.solutions[0]?.score?.makespanUs).toBe(1e6);
  });

  it('keeps a solution whose name is 61 characters, under a name of its own', () => {
    const bad = structuredClone(good);
    bad.contracts['hello-gather'].solutions[0]!.name = 'x'.repeat(61);
    const { save, repairs } = parseSave(bad);
    expect(repairs.map((e) => e.path)).toEqual(['/contracts/hello-gather/solutions/0/name']);
    expect(save.contracts['hello-gather']?.solutions[0]).toMatchObject({
      id: 's1',
      name: 'Solution 1',
      wiring,
    });
  });

  it("reads saved wirings with the model's loader, leaving out one it refuses", () => {
    const bad = structuredClone(good) as typeof good;
    const solutions = bad.contracts['hello-gather'].solutions;
    solutions.push({ ...structuredClone(solutions[0]!), id: 's2', name: 'Broken' });
    // Shallowly a wiring (an id, a type, a position), but a node type the game lacks.
    (solutions[1]!.wiring.nodes[0] as Record<string, unknown>).type = 'teleporter';
    const { save, repairs } = parseSave(bad);
    expect(repairs.length).toBeGreaterThan(0);
    for (const repair of repairs)
      expect(repair.path).toMatch(/^\/contracts\/hello-gather\/solutions\/1\/wiring\/nodes\/0/);
    expect(save.contracts['hello-gather']?.solutions.map((s) => s.name)).toEqual(['Gather']);
  });

  it('refuses nothing for a damaged wiring: its contract and balance survive', () => {
    const bad = structuredClone(good) as typeof good;
    (bad.contracts['hello-gather'].solutions[0]!.wiring as Record<string, unknown>).nodes = 'many';
    const { save, repairs } = parseSave(bad);
    expect(repairs.map((e) => e.path)).toEqual([
      '/contracts/hello-gather/solutions/0/wiring/nodes',
    ]);
    expect(save.balance).toBe(170);
    expect(save.contracts['hello-gather']?.solutions).toEqual([]);
  });

  it('does not change its input', () => {
    const input = structuredClone(good);
    parseSave(input);
    expect(input).toEqual(good);
  });
});
