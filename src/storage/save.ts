/**
 * The player's progress as it is saved: balance, and per contract the grades, the hints
 * seen and every named solution. Parsed from `unknown`, validated field by field and
 * migrated before it is trusted, like levels and links are; an error names its JSON path.
 *
 * Pure: no storage access here (that is localSave.ts), so it runs in unit tests as is.
 */
import { InputError, InputErrors, pointer } from '../model/errors';
import type { Grade } from '../engine/result';
import { SOLUTION_KIND, type Solution } from '../model/solution';

export const SAVE_KIND = 'loopwork/save';
export const SAVE_VERSION = 1;

export interface SaveFile {
  readonly kind: typeof SAVE_KIND;
  readonly version: typeof SAVE_VERSION;
  /** Money earned from contracts. */
  readonly balance: number;
  readonly contracts: Readonly<Record<string, ContractRecord>>;
}

export interface ContractRecord {
  /** The e-mail was opened. */
  readonly read: boolean;
  /** The player took the job (opened it on the workbench). */
  readonly accepted: boolean;
  /** The pay was received: once per contract, the first time every goal is met. */
  readonly paid: boolean;
  /** Best grade any run of any solution reached; 'none' until a run meets every goal. */
  readonly bestGrade: Grade;
  readonly hintsShown: number;
  /** Id of the solution open in the editor. */
  readonly active: string;
  readonly solutions: readonly SavedSolution[];
}

export interface SavedSolution {
  /** Stable within its contract: "s1", "s2"… */
  readonly id: string;
  readonly name: string;
  readonly wiring: Solution;
  /** The last full run's figures, for the list, the chart and the best grade. */
  readonly score: SolutionScore | null;
}

export interface SolutionScore {
  readonly passed: boolean;
  readonly grade: Grade;
  readonly makespanUs: number;
  readonly cost: number;
  readonly p95Us: number;
  readonly peakMemoryBytes: number;
}

export const GRADES: readonly Grade[] = ['none', 'bronze', 'silver', 'gold'];

export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

export function emptySave(): SaveFile {
  return { kind: SAVE_KIND, version: SAVE_VERSION, balance: 0, contracts: {} };
}

export function emptyRecord(): ContractRecord {
  return {
    read: false,
    accepted: false,
    paid: false,
    bestGrade: 'none',
    hintsShown: 0,
    active: '',
    solutions: [],
  };
}

/**
 * One pure migration per old version, each turning version n into n + 1. Version 1 is the
 * first format, so the ladder is empty; a later format adds `1: migrate1to2` here together
 * with a fixture of a version-1 save.
 */
const MIGRATIONS: Readonly<
  Record<number, (old: Record<string, unknown>) => Record<string, unknown>>
> = {};

/** Most solutions kept per contract, and longest name: a save stays well inside localStorage. */
export const MAX_SOLUTIONS = 40;
export const MAX_NAME = 60;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly errors: InputError[] = [];
  fail(path: string, detail: string): void {
    this.errors.push(new InputError(path, detail, 'save'));
  }
  number(o: Obj, key: string, path: string, min = 0): number {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
      this.fail(pointer(path, key), `expected a number ≥ ${min}`);
      return min;
    }
    return v;
  }
  boolean(o: Obj, key: string, path: string): boolean {
    const v = o[key];
    if (typeof v !== 'boolean') {
      this.fail(pointer(path, key), 'expected true or false');
      return false;
    }
    return v;
  }
  string(o: Obj, key: string, path: string, max = 200): string {
    const v = o[key];
    if (typeof v !== 'string' || v.length > max) {
      this.fail(pointer(path, key), `expected text of at most ${max} characters`);
      return '';
    }
    return v;
  }
  grade(o: Obj, key: string, path: string): Grade {
    const v = o[key];
    if (!GRADES.includes(v as Grade)) {
      this.fail(pointer(path, key), `expected one of ${GRADES.join(', ')}`);
      return 'none';
    }
    return v as Grade;
  }
}

function checkScore(c: Checker, value: unknown, path: string): SolutionScore | null {
  if (value === null) return null;
  if (!isObj(value)) {
    c.fail(path, 'expected a score or null');
    return null;
  }
  return {
    passed: c.boolean(value, 'passed', path),
    grade: c.grade(value, 'grade', path),
    makespanUs: c.number(value, 'makespanUs', path),
    cost: c.number(value, 'cost', path),
    p95Us: c.number(value, 'p95Us', path),
    peakMemoryBytes: c.number(value, 'peakMemoryBytes', path),
  };
}

/**
 * The wiring's outer shape only: nodes and wires are checked in full by the engine's
 * wiring compiler when the solution is opened, and its issues show on the nodes.
 */
function checkWiring(c: Checker, value: unknown, path: string): Solution {
  if (!isObj(value) || value.kind !== SOLUTION_KIND) {
    c.fail(path, `expected a solution ("kind": "${SOLUTION_KIND}")`);
    return value as unknown as Solution;
  }
  if (!isObj(value.level) || typeof value.level.id !== 'string')
    c.fail(pointer(path, 'level'), 'expected the contract it solves');
  if (!Array.isArray(value.nodes)) c.fail(pointer(path, 'nodes'), 'expected a list of nodes');
  else
    value.nodes.forEach((node, i) => {
      const at = pointer(pointer(path, 'nodes'), i);
      if (!isObj(node) || typeof node.id !== 'string' || typeof node.type !== 'string')
        c.fail(at, 'expected a node with an id and a type');
      else if (!isObj(node.position) || typeof node.position.x !== 'number')
        c.fail(pointer(at, 'position'), 'expected a position');
    });
  if (!Array.isArray(value.connections))
    c.fail(pointer(path, 'connections'), 'expected a list of wires');
  return value as unknown as Solution;
}

function checkRecord(c: Checker, value: unknown, path: string): ContractRecord {
  if (!isObj(value)) {
    c.fail(path, 'expected a contract record');
    return emptyRecord();
  }
  const solutions: SavedSolution[] = [];
  const list = value.solutions;
  if (!Array.isArray(list) || list.length > MAX_SOLUTIONS)
    c.fail(pointer(path, 'solutions'), `expected a list of at most ${MAX_SOLUTIONS} solutions`);
  else
    list.forEach((item, i) => {
      const at = pointer(pointer(path, 'solutions'), i);
      if (!isObj(item)) return c.fail(at, 'expected a saved solution');
      solutions.push({
        id: c.string(item, 'id', at, 24),
        name: c.string(item, 'name', at, MAX_NAME),
        wiring: checkWiring(c, item.wiring, pointer(at, 'wiring')),
        score: checkScore(c, item.score, pointer(at, 'score')),
      });
    });
  return {
    read: c.boolean(value, 'read', path),
    accepted: c.boolean(value, 'accepted', path),
    paid: c.boolean(value, 'paid', path),
    bestGrade: c.grade(value, 'bestGrade', path),
    hintsShown: c.number(value, 'hintsShown', path),
    active: c.string(value, 'active', path, 24),
    solutions,
  };
}

/**
 * Parses a save from JSON text or a parsed value: checks its header, migrates it to the
 * current version, then validates every field.
 * @throws InputErrors naming each bad field's JSON path.
 */
export function parseSave(input: unknown): SaveFile {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new InputErrors([new InputError('', 'is not valid JSON', 'save')]);
    }
  }
  if (!isObj(value) || value.kind !== SAVE_KIND)
    throw new InputErrors([new InputError('/kind', `expected "${SAVE_KIND}"`, 'save')]);
  let version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new InputErrors([new InputError('/version', 'expected a format version', 'save')]);
  if (version > SAVE_VERSION)
    throw new InputErrors([
      new InputError(
        '/version',
        `was written by a newer version of Loopwork (format ${version}; this one reads up to ${SAVE_VERSION})`,
        'save',
      ),
    ]);
  let current: Obj = value;
  while (version < SAVE_VERSION) {
    const step = MIGRATIONS[version];
    if (!step)
      throw new InputErrors([
        new InputError('/version', `no migration from format ${version}`, 'save'),
      ]);
    current = step(current);
    version += 1;
  }
  const c = new Checker();
  // Without a prototype: the ids come from the save itself.
  const contracts = Object.create(null) as Record<string, ContractRecord>;
  if (!isObj(current.contracts)) c.fail('/contracts', 'expected the contracts');
  else
    for (const [id, record] of Object.entries(current.contracts))
      contracts[id] = checkRecord(c, record, pointer('/contracts', id));
  const save: SaveFile = {
    kind: SAVE_KIND,
    version: SAVE_VERSION,
    balance: c.number(current, 'balance', ''),
    contracts,
  };
  if (c.errors.length > 0) throw new InputErrors(c.errors);
  return save;
}
