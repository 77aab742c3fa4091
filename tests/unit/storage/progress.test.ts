import { describe, expect, it } from 'vitest';
import type { Level } from '../../../src/model/level';
import type { Solution } from '../../../src/model/solution';
import {
  accept,
  activeSolution,
  addSolution,
  deleteSolution,
  duplicateSolution,
  isUnlocked,
  recordOf,
  recordScore,
  renameSolution,
  setActive,
  showNextHint,
  uniqueName,
  updateWiring,
} from '../../../src/storage/progress';
import { emptySave, type SolutionScore } from '../../../src/storage/save';

const level = (id: string, requires: string[] = [], pay = 100): Level =>
  ({ id, requires, pay, hints: ['a', 'b'], revision: 1 }) as unknown as Level;

const wiring = (nodes: Solution['nodes'] = []): Solution => ({
  kind: 'loopwork/solution',
  version: 1,
  level: { id: 'first', revision: 1 },
  nodes,
  connections: [],
});

const score = (grade: SolutionScore['grade'], passed = true): SolutionScore => ({
  passed,
  grade,
  makespanUs: 10,
  cost: 1,
  p95Us: 5,
  peakMemoryBytes: 100,
});

describe('progress', () => {
  it('accepting a contract creates its first solution once', () => {
    const once = accept(emptySave(), 'first', wiring());
    expect(recordOf(once, 'first').solutions.map((s) => s.name)).toEqual(['Solution 1']);
    const twice = accept(once, 'first', wiring());
    expect(recordOf(twice, 'first').solutions).toHaveLength(1);
    expect(activeSolution(twice, 'first')?.id).toBe('s1');
  });

  it('a counted passing run pays once and unlocks what requires the contract', () => {
    const first = level('first', [], 50);
    const second = level('second', ['first']);
    let save = accept(emptySave(), 'first', wiring());
    expect(isUnlocked(save, second)).toBe(false);
    const live = recordScore(save, first, 's1', score('silver'), false);
    expect(live.paid).toBe(0);
    expect(isUnlocked(live.save, second)).toBe(false);
    const run = recordScore(live.save, first, 's1', score('silver'), true);
    expect(run.paid).toBe(50);
    expect(run.save.balance).toBe(50);
    expect(isUnlocked(run.save, second)).toBe(true);
    save = recordScore(run.save, first, 's1', score('gold'), true).save;
    expect(save.balance).toBe(50);
    expect(recordOf(save, 'first').bestGrade).toBe('gold');
  });

  it('the best grade counts: a worse run does not lower it, a failed run does not pay', () => {
    const first = level('first');
    let save = accept(emptySave(), 'first', wiring());
    const failed = recordScore(save, first, 's1', score('none', false), true);
    expect(failed.paid).toBe(0);
    save = recordScore(failed.save, first, 's1', score('gold'), true).save;
    const worse = recordScore(save, first, 's1', score('bronze'), true);
    expect(worse.newBest).toBeNull();
    expect(recordOf(worse.save, 'first').bestGrade).toBe('gold');
  });

  it('names stay unique; duplicates copy wiring and score; the last solution cannot be deleted', () => {
    let save = accept(emptySave(), 'first', wiring());
    save = recordScore(save, level('first'), 's1', score('bronze'), false).save;
    const dup = duplicateSolution(save, 'first', 's1')!;
    expect(dup.id).toBe('s2');
    const copy = recordOf(dup.save, 'first').solutions[1]!;
    expect(copy.name).toBe('Copy of Solution 1');
    expect(copy.score?.grade).toBe('bronze');
    save = renameSolution(dup.save, 'first', 's2', 'Solution 1');
    expect(recordOf(save, 'first').solutions[1]!.name).toBe('Solution 1 (2)');
    save = deleteSolution(save, 'first', 's2');
    expect(recordOf(save, 'first').active).toBe('s1');
    expect(deleteSolution(save, 'first', 's1')).toBe(save);
  });

  it('ids are never reused after a delete', () => {
    let save = accept(emptySave(), 'first', wiring());
    save = addSolution(save, 'first', wiring(), 'B')!.save;
    save = deleteSolution(save, 'first', 's1');
    const added = addSolution(save, 'first', wiring(), 'C')!;
    expect(recordOf(added.save, 'first').solutions.map((s) => s.id)).toEqual(['s2', 's3']);
  });

  it('moving nodes keeps the score; changing the wiring drops it', () => {
    const node = (x: number) => ({
      id: 'n1',
      type: 'source' as const,
      params: {},
      position: { x, y: 0 },
    });
    let save = accept(emptySave(), 'first', wiring([node(0)]));
    save = recordScore(save, level('first'), 's1', score('gold'), false).save;
    save = updateWiring(save, 'first', 's1', wiring([node(40)]));
    expect(activeSolution(save, 'first')?.score).not.toBeNull();
    save = updateWiring(
      save,
      'first',
      's1',
      wiring([node(40), { ...node(0), id: 'n2', type: 'sink' }]),
    );
    expect(activeSolution(save, 'first')?.score).toBeNull();
  });

  it('hints are shown one at a time, up to the last', () => {
    const first = level('first');
    let save = emptySave();
    for (let i = 0; i < 4; i++) save = showNextHint(save, first);
    expect(recordOf(save, 'first').hintsShown).toBe(2);
  });

  it('setActive ignores an unknown solution; uniqueName trims and falls back', () => {
    const save = accept(emptySave(), 'first', wiring());
    expect(setActive(save, 'first', 's9')).toEqual(save);
    expect(uniqueName(recordOf(save, 'first'), '   ')).toBe('Solution');
  });
});
