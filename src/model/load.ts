/**
 * The one way in for levels and solutions read from anywhere (a file, a URL, a save):
 * parse `unknown` → migrate to the current format → validate against the JSON Schema →
 * check what the schema cannot (references, unique ids, ranges) → a frozen, typed value.
 *
 * All or nothing: any problem throws InputErrors listing every problem found, each with
 * the JSON Pointer of the offending value, and nothing half-loaded escapes.
 * Pure: no file system, no DOM. Reading the bytes is the caller's job.
 */
import { checkNesting } from './depth';
import { InputError, InputErrors, pointer } from './errors';
import type { Level } from './level';
import { LEVEL_LADDER, SOLUTION_LADDER, migrate, type JsonObject } from './migrations';
import type { Solution } from './solution';
import { LATER_PARAMS, NODE_SPECS, isNodeType } from './vocabulary';
import { describeSchemaErrors } from './schema/describe';
import { Findings, checkLevel, checkSolution, solutionContext } from './schema/semantics';
import { validateLevel, validateSolution } from './schema/validators.js';

/**
 * A deep copy that is plain JSON, so nothing the caller still holds can change what was
 * validated, and nothing but JSON (functions, cycles, class instances' hidden state) gets in.
 */
function plainCopy(json: unknown, source: string): unknown {
  let copy: unknown;
  try {
    const text = JSON.stringify(json);
    if (text === undefined) throw new TypeError('nothing to read');
    copy = JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputErrors([
      new InputError('', `is not plain JSON data: ${(error as Error).message}`, source),
    ]);
  }
  // Before anything that recurses: the migrations, the validators, the checks.
  checkNesting(copy, source);
  return copy;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The JSON without its editor-only `$schema` pointer: the model has no use for it. */
function withoutSchemaPointer(doc: JsonObject): JsonObject {
  const { $schema: _ignored, ...rest } = doc;
  return rest;
}

/** Migrates every solution a level embeds, collecting the errors of all of them. */
function migrateEmbeddedSolutions(level: JsonObject, source: string): JsonObject {
  const errors: InputError[] = [];
  const one = (doc: unknown, path: string): unknown => {
    try {
      return withoutSchemaPointer(migrate(doc, SOLUTION_LADDER, source, path));
    } catch (error) {
      if (!(error instanceof InputErrors)) throw error;
      errors.push(...error.errors);
      return doc;
    }
  };
  const out: Record<string, unknown> = { ...level };
  if ('reference' in level) out.reference = one(level.reference, '/reference');
  if (Array.isArray(level.naive))
    out.naive = level.naive.map((doc, i) => one(doc, pointer('/naive', i)));
  if (errors.length > 0) throw new InputErrors(errors);
  return out;
}

/**
 * Gives every node the parameters its type gained after the file was written, at their
 * defaults (LATER_PARAMS), before the schema check: the typed wiring always has them all.
 * The input is a plain copy of the input, not yet frozen; what is not a node is left for
 * the schema to name.
 */
function fillLaterParams(solution: unknown): void {
  if (!isPlainObject(solution) || !Array.isArray(solution.nodes)) return;
  for (const node of solution.nodes) {
    if (!isPlainObject(node) || !isNodeType(node.type) || !isPlainObject(node.params)) continue;
    const later = LATER_PARAMS[node.type];
    if (later === undefined) continue;
    const params = node.params;
    for (const spec of NODE_SPECS[node.type].params)
      if (later.includes(spec.name) && params[spec.name] === undefined && spec.kind !== 'stepRef')
        params[spec.name] = spec.default;
  }
}

/** An object of the plain copy, which this file may still write to. */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a contract.
 * @param json The parsed JSON of a level file (or of a level sent in a link).
 * @param source What the source is, as the reader would name it: a file path, "link".
 * @throws InputErrors naming the JSON path and the expectation of every problem.
 */
export function parseLevel(json: unknown, source: string): Level {
  const migrated = migrate(plainCopy(json, source), LEVEL_LADDER, source);
  const level = migrateEmbeddedSolutions(withoutSchemaPointer(migrated), source);
  fillLaterParams(level.reference);
  if (Array.isArray(level.naive)) level.naive.forEach(fillLaterParams);
  if (!validateLevel(level)) {
    throw new InputErrors(describeSchemaErrors(validateLevel.errors ?? [], source));
  }
  const findings = new Findings(source);
  checkLevel(findings, level);
  const context = solutionContext(level);
  checkSolution(findings, level.reference, context, '/reference');
  level.naive.forEach((naive, i) => checkSolution(findings, naive, context, pointer('/naive', i)));
  if (findings.errors.length > 0) throw new InputErrors(findings.errors);
  return deepFreeze(level);
}

/**
 * Reads a wiring.
 * @param level When given, the solution must be for this level (same id and revision)
 *   and may name only its steps and job kinds.
 * @throws InputErrors naming the JSON path and the expectation of every problem.
 */
export function parseSolution(json: unknown, source: string, level?: Level): Solution {
  const solution = withoutSchemaPointer(migrate(plainCopy(json, source), SOLUTION_LADDER, source));
  fillLaterParams(solution);
  if (!validateSolution(solution)) {
    throw new InputErrors(describeSchemaErrors(validateSolution.errors ?? [], source));
  }
  const findings = new Findings(source);
  checkSolution(findings, solution, level ? solutionContext(level) : undefined);
  if (findings.errors.length > 0) throw new InputErrors(findings.errors);
  return deepFreeze(solution);
}
