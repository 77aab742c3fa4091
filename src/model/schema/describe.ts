/**
 * Schema errors → messages a level author or player can act on.
 *
 * The precompiled validators report ajv's raw facts (keyword, params, paths) and no
 * wording; this file words them, one message per real problem: it drops the "if"
 * bookkeeping errors that only repeat a nested failure, and it names the shape that was
 * expected where the raw fact would be cryptic (a duration pattern, an unknown op).
 */
import { DURATION_PATTERN, SIZE_PATTERN } from '../units';
import { InputError, MAX_REPORTED_ERRORS, MoreInputErrors, pointer } from '../errors';
import { NODE_TYPES } from '../vocabulary';
import type { SchemaError } from './validators.js';

const PATTERN_MEANING: Readonly<Record<string, string>> = {
  [DURATION_PATTERN]: 'expected a duration: a number and a unit, like "300ms", "5s", "2m", "1h"',
  [SIZE_PATTERN]: 'expected a size: a number and a unit, like "512B", "64KB", "2GB"',
  '^(?=.{1,48}$)[a-z0-9]+(-[a-z0-9]+)*$':
    'expected an id of lowercase words joined by dashes, at most 48 characters, like "chess-exhibition"',
  '^[A-Za-z0-9_-]{1,24}$': 'expected a short id: 1–24 letters, digits, _ or -',
  '^[A-Za-z0-9_]{1,16}$': 'expected a lock name: 1–16 letters, digits or _',
  '\\S': 'expected some text, not a blank',
  '^\\S.{0,199}$': 'expected one line of at most 200 characters, not starting with a space',
  '^\\S.{0,79}$': 'expected one line of at most 80 characters, not starting with a space',
  '^(out|timedOut|failed|kind:[A-Za-z0-9_-]{1,24})$':
    'expected an output port: "out", "timedOut", "failed" or "kind:<job kind>"',
};

const METRICS =
  'makespan, p50, p95, maxLatency, throughput, peakMemory, cost, done, failed, lost, serviceErrors, inOrder';
const ARRIVALS = 'atOnce, interval, poisson, bursts';

/** The values a discriminated union's tag accepts: the tag alone does not say which union. */
function allowedTags(tag: string, at: string): string {
  if (tag === 'metric') return METRICS;
  return /\/arrival$/.test(at) ? ARRIVALS : NODE_TYPES.join(', ');
}

const OP_SHAPES =
  'expected an op: {"cpu": …}, {"io": …}, {"call": …}, {"repeat": n, "ops": […]} or {"update": name, "ops": […]}';
const TIME_SHAPES =
  'expected a time: a duration like "300ms", {"exponential": "1s"} or {"uniform": ["1s", "2s"]}';

/** A value from the input, quoted, cut short so that a message never echoes a whole input. */
function clipped(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : '';
}

function isOpPath(path: string): boolean {
  return /\/ops\/[0-9]+$/.test(path);
}

/** One schema error in words, or null for bookkeeping errors that another error explains. */
function describe(error: SchemaError): { path: string; detail: string } | null {
  const p = error.params;
  const at = error.instancePath;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return null;
    case 'required':
      return { path: at, detail: `missing the required property "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return {
        path: pointer(at, String(p.additionalProperty)),
        detail: `unexpected property "${String(p.additionalProperty)}" (check its spelling and where it sits)`,
      };
    case 'type':
      return { path: at, detail: `expected ${String(p.type)}` };
    case 'const':
      return { path: at, detail: `expected ${JSON.stringify(p.allowedValue)}` };
    case 'enum': {
      const name = (error as { propertyName?: string }).propertyName;
      return name !== undefined
        ? {
            path: pointer(at, name),
            detail: `unexpected key "${name}": expected one of ${list(p.allowedValues)}`,
          }
        : { path: at, detail: `expected one of ${list(p.allowedValues)}` };
    }
    case 'pattern':
      return {
        path: at,
        detail: PATTERN_MEANING[String(p.pattern)] ?? `expected text matching ${String(p.pattern)}`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path: at, detail: `expected a number ${String(p.comparison)} ${String(p.limit)}` };
    case 'minItems':
      return {
        path: at,
        detail: `expected at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`,
      };
    case 'maxItems':
    case 'items':
      return {
        path: at,
        detail: `expected at most ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`,
      };
    case 'discriminator': {
      const tag = String(p.tag);
      return p.error === 'tag'
        ? { path: pointer(at, tag), detail: `expected "${tag}" to be text` }
        : {
            path: pointer(at, tag),
            detail: `unknown ${tag} ${clipped(p.tagValue)}: expected one of ${allowedTags(tag, at)}`,
          };
    }
    case 'false schema':
      return { path: at, detail: isOpPath(at) ? OP_SHAPES : TIME_SHAPES };
    default:
      return { path: at, detail: `breaks the schema rule "${error.keyword}" ${JSON.stringify(p)}` };
  }
}

/**
 * Schema errors as InputErrors, one per distinct problem, in the validator's order: the
 * first MAX_REPORTED_ERRORS, then one line counting the rest.
 */
export function describeSchemaErrors(
  errors: readonly SchemaError[],
  source: string,
  base = '',
): InputError[] {
  const seen = new Set<string>();
  const out: InputError[] = [];
  for (const error of errors) {
    const described = describe(error);
    if (described === null) continue;
    const key = `${described.path}\u0000${described.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length < MAX_REPORTED_ERRORS)
      out.push(new InputError(base + described.path, described.detail, source));
  }
  const more = seen.size - out.length;
  return more > 0 ? [...out, new MoreInputErrors(more, source)] : out;
}
