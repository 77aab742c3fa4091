/**
 * Wirings and contracts as an adversary writes them, for the engine's property tests:
 * every node type of the vocabulary with parameters at the edges of their range, beyond
 * it and of the wrong type; graphs wired at random; and shipped contracts and solutions
 * with random mutations. Read from the vocabulary table, so a new construct is fuzzed as
 * soon as it has an entry.
 */
import fc from 'fast-check';
import type { Level } from '../../../src/model/level';
import type { Solution } from '../../../src/model/solution';
import { formatDuration } from '../../../src/model/units';
import {
  NODE_SPECS,
  NODE_TYPES,
  type NodeType,
  type ParamSpec,
} from '../../../src/model/vocabulary';
import type { Item } from './build';

/** Values no parameter accepts, as a corrupted save could hold them. */
const GARBAGE: readonly unknown[] = [null, '', '4', -1, 1.5, 1e21, true, [], {}, '__proto__'];

/** A parameter at the edges of its range (mostly), past them, or garbage. */
function extremeParam(spec: ParamSpec, steps: readonly string[]): fc.Arbitrary<unknown> {
  const edges = ((): readonly unknown[] => {
    switch (spec.kind) {
      case 'int':
        return [spec.min, spec.min + 1, spec.max, spec.max - 1, spec.max + 1, spec.min - 1];
      case 'duration':
        return [
          formatDuration(spec.minUs),
          formatDuration(spec.maxUs),
          '1us',
          '0s',
          '24h',
          '-1s',
          '1.5us',
        ];
      case 'choice':
        return [...spec.options, 'maybe'];
      case 'name':
        return ['A', 'B', '_', 'x'.repeat(17)];
      case 'stepRef':
        return [...steps, 'no-such-step'];
      default:
        // A kind of parameter this table does not know yet: garbage is all it gets.
        return GARBAGE;
    }
  })();
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...edges) },
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE) },
  );
}

function paramsOf(type: NodeType, steps: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const spec of NODE_SPECS[type].params) record[spec.name] = extremeParam(spec, steps);
  return fc.record(record);
}

const CONTAINERS = NODE_TYPES.filter((t) => NODE_SPECS[t].container);

/**
 * Chains of items for build.ts's `wire`: steps, any container around a sub-chain, and
 * Route nodes by kind, nested up to `depth`.
 */
export function chainOf(level: Level, depth: number): fc.Arbitrary<Item[]> {
  const steps = level.steps.map((s) => s.id);
  const kinds = [...new Set(level.workload.streams.map((s) => s.kind))];
  const stepItem = fc.constantFrom<Item>(...steps.map((s) => `step:${s}`));
  const chain: fc.Memo<Item[]> = fc.memo((d: number) => {
    const item: fc.Arbitrary<Item> =
      d <= 0
        ? stepItem
        : fc.oneof(
            { weight: 3, arbitrary: stepItem },
            {
              weight: 3,
              arbitrary: fc
                .constantFrom(...CONTAINERS)
                .chain((type) =>
                  fc
                    .tuple(paramsOf(type, steps), chain(d - 1))
                    .map(([params, children]): Item => [type, params, children]),
                ),
            },
            {
              weight: 1,
              arbitrary: fc.tuple(...kinds.map(() => chain(d - 1))).map((subs): Item => ({
                route: Object.fromEntries(kinds.map((k, i) => [k, subs[i]!])),
              })),
            },
          );
    return fc.array(item, { minLength: 0, maxLength: 3 });
  });
  return chain(depth);
}

/** A wiring of random nodes joined at random: ids, parents, ports and wires of any shape. */
export function rawWiring(level: Level): fc.Arbitrary<Solution> {
  const steps = level.steps.map((s) => s.id);
  const ids = ['source', 'sink', 'a', 'b', 'c', 'd', 'e', '__proto__'];
  const ports = [
    'out',
    'timedOut',
    'failed',
    ...level.workload.streams.map((s) => `kind:${s.kind}`),
  ];
  const node = fc
    .tuple(fc.constantFrom(...ids), fc.constantFrom<NodeType | 'ghost'>(...NODE_TYPES, 'ghost'))
    .chain(([id, type]) =>
      fc.record({
        id: fc.constant(id),
        type: fc.constant(type),
        params: type === 'ghost' ? fc.constant({}) : paramsOf(type, steps),
        parent: fc.option(fc.constantFrom(...ids), { nil: undefined }),
        position: fc.constant({ x: 0, y: 0 }),
      }),
    );
  const wireArb = fc.record({
    from: fc.constantFrom(...ids),
    fromPort: fc.constantFrom(...ports, 'nowhere'),
    to: fc.constantFrom(...ids),
  });
  return fc
    .record({
      nodes: fc.array(
        fc.oneof({ weight: 12, arbitrary: node }, { weight: 1, arbitrary: fc.constant(null) }),
        {
          maxLength: 10,
        },
      ),
      connections: fc.array(
        fc.oneof({ weight: 12, arbitrary: wireArb }, { weight: 1, arbitrary: fc.constant(null) }),
        { maxLength: 12 },
      ),
    })
    .map(
      ({ nodes, connections }) =>
        ({
          kind: 'loopwork/solution',
          version: 1,
          level: { id: level.id, revision: level.revision },
          nodes,
          connections,
        }) as unknown as Solution,
    );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One edit anywhere in a JSON tree: a value replaced, an entry removed, a list item doubled. */
interface Mutation {
  /** Picks the node to edit: its index in walk order, modulo the tree's size. */
  readonly at: number;
  readonly how: 'extreme' | 'replace' | 'remove' | 'duplicate';
  /** Picks the replacement: its index modulo the candidates. */
  readonly pick: number;
}

/** Replacements of the same kind as the value replaced, so the schema lets most through. */
const EXTREMES = {
  number: [0, 1, 2, 3, 64, 1024, 10_000, 100_000, 10_000_000, 1e12, -1, 0.5],
  duration: ['0s', '1us', '1ms', '24h', '1000h', '-5ms', '2.5us'],
  size: ['0B', '1B', '1KB', '64MB', '1TB', '-1MB'],
  string: ['', 'out', 'kind:job', 'source', 'sink', 'tasks', 'processPool', 'x'.repeat(300)],
} as const;
const ANY: readonly Json[] = [null, true, [], {}, ...EXTREMES.number, ...EXTREMES.string];

function extremeLike(value: Json, pick: number): Json {
  const from = (list: readonly Json[]): Json => list[pick % list.length]!;
  if (typeof value === 'number') return from(EXTREMES.number);
  if (typeof value === 'string') {
    if (/^-?[\d.]+(us|ms|s|m|h)$/.test(value)) return from(EXTREMES.duration);
    if (/^-?[\d.]+[KMGT]?B$/.test(value)) return from(EXTREMES.size);
    return from(EXTREMES.string);
  }
  if (typeof value === 'boolean') return !value;
  return from(ANY);
}

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    at: fc.nat(),
    how: fc.constantFrom<Mutation['how']>(
      'extreme',
      'extreme',
      'extreme',
      'replace',
      'remove',
      'duplicate',
    ),
    pick: fc.nat(),
  }),
  { minLength: 1, maxLength: 4 },
);

/** A copy of `json` with the mutations applied (the input is left alone). */
export function mutate<T>(json: T, edits: readonly Mutation[]): T {
  const copy = JSON.parse(JSON.stringify(json)) as Json;
  for (const edit of edits) {
    const slots: { holder: Json[] | { [key: string]: Json }; key: string }[] = [];
    const walk = (value: Json): void => {
      if (value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        slots.push({ holder: value, key });
        walk(child);
      }
    };
    walk(copy);
    const slot = slots[edit.at % Math.max(1, slots.length)];
    if (slot === undefined) continue;
    const holder = slot.holder as { [key: string]: Json };
    const old = holder[slot.key]!;
    if (Array.isArray(slot.holder) && edit.how !== 'extreme' && edit.how !== 'replace') {
      const index = Number(slot.key);
      if (edit.how === 'remove') slot.holder.splice(index, 1);
      else slot.holder.splice(index, 0, structuredClone(old));
    } else if (edit.how === 'remove') delete holder[slot.key];
    else
      holder[slot.key] =
        edit.how === 'replace' ? ANY[edit.pick % ANY.length]! : extremeLike(old, edit.pick);
  }
  return copy as T;
}
