/**
 * Random wirings for a contract, and what a link should turn each into: the same wiring
 * with ids renamed n1…nN in node order, positions on the 8-pixel grid, durations in their
 * shortest spelling and wires in sorted order. Written from the link format's description,
 * not from the codec, so a test comparing the two can fail.
 */
import fc from 'fast-check';
import type { Level } from '../../../src/model/level';
import type { Connection, Solution, SolutionNode } from '../../../src/model/solution';
import { paramLimit } from '../../../src/model/paramLimits';
import { formatDuration, parseDuration } from '../../../src/model/units';
import {
  NODE_SPECS,
  NODE_TYPES,
  routePort,
  type NodeType,
  type ParamSpec,
} from '../../../src/model/vocabulary';

export const kindsOf = (level: Level): string[] => [
  ...new Set(level.workload.streams.map((s) => s.kind)),
];

export function portsOf(type: NodeType, level: Level): readonly string[] {
  return type === 'route' ? kindsOf(level).map(routePort) : NODE_SPECS[type].outputs;
}

const ID_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'];
/** Any character a name may hold: every code point but the surrogate halves and controls. */
const codePoint = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0xa0, max: 0xd7ff }),
  fc.integer({ min: 0xe000, max: 0x10ffff }),
);

/**
 * Strings over a character set. (fc.stringMatching and fc.string with a custom unit take
 * about a second each to build, which would dominate the fuzz test.)
 */
const word = (chars: readonly string[], maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength }).map((c) => c.join(''));

/** Any value the game runs: within the vocabulary's range and the machine's limit on it. */
function paramArbitrary(
  type: NodeType,
  spec: ParamSpec,
  level: Level,
): fc.Arbitrary<string | number> {
  const limit = paramLimit(type, spec.name);
  switch (spec.kind) {
    case 'int': {
      const max = Math.min(spec.max, limit?.kind === 'count' ? limit.max : spec.max);
      return fc.oneof(
        fc.integer({ min: spec.min, max: Math.min(max, spec.min + 20) }),
        fc.integer({ min: spec.min, max }),
      );
    }
    case 'duration': {
      const range = limit?.kind === 'duration' ? limit : spec;
      return fc
        .integer({ min: Math.max(spec.minUs, range.minUs), max: Math.min(spec.maxUs, range.maxUs) })
        .chain((us) => fc.constantFrom(formatDuration(us), `${us}us`));
    }
    case 'choice':
      return fc.constantFrom(...spec.options);
    case 'name':
      return word(ID_CHARS.slice(0, -1), 16);
    case 'stepRef':
      return fc.constantFrom(...level.steps.map((s) => s.id));
  }
}

function nodeBody(level: Level) {
  const coordinate = fc.oneof(
    fc.integer({ min: -2000, max: 4000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  );
  // Built once per type, outside `chain`: fast-check arbitraries are costly to create.
  const byType = new Map(
    NODE_TYPES.map((type) => [
      type,
      fc.record({
        type: fc.constant(type),
        params: fc.record(
          Object.fromEntries(
            NODE_SPECS[type].params.map((p) => [p.name, paramArbitrary(type, p, level)]),
          ),
        ),
        x: coordinate,
        y: coordinate,
        parentPick: fc.option(fc.nat(), { nil: undefined }),
      }),
    ]),
  );
  return fc.constantFrom(...NODE_TYPES).chain((type) => byType.get(type)!);
}

/** A structurally valid wiring of the contract: unique ids, known steps, no nesting loops, one wire per port. */
export function wiringArbitrary(level: Level, maxNodes = 24): fc.Arbitrary<Solution> {
  return fc
    .record({
      bodies: fc.array(nodeBody(level), { maxLength: maxNodes }),
      ids: fc.uniqueArray(word(ID_CHARS, 24), {
        minLength: maxNodes,
        maxLength: maxNodes,
      }),
      wirePicks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 2 * maxNodes }),
      name: fc.option(
        fc
          .array(codePoint, { minLength: 1, maxLength: 80 })
          .map((points) => String.fromCodePoint(...points))
          .filter((s) => /^\S.{0,79}$/u.test(s)),
        { nil: undefined },
      ),
    })
    .map(({ bodies, ids, wirePicks, name }) => {
      const containers = bodies.flatMap((b, i) => (NODE_SPECS[b.type].container ? [i] : []));
      const parents: (number | undefined)[] = bodies.map((b, i) => {
        if (b.parentPick === undefined || containers.length === 0) return undefined;
        const p = containers[b.parentPick % containers.length] as number;
        return p === i ? undefined : p;
      });
      // Drop any parent link that would close a nesting loop.
      parents.forEach((_, i) => {
        const seen = new Set([i]);
        for (let up = parents[i]; up !== undefined; up = parents[up]) {
          if (seen.has(up)) {
            parents[i] = undefined;
            break;
          }
          seen.add(up);
        }
      });
      const nodes: SolutionNode[] = bodies.map((b, i) => ({
        id: ids[i] as string,
        type: b.type,
        params: b.params as never,
        ...(parents[i] !== undefined ? { parent: ids[parents[i] as number] as string } : {}),
        position: { x: b.x, y: b.y },
      }));
      const used = new Set<string>();
      const connections: Connection[] = [];
      if (nodes.length > 1) {
        for (const [f, p, t] of wirePicks) {
          const from = f % nodes.length;
          const ports = portsOf(bodies[from]!.type, level);
          if (ports.length === 0) continue;
          const port = ports[p % ports.length] as string;
          const to = t % nodes.length;
          if (to === from || used.has(`${from} ${port}`)) continue;
          used.add(`${from} ${port}`);
          connections.push({ from: nodes[from]!.id, fromPort: port, to: nodes[to]!.id });
        }
      }
      return {
        kind: 'loopwork/solution' as const,
        version: 1 as const,
        level: { id: level.id, revision: level.revision },
        ...(name !== undefined ? { name } : {}),
        nodes,
        connections,
      };
    });
}

const onGrid = (v: number): number => Math.round(v / 8) * 8 + 0;

/** What a link should give back for this wiring. */
export function expectedAfterLink(solution: Solution, level: Level): Solution {
  const index = new Map(solution.nodes.map((n, i) => [n.id, i] as const));
  const rename = (id: string): string => `n${(index.get(id) as number) + 1}`;
  const nodes = solution.nodes.map((node) => {
    const params: Record<string, unknown> = { ...(node.params as object) };
    for (const spec of NODE_SPECS[node.type].params)
      if (spec.kind === 'duration')
        params[spec.name] = formatDuration(parseDuration(params[spec.name] as string));
    return {
      id: rename(node.id),
      type: node.type,
      params,
      ...(node.parent !== undefined ? { parent: rename(node.parent) } : {}),
      position: { x: onGrid(node.position.x), y: onGrid(node.position.y) },
    } as SolutionNode;
  });
  const key = (c: Connection): number[] => {
    const from = index.get(c.from) as number;
    return [
      from,
      portsOf(solution.nodes[from]!.type, level).indexOf(c.fromPort),
      index.get(c.to) as number,
    ];
  };
  const connections = [...solution.connections]
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]!;
    })
    .map((c) => ({ from: rename(c.from), fromPort: c.fromPort, to: rename(c.to) }));
  return {
    kind: solution.kind,
    version: solution.version,
    level: { id: level.id, revision: level.revision },
    ...(solution.name !== undefined ? { name: solution.name } : {}),
    nodes,
    connections,
  };
}
