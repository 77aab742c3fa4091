/**
 * Format migrations: a ladder of pure, numbered, named steps, each taking a file of
 * version n to version n + 1, so a file written years ago still loads.
 *
 * Rules for a new rung (when a format changes, bump its *_FORMAT_VERSION and append one):
 * - it is a pure function of its input: it never mutates it, never reads anything else;
 * - it only reshapes data; validation runs after the whole ladder, on the current format;
 * - it gets a fixture of the old version and a test in tests/unit/model/migrations*.
 *
 * Version 1 is the first format of levels and of solutions, so both ladders are empty.
 */
import { InputError, InputErrors, pointer } from './errors';
import { LEVEL_FORMAT_VERSION, LEVEL_KIND } from './level';
import { SOLUTION_FORMAT_VERSION, SOLUTION_KIND } from './solution';

export type JsonObject = Readonly<Record<string, unknown>>;

export interface Migration {
  /** The version it reads; it produces version `from + 1`. */
  readonly from: number;
  /** What changed, e.g. "ServicesGetRefuseAfter". */
  readonly name: string;
  readonly up: (doc: JsonObject) => JsonObject;
}

export interface Ladder {
  /** The `kind` header of the inputs it migrates. */
  readonly kind: string;
  /** The version the rest of the game reads. */
  readonly current: number;
  /** One rung per version below `current`, in order: `rungs[i].from === i + 1`. */
  readonly rungs: readonly Migration[];
}

export const LEVEL_LADDER: Ladder = { kind: LEVEL_KIND, current: LEVEL_FORMAT_VERSION, rungs: [] };

export const SOLUTION_LADDER: Ladder = {
  kind: SOLUTION_KIND,
  current: SOLUTION_FORMAT_VERSION,
  rungs: [],
};

const KIND_NAMES: Readonly<Record<string, string>> = {
  [LEVEL_KIND]: 'a level',
  [SOLUTION_KIND]: 'a solution',
};

/**
 * Brings a file up to the ladder's current version.
 * Checks only the `{ kind, version }` header; the rest is the validator's business.
 * @param base JSON Pointer of the part inside its file ("" for the whole file).
 * @throws InputErrors when the header is missing or wrong, or the version is newer than known.
 */
export function migrate(doc: unknown, ladder: Ladder, source: string, base = ''): JsonObject {
  const fail = (path: string, detail: string): never => {
    throw new InputErrors([new InputError(path, detail, source)]);
  };
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return fail(base, `expected ${KIND_NAMES[ladder.kind] ?? ladder.kind}: a JSON object`);
  }
  const header = doc as JsonObject;
  if (header.kind !== ladder.kind) {
    const seems = typeof header.kind === 'string' ? KIND_NAMES[header.kind] : undefined;
    fail(
      pointer(base, 'kind'),
      `expected "${ladder.kind}"` +
        (seems ? ` (this is ${seems}, not ${KIND_NAMES[ladder.kind]})` : ''),
    );
  }
  const version = header.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(pointer(base, 'version'), 'expected a format version: a whole number from 1');
  }
  if (version > ladder.current) {
    fail(
      pointer(base, 'version'),
      `format version ${version} is newer than this game reads (${ladder.current}): update the game`,
    );
  }
  let current = header;
  for (let v = version; v < ladder.current; v++) {
    const rung = ladder.rungs[v - 1];
    if (rung === undefined || rung.from !== v) {
      return fail(pointer(base, 'version'), `no migration from format version ${v}`);
    }
    current = { ...rung.up(current), version: v + 1 };
  }
  return current;
}
