/**
 * What happens to the save when the player plays: pure functions from one save to the
 * next, so every rule (pay once, best grade counts, unlock by `requires`) is unit-tested.
 */
import type { Grade } from '../engine/result';
import type { Level } from '../model/level';
import type { Solution } from '../model/solution';
import {
  MAX_NAME,
  MAX_SOLUTIONS,
  emptyRecord,
  gradeRank,
  type ContractRecord,
  type SaveFile,
  type SavedSolution,
  type SolutionScore,
} from './save';
import { structureKey } from './structure';

export function recordOf(save: SaveFile, levelId: string): ContractRecord {
  return save.contracts[levelId] ?? emptyRecord();
}

function withRecord(
  save: SaveFile,
  levelId: string,
  change: (record: ContractRecord) => ContractRecord,
): SaveFile {
  return {
    ...save,
    contracts: { ...save.contracts, [levelId]: change(recordOf(save, levelId)) },
  };
}

/** A contract is finished once a run met every goal (and paid). */
export function isFinished(save: SaveFile, levelId: string): boolean {
  return recordOf(save, levelId).paid;
}

/** A contract shows in the inbox when every contract it requires is finished. */
export function isUnlocked(save: SaveFile, level: Level): boolean {
  return level.requires.every((id) => isFinished(save, id));
}

export function markRead(save: SaveFile, levelId: string): SaveFile {
  if (recordOf(save, levelId).read) return save;
  return withRecord(save, levelId, (r) => ({ ...r, read: true }));
}

/** Takes the job: the first time, a first solution is created from the starting wiring. */
export function accept(save: SaveFile, levelId: string, start: Solution): SaveFile {
  return withRecord(save, levelId, (r) => {
    if (r.solutions.length > 0) return { ...r, read: true, accepted: true };
    const first: SavedSolution = { id: 's1', name: 'Solution 1', wiring: start, score: null };
    return { ...r, read: true, accepted: true, active: first.id, solutions: [first] };
  });
}

export function activeSolution(save: SaveFile, levelId: string): SavedSolution | null {
  const r = recordOf(save, levelId);
  return r.solutions.find((s) => s.id === r.active) ?? r.solutions[0] ?? null;
}

function nextId(record: ContractRecord): string {
  let n = record.solutions.length + 1;
  const taken = new Set(record.solutions.map((s) => s.id));
  while (taken.has(`s${n}`)) n++;
  return `s${n}`;
}

function cleanName(name: string, fallback: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
  return trimmed === '' ? fallback : trimmed;
}

/** A name not yet used in this contract: "Copy of Fast", "Copy of Fast (2)"… */
export function uniqueName(record: ContractRecord, wanted: string): string {
  const names = new Set(record.solutions.map((s) => s.name));
  const base = cleanName(wanted, 'Solution');
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base.slice(0, MAX_NAME - 6)} (${n})`;
    if (!names.has(name)) return name;
  }
}

/** Adds a solution and makes it the active one. Refused (null) when the contract holds the most. */
export function addSolution(
  save: SaveFile,
  levelId: string,
  wiring: Solution,
  name: string,
  score: SolutionScore | null = null,
): { save: SaveFile; id: string } | null {
  const record = recordOf(save, levelId);
  if (record.solutions.length >= MAX_SOLUTIONS) return null;
  const id = nextId(record);
  const added: SavedSolution = { id, name: uniqueName(record, name), wiring, score };
  return {
    id,
    save: withRecord(save, levelId, (r) => ({
      ...r,
      accepted: true,
      active: id,
      solutions: [...r.solutions, added],
    })),
  };
}

export function duplicateSolution(
  save: SaveFile,
  levelId: string,
  solutionId: string,
): { save: SaveFile; id: string } | null {
  const original = recordOf(save, levelId).solutions.find((s) => s.id === solutionId);
  if (!original) return null;
  return addSolution(save, levelId, original.wiring, `Copy of ${original.name}`, original.score);
}

export function renameSolution(
  save: SaveFile,
  levelId: string,
  solutionId: string,
  name: string,
): SaveFile {
  return withRecord(save, levelId, (r) => {
    const others = { ...r, solutions: r.solutions.filter((s) => s.id !== solutionId) };
    return {
      ...r,
      solutions: r.solutions.map((s) =>
        s.id === solutionId ? { ...s, name: uniqueName(others, cleanName(name, s.name)) } : s,
      ),
    };
  });
}

/** Deletes a solution; the last one of a contract cannot be deleted. */
export function deleteSolution(save: SaveFile, levelId: string, solutionId: string): SaveFile {
  const record = recordOf(save, levelId);
  if (record.solutions.length <= 1 || !record.solutions.some((s) => s.id === solutionId))
    return save;
  return withRecord(save, levelId, (r) => {
    const solutions = r.solutions.filter((s) => s.id !== solutionId);
    const active = r.active === solutionId ? (solutions[0]?.id ?? '') : r.active;
    return { ...r, solutions, active };
  });
}

export function setActive(save: SaveFile, levelId: string, solutionId: string): SaveFile {
  return withRecord(save, levelId, (r) =>
    r.solutions.some((s) => s.id === solutionId) ? { ...r, active: solutionId } : r,
  );
}

/**
 * Stores an edited wiring. If the edit changed more than positions, the old score no
 * longer describes it and is dropped (the next score fills it in again).
 */
export function updateWiring(
  save: SaveFile,
  levelId: string,
  solutionId: string,
  wiring: Solution,
): SaveFile {
  return withRecord(save, levelId, (r) => ({
    ...r,
    solutions: r.solutions.map((s) =>
      s.id !== solutionId
        ? s
        : { ...s, wiring, score: structureKey(s.wiring) === structureKey(wiring) ? s.score : null },
    ),
  }));
}

export interface ScoreOutcome {
  readonly save: SaveFile;
  /** Money paid by this run (the contract's pay the first time every goal is met), else 0. */
  readonly paid: number;
  /** Set when this run raised the contract's best grade. */
  readonly newBest: Grade | null;
}

/**
 * Records a run's score on a solution. A `counts` run (the player pressed Run) may finish
 * the contract: it pays once and can raise the best grade; a live re-score only updates
 * the solution's figures.
 */
export function recordScore(
  save: SaveFile,
  level: Level,
  solutionId: string,
  score: SolutionScore,
  counts: boolean,
): ScoreOutcome {
  const before = recordOf(save, level.id);
  const pays = counts && score.passed && !before.paid;
  const raises = counts && score.passed && gradeRank(score.grade) > gradeRank(before.bestGrade);
  const next = withRecord(save, level.id, (r) => ({
    ...r,
    paid: r.paid || pays,
    bestGrade: raises ? score.grade : r.bestGrade,
    solutions: r.solutions.map((s) => (s.id === solutionId ? { ...s, score } : s)),
  }));
  return {
    save: pays ? { ...next, balance: next.balance + level.pay } : next,
    paid: pays ? level.pay : 0,
    newBest: raises ? score.grade : null,
  };
}

export function showNextHint(save: SaveFile, level: Level): SaveFile {
  return withRecord(save, level.id, (r) => ({
    ...r,
    hintsShown: Math.min(level.hints.length, r.hintsShown + 1),
  }));
}
