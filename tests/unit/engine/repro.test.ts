/**
 * Inputs that once crashed, hung or exhausted the engine (repro/, each file says what it
 * was): each now ends in a clean verdict or a refusal that names the field and the limit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import { MAX_WORK_OPS } from '../../../src/engine/compileLevel';
import { simulate } from '../../../src/engine/simulate';
import { InputErrors } from '../../../src/model/errors';
import type { Level } from '../../../src/model/level';
import { parseLevel, parseSolution } from '../../../src/model/load';
import type { Solution } from '../../../src/model/solution';

interface Repro {
  readonly level: Level;
  readonly solution: Solution;
}

function repro(name: string): Repro {
  const file = JSON.parse(readFileSync(new URL(`./repro/${name}`, import.meta.url), 'utf8')) as {
    case: { level: Level; solution: Solution | 'reference' };
  };
  const { level, solution } = file.case;
  return { level, solution: solution === 'reference' ? level.reference : solution };
}

function issuesOf({ level, solution }: Repro): string[] {
  const result = simulate(level, solution, { trace: false });
  if (result.ok) throw new Error('expected the wiring to be refused');
  return result.issues.map((i) => (i.node === undefined ? i.message : `${i.node}: ${i.message}`));
}

function refusalOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    return error.errors.map((e) => `${e.path}: ${e.detail}`);
  }
  throw new Error('expected the input to be refused');
}

describe('wirings with holes in them are refused, each hole named', () => {
  it.each([
    ['engine-crash-30bbba7a4c3d08bc.json', "the wiring's nodes must be a list"],
    ['engine-crash-5ea5adef0fb9167b.json', "the wiring's connections must be a list"],
    ['engine-crash-82e5f3b9eae50426.json', 'node 1 of the wiring is not a node'],
    [
      'engine-crash-869a05034b28783b.json',
      'wire 1 of the wiring does not name two nodes and a port',
    ],
    [
      'engine-crash-eb24d88388b656c8.json',
      'wire 1 of the wiring does not name two nodes and a port',
    ],
  ])('%s: %s', (name, message) => {
    expect(issuesOf(repro(name))).toContain(message);
  });

  it('reads null parameters as none given: each missing one is named on its node', () => {
    expect(issuesOf(repro('engine-crash-4e2ff6a21822dcd8.json'))).toContain(
      'time9: After must be a duration like "2s"',
    );
    expect(issuesOf(repro('engine-crash-53da3130b0c40194.json'))).toContain(
      "render: Step must name one of this contract's steps",
    );
  });
});

describe('sizes the simulated machine cannot hold', () => {
  it('refuses 24 games of 10,000 parts up front, naming the parts and the limit', () => {
    const { level, solution } = repro('engine-hang-e3ccbe1f95156325.json');
    expect(refusalOf(() => simulate(level, solution))).toEqual([
      `/workload/streams/0/parts: the jobs would run 14400000 ops in all (jobs × parts × the ops of their steps): at most ${MAX_WORK_OPS}`,
    ]);
  });

  it('refuses the same contract when it is opened from a link, before any run', () => {
    const { level } = repro('engine-hang-e3ccbe1f95156325.json');
    // The reproducer holds what simulate received; a link adds the header the loader needs.
    const header = { kind: 'loopwork/level', version: 1, id: 'chess-exhibition', revision: 1 };
    const asSent = { ...level, ...header, title: 'Chess' };
    expect(refusalOf(() => parseLevel(asSent, 'link'))).toEqual([
      `/workload/streams/0/parts: the jobs would run 14400000 ops in all (jobs × parts × the ops of their steps): at most ${MAX_WORK_OPS}`,
    ]);
  });

  it('refuses 10^7 jobs, from a link and handed straight to the engine, naming the limit', () => {
    const { level } = repro('engine-photo-resize-100000-processes.json');
    const streams = level.workload.streams.map((s) => ({ ...s, count: 10_000_000 }));
    const huge = { ...level, workload: { streams } };
    expect(refusalOf(() => parseLevel(huge, 'link'))).toEqual([
      '/workload/streams/0/count: expected a number <= 5000000',
    ]);
    expect(refusalOf(() => simulate(huge, huge.reference))).toEqual([
      '/workload/streams: more than 5000000 jobs in all',
    ]);
  });

  const TOO_MANY_PROCESSES =
    'Processes can be at most 64: each process is a whole Python interpreter, and past the cores they only take turns';
  /** The reproducer with its Process pools set to `workers`. */
  function withProcesses({ level, solution }: Repro, workers: number): Repro {
    const nodes = solution.nodes.map((n) =>
      n.type === 'processPool' ? { ...n, params: { ...n.params, workers } } : n,
    );
    return { level, solution: { ...solution, nodes } as Solution };
  }
  const poolOf = ({ solution }: Repro): string =>
    solution.nodes.find((n) => n.type === 'processPool')!.id;

  it.each(['engine-photo-resize-100000-processes.json', 'engine-oom-a66fc9efe0ffa136.json'])(
    '%s: 100,000 worker processes are refused on their node before any starts',
    (name) => {
      const found = repro(name);
      expect(issuesOf(found)).toContain(`${poolOf(found)}: ${TOO_MANY_PROCESSES}`);
    },
  );

  it.each([
    ['engine-photo-resize-100000-processes.json', '1 GB', 1024],
    ['engine-oom-a66fc9efe0ffa136.json', '512 MB', 512],
  ])(
    '%s: as many processes as the limit allows run out of the machine’s %s',
    (name, memory, megabytes) => {
      const { level, solution } = withProcesses(repro(name), 64);
      const result = simulate(level, solution);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      expect(result.verdict.outcome).toBe('outOfMemory');
      expect(result.verdict.problems[0]).toBe(
        `Out of memory: the program needed more than the machine's ${memory}.`,
      );
      // The run ends with the first process that does not fit (40 MB each).
      expect(result.metrics.processes).toBeLessThanOrEqual(Math.ceil(megabytes / 40));
    },
  );

  it('the 100,000 processes of photo-resize are refused by the loader, naming the node and field', () => {
    const found = repro('engine-photo-resize-100000-processes.json');
    const loaded = parseLevel(found.level, 'photo-resize.json');
    const at = found.solution.nodes.findIndex((n) => n.type === 'processPool');
    expect(refusalOf(() => parseSolution(found.solution, 'save', loaded))).toEqual([
      `/nodes/${at}/params/workers: Process pool "${poolOf(found)}": ${TOO_MANY_PROCESSES}`,
    ]);
  });

  it('refuses repeats nested 1,000 deep handed straight to the engine', () => {
    const level = JSON.parse(
      readFileSync(
        new URL('../model/repro/level-repeat-nested-1000.json', import.meta.url),
        'utf8',
      ),
    ) as Level;
    expect(refusalOf(() => simulate(level, level.reference))).toEqual([
      '/steps/0/ops: unrolls to more than 10000 ops',
    ]);
  });
});

describe('counterexamples the property tests shrank to (properties.test.ts)', () => {
  const hello = loadCampaign().find((l) => l.id === 'hello-gather')!;

  it('a wiring whose one wire is null', () => {
    const solution = { ...hello.reference, nodes: [], connections: [null] } as unknown as Solution;
    expect(issuesOf({ level: hello, solution })).toContain(
      'wire 1 of the wiring does not name two nodes and a port',
    );
  });

  it('hello-gather’s reference with its Tasks node replaced by null', () => {
    const nodes = hello.reference.nodes.map((n) => (n.type === 'tasks' ? null : n));
    const solution = { ...hello.reference, nodes } as unknown as Solution;
    expect(issuesOf({ level: hello, solution })).toEqual([
      'node 2 of the wiring is not a node',
      'count: sits in a container "tasks" that does not exist',
      'source: a wire joins a node that does not exist ("tasks")',
      'sink: a wire joins a node that does not exist ("tasks")',
      'source: its output goes nowhere: wire it on, to the Sink in the end',
      'count: never runs: no wire leads here',
    ]);
  });
});
