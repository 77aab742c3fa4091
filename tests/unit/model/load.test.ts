/**
 * The loader refuses every broken level or solution as a whole, and each refusal names the
 * JSON path of the offending value and what was expected there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../../src/model/errors';
import { parseLevel, parseSolution } from '../../../src/model/load';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const text = readFileSync(new URL('../../../levels/hello-gather.json', import.meta.url), 'utf8');
/** A fresh, editable copy of a valid level. */
const level = (): Json => JSON.parse(text) as Json;

/** Every error of a call that must throw InputErrors, as "path: message". */
function errorsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    return error.errors.map((e) => ({ path: e.path, message: e.message }));
  }
  throw new Error('expected the input to be refused');
}

function refusal(edit: (doc: Json) => void): { path: string; message: string }[] {
  const doc = level();
  edit(doc);
  return errorsOf(() => parseLevel(doc, 'levels/broken.json'));
}

describe('parseLevel', () => {
  it('accepts a valid level, frozen, without the editor-only $schema', () => {
    const parsed = parseLevel(level(), 'levels/hello-gather.json');
    expect(parsed.id).toBe('hello-gather');
    expect('$schema' in parsed).toBe(false);
    expect(Object.isFrozen(parsed.reference.nodes[0])).toBe(true);
  });

  it('does not share objects with its input', () => {
    const input = level();
    const parsed = parseLevel(input, 'x');
    input.workload.streams[0].count = 1000;
    expect(parsed.workload.streams[0]!.count).toBe(3);
  });

  it.each<[string, string, (doc: Json) => void, RegExp]>([
    [
      'a wrong type',
      '/workload/streams/0/count',
      (d) => (d.workload.streams[0].count = 'three'),
      /expected integer/,
    ],
    ['a missing field', '/machine', (d) => delete d.machine.cores, /required property "cores"/],
    [
      'a misspelt field',
      '/steps/0/colour',
      (d) => (d.steps[0].colour = 'red'),
      /unexpected property "colour"/,
    ],
    [
      'a bad duration',
      '/steps/0/ops/0/io',
      (d) => (d.steps[0].ops[0].io = '1 sec'),
      /expected a duration/,
    ],
    ['a bad size', '/machine/memory', (d) => (d.machine.memory = '64 megs'), /expected a size/],
    [
      'a duration beyond the engine',
      '/steps/0/ops/0/io',
      (d) => (d.steps[0].ops[0].io = '10000h'),
      /longer than 400 days/,
    ],
    [
      'an unknown op',
      '/steps/0/ops/0',
      (d) => (d.steps[0].ops[0] = { sleep: '1s' }),
      /expected an op/,
    ],
    [
      'a reversed uniform time',
      '/steps/0/ops/0/io/uniform',
      (d) => (d.steps[0].ops[0].io = { uniform: ['2s', '1s'] }),
      /upper bound is below the lower bound/,
    ],
    [
      'an unknown step in a recipe',
      '/workload/streams/0/recipe/0',
      (d) => (d.workload.streams[0].recipe = ['cuont']),
      /no step "cuont" in \/steps/,
    ],
    [
      'a call to an unknown service',
      '/steps/0/ops/0/call',
      (d) => (d.steps[0].ops[0] = { call: 'api' }),
      /no service "api"/,
    ],
    [
      'a step id used twice',
      '/steps/1/id',
      (d) => d.steps.push({ ...d.steps[0] }),
      /step id "count" is already used at \/steps\/0/,
    ],
    [
      'an unknown goal metric',
      '/goals/0/metric',
      (d) => (d.goals[0] = { metric: 'speed', max: '1s' }),
      /unknown metric "speed": expected one of makespan/,
    ],
    [
      'an unknown node type in the palette',
      '/palette/gatherEverything',
      (d) => (d.palette.gatherEverything = {}),
      /expected one of "source"/,
    ],
    [
      'a palette limit on a parameter the node lacks',
      '/palette/queue/limits/threads',
      (d) => (d.palette.queue = { limits: { threads: 4 } }),
      /has no number "threads": it has capacity, workers/,
    ],
    [
      'par tiers that get easier',
      '/par/gold/makespan',
      (d) => (d.par.gold.makespan = '2s'),
      /gold must ask at least as much as silver/,
    ],
    [
      'a contract that requires itself',
      '/requires/0',
      (d) => (d.requires = ['hello-gather']),
      /cannot require itself/,
    ],
    ['a newer format version', '/version', (d) => (d.version = 2), /newer than this game reads/],
    [
      'a reference for another contract',
      '/reference/level/id',
      (d) => (d.reference.level.id = 'chess-exhibition'),
      /for "chess-exhibition", not "hello-gather"/,
    ],
    [
      'a naive solution made for an older revision',
      '/naive/0/level/revision',
      (d) => (d.revision = 2),
      /made for revision 1 of "hello-gather", which is now at revision 2/,
    ],
    [
      'a step node naming an unknown step',
      '/naive/0/nodes/1/params/step',
      (d) => (d.naive[0].nodes[1].params.step = 'sleep'),
      /no step "sleep" in contract "hello-gather"/,
    ],
    [
      'a wire to a node that does not exist',
      '/reference/connections/1/to',
      (d) => (d.reference.connections[1].to = 'sunk'),
      /no node "sunk"/,
    ],
    [
      'a node in a container that does not exist',
      '/reference/nodes/2/parent',
      (d) => (d.reference.nodes[2].parent = 'taks'),
      /no node "taks" to sit in/,
    ],
    [
      'a node parameter out of range',
      '/reference/nodes/4/params/workers',
      (d) =>
        d.reference.nodes.push({
          id: 'q',
          type: 'queue',
          params: { capacity: 4, workers: 0, whenFull: 'block' },
          position: { x: 0, y: 0 },
        }),
      /expected a number >= 1/,
    ],
    [
      'a solution of a newer format inside the level',
      '/naive/0/version',
      (d) => (d.naive[0].version = 7),
      /newer than this game reads/,
    ],
  ])('refuses %s, naming %s', (_what, path, edit, message) => {
    const errors = refusal(edit);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
    expect(hit!.message.startsWith(`levels/broken.json ${path}:`)).toBe(true);
  });

  it('reports every problem of a file at once', () => {
    const errors = refusal((d) => {
      d.workload.streams[0].count = 0;
      d.steps[0].ops[0].io = 'soon';
      d.goals[1].max = 5;
    });
    expect(errors.map((e) => e.path).sort()).toEqual([
      '/goals/1/max',
      '/steps/0/ops/0/io',
      '/workload/streams/0/count',
    ]);
  });

  it('refuses what is not a level at all', () => {
    expect(errorsOf(() => parseLevel('hello', 'x'))[0]!.path).toBe('');
    expect(
      errorsOf(() => parseLevel({ kind: 'loopwork/solution', version: 1 }, 'x'))[0],
    ).toMatchObject({
      path: '/kind',
      message: expect.stringMatching(/this is a solution, not a level/),
    });
    const cyclic: Json = level();
    cyclic.self = cyclic;
    expect(errorsOf(() => parseLevel(cyclic, 'x'))[0]!.message).toMatch(/not plain JSON/);
  });
});

describe('parseSolution', () => {
  const hello = parseLevel(level(), 'levels/hello-gather.json');
  const solution = (): Json => ({ $schema: './schema/solution.schema.json', ...level().reference });

  it('accepts a wiring on its own and for its level', () => {
    expect(parseSolution(solution(), 'link').nodes).toHaveLength(4);
    expect('$schema' in parseSolution(solution(), 'link', hello)).toBe(false);
  });

  it('accepts an unfinished wiring: the engine names those problems on the nodes', () => {
    const unfinished = solution();
    unfinished.nodes = unfinished.nodes.filter((n: Json) => n.type !== 'sink');
    unfinished.connections = [];
    expect(parseSolution(unfinished, 'save', hello).nodes).toHaveLength(3);
  });

  it.each<[string, string, (doc: Json) => void, RegExp]>([
    ['another level', '/level/id', (d) => (d.level.id = 'chess-exhibition'), /not "hello-gather"/],
    [
      'a route port for a kind the level lacks',
      '/connections/2/fromPort',
      (d) => d.connections.push({ from: 'source', fromPort: 'kind:photo', to: 'sink' }),
      /no job kind "photo"/,
    ],
    [
      'two nodes with one id',
      '/nodes/4/id',
      (d) => d.nodes.push({ ...d.nodes[0] }),
      /node id "source" is already used/,
    ],
    [
      'an unknown node type',
      '/nodes/1/type',
      (d) => (d.nodes[1].type = 'gatherEverything'),
      /expected one of "source", "sink"/,
    ],
    [
      'a timeout of zero',
      '/nodes/4/params/after',
      (d) =>
        d.nodes.push({
          id: 't',
          type: 'timeout',
          params: { after: '0s' },
          position: { x: 0, y: 0 },
        }),
      /After must be from 1us to 24h/,
    ],
    [
      'a bad port name',
      '/connections/0/fromPort',
      (d) => (d.connections[0].fromPort = 'output'),
      /expected an output port/,
    ],
  ])('refuses %s, naming %s', (_what, path, edit, message) => {
    const doc = solution();
    edit(doc);
    const errors = errorsOf(() => parseSolution(doc, 'link', hello));
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });
});
