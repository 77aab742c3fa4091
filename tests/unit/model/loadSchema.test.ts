/**
 * The precompiled validators must be the schemas' current compilation, and the schemas
 * must agree with the node table and the unit patterns the rest of the game reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SCHEMA_FILES,
  VALIDATORS_FILE,
  generateValidatorsSource,
} from '../../../scripts/compile-schemas';
import { DURATION_PATTERN, SIZE_PATTERN } from '../../../src/model/units';
import { HARD_LIMITS, LATER_PARAMS, NODE_SPECS, NODE_TYPES } from '../../../src/model/vocabulary';

type Schema = Record<string, unknown> & { $defs: Record<string, Record<string, unknown>> };
const read = (file: string): Schema => JSON.parse(readFileSync(file, 'utf8')) as Schema;
const level = read(SCHEMA_FILES.level);
const solution = read(SCHEMA_FILES.solution);

describe('schemas', () => {
  it('compile to exactly the committed validators (run scripts/compile-schemas.ts if not)', async () => {
    expect(await generateValidatorsSource()).toBe(readFileSync(VALIDATORS_FILE, 'utf8'));
  });

  it('use the duration and size patterns of units.ts', () => {
    expect(level.$defs.duration!.pattern).toBe(DURATION_PATTERN);
    expect(level.$defs.size!.pattern).toBe(SIZE_PATTERN);
    expect(solution.$defs.duration!.pattern).toBe(DURATION_PATTERN);
  });

  it('know every node type, in the palette and in a solution', () => {
    const paletteKeys = (level.$defs.palette!.propertyNames as { enum: string[] }).enum;
    expect([...paletteKeys].sort()).toEqual([...NODE_TYPES].sort());
    const node = solution.$defs.node as { properties: { type: { enum: string[] } } };
    expect([...node.properties.type.enum].sort()).toEqual([...NODE_TYPES].sort());
  });

  it("give each node type exactly the parameters of NODE_SPECS, with the table's ranges", () => {
    const branches = (solution.$defs.node as { oneOf: Record<string, unknown>[] }).oneOf;
    const resolve = (schema: Record<string, unknown>): Record<string, unknown> => {
      const ref = schema.$ref as string | undefined;
      return ref ? resolve(solution.$defs[ref.replace('#/$defs/', '')]!) : schema;
    };
    expect(branches).toHaveLength(NODE_TYPES.length);
    for (const branch of branches) {
      const props = branch.properties as Record<string, Record<string, unknown>>;
      const type = props.type!.const as keyof typeof NODE_SPECS;
      const params = resolve(props.params!) as {
        properties?: Record<string, Record<string, unknown>>;
        required?: string[];
      };
      const specs = NODE_SPECS[type].params;
      expect(Object.keys(params.properties ?? {}).sort(), type).toEqual(
        specs.map((p) => p.name).sort(),
      );
      // A parameter a node type gained later is optional in files: the loader fills it in.
      const later = LATER_PARAMS[type] ?? [];
      expect([...(params.required ?? [])].sort(), type).toEqual(
        specs
          .map((p) => p.name)
          .filter((name) => !later.includes(name))
          .sort(),
      );
      for (const spec of specs) {
        const schema = resolve(params.properties![spec.name]!);
        if (spec.kind === 'int') {
          expect([schema.minimum, schema.maximum], `${type}.${spec.name}`).toEqual([
            spec.min,
            spec.max,
          ]);
        } else if (spec.kind === 'choice') {
          expect(schema.enum, `${type}.${spec.name}`).toEqual(spec.options);
        } else if (spec.kind === 'duration') {
          expect(schema.pattern).toBe(DURATION_PATTERN);
        } else {
          expect(schema.type).toBe('string');
        }
      }
    }
  });

  it('cap nodes and wires as the engine does', () => {
    const props = solution.properties as Record<string, { maxItems: number }>;
    expect(props.nodes!.maxItems).toBe(HARD_LIMITS.nodes);
    expect(props.connections!.maxItems).toBe(HARD_LIMITS.connections);
  });
});
