/**
 * The exported program as a program: it parses, it maps back to the wiring's nodes, it
 * keeps untrusted text out of the code, and a wiring with every construct runs under
 * python3 and ends each job the way the engine does.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import { compileLevel } from '../../../src/engine/compileLevel';
import { compileWiring } from '../../../src/engine/compileWiring';
import { simulate } from '../../../src/engine/simulate';
import type { Level } from '../../../src/model/level';
import { exportPython, suggestScale } from '../../../src/python/exportPython';
import { cpu, io, jobs, makeLevel, step, wire } from '../engine/build';
import { runProgram, runSnippet } from '../../../src/cli/python/run';

const dir = mkdtempSync(join(tmpdir(), 'loopwork-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parses programs with Python's own parser; returns, per program, the names it calls and defines. */
async function parse(
  sources: readonly string[],
): Promise<{ error: string | null; names: string[]; defs: string[] }[]> {
  const files = sources.map((source, i) => {
    const file = join(dir, `parse-${i}.py`);
    writeFileSync(file, source);
    return file;
  });
  const out = await runSnippet(`
import ast, json
results = []
for file in ${JSON.stringify(files)}:
    try:
        tree = ast.parse(open(file, encoding="utf-8").read())
        compile(tree, file, "exec")
        results.append({
            "error": None,
            "names": sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}),
            "defs": [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))],
        })
    except SyntaxError as error:
        results.append({"error": f"{error.msg} at line {error.lineno}", "names": [], "defs": []})
print(json.dumps(results))
`);
  return JSON.parse(out) as { error: string | null; names: string[]; defs: string[] }[];
}

describe('the exported program', () => {
  it('of every shipped contract parses, and every node of the wiring has its lines', async () => {
    const campaign = loadCampaign();
    const programs = campaign.map((level) => exportPython(level, level.reference, { scale: 0.1 }));
    const parsed = await parse(programs.map((p) => p.source));
    campaign.forEach((level, i) => {
      const program = programs[i]!;
      expect(program.issues, level.id).toEqual([]);
      expect(parsed[i]!.error, level.id).toBeNull();
      expect(program.source).toBe(program.lines.map((l) => l.text).join('\n') + '\n');
      const { program: compiled } = compileWiring(level.reference, level, compileLevel(level));
      for (const node of level.reference.nodes) {
        if (compiled!.contexts[node.id] === undefined && node.type !== 'sink') continue;
        const lines = program.nodeLines[node.id] ?? [];
        expect(lines.length, `${level.id}: node ${node.id}`).toBeGreaterThan(0);
        for (const index of lines) expect(program.lines[index]!.node).toBe(node.id);
      }
    });
  });

  it('of a wiring with mistakes lists them, each on its node, and holds no code', async () => {
    const level = makeLevel({ steps: [step('fetch', io('1s'))], streams: [jobs(3, ['fetch'])] });
    const broken = wire(level, [['threadPool', { workers: 2 }, ['step:fetch']]]);
    const program = exportPython(level, broken);
    expect(program.issues.length).toBeGreaterThan(0);
    const pool = broken.nodes.find((n) => n.type === 'threadPool')!.id;
    expect(program.lines.every((l) => l.text.startsWith('#'))).toBe(true);
    expect(program.lines.some((l) => l.node !== null && program.nodeLines[l.node])).toBe(true);
    expect(program.issues.map((i) => i.node)).toContain(
      program.lines.find((l) => l.node !== null)?.node,
    );
    expect(program.issues.some((i) => i.node === pool || i.node?.startsWith('step'))).toBe(true);
    expect((await parse([program.source]))[0]!.error).toBeNull();
  });

  it('gives steps whose ids are keywords, builtins or look alike distinct, valid names', async () => {
    const ids = ['class', 'print', 'fetch-page', 'fetch_page', '2fa', 'main', 'job', 'Été'];
    const level = makeLevel({
      steps: ids.map((id) => step(id, cpu('1ms'))),
      streams: [jobs(2, ids)],
    });
    const program = exportPython(
      level,
      wire(
        level,
        ids.map((id) => `step:${id}`),
      ),
    );
    expect(program.issues).toEqual([]);
    const [parsed] = await parse([program.source]);
    expect(parsed!.error).toBeNull();
    const stepDefs = program.lines
      .filter((l) => /^def /.test(l.text) && l.node !== null)
      .map((l) => /^def (\w+)\(/.exec(l.text)![1]!);
    expect(stepDefs).toHaveLength(ids.length);
    expect(new Set(stepDefs).size).toBe(ids.length);
    for (const name of stepDefs) expect(['class', 'print', 'main', 'job']).not.toContain(name);
    // Each name is defined once in the whole program: no step shadows a helper.
    for (const name of stepDefs) expect(parsed!.defs.filter((d) => d === name)).toHaveLength(1);
  });

  it('keeps untrusted text in comments and strings, never in code', async () => {
    const hostile = fc
      .array(
        fc.oneof(
          fc.string(),
          fc.constantFrom('\n', '\r', '\u2028', '\u0000', '"""', "'''", '\\', '#', '"', "'", '{}'),
        ),
        { maxLength: 8 },
      )
      .map((parts) => `${parts.join('')}\nevil_code()\n"""\nevil_code()`);
    const samples = fc.sample(fc.tuple(hostile, hostile, hostile, hostile, hostile), {
      numRuns: 25,
      seed: 7,
    });
    const sources = samples.map(([title, label, kind, lockName, name]) => {
      const level: Level = {
        ...makeLevel({
          steps: [{ id: 'fetch', label, ops: [{ io: '1ms', label }] }],
          streams: [jobs(2, ['fetch'], { kind })],
          services: [{ id: 'api', label: title, latency: '1ms' }],
        }),
        title,
      };
      const solution = {
        ...wire(level, [['lock', { name: 'A' }, ['step:fetch']]]),
        name,
      };
      // Lock names are checked by the wiring's rules; the rest reaches the program as written.
      void lockName;
      const program = exportPython(level, solution);
      expect(program.issues).toEqual([]);
      return program.source;
    });
    const parsed = await parse(sources);
    for (const result of parsed) {
      expect(result.error).toBeNull();
      expect(result.names).not.toContain('evil_code');
    }
  });

  it('with every construct runs under python3 and ends each job as the engine does', async () => {
    const level = makeLevel({
      seed: 11,
      services: [{ id: 'bank', label: 'bank', latency: '20ms', failRate: 0.4 }],
      steps: [
        step('charge', { call: 'bank', label: 'charge' }),
        {
          id: 'post',
          label: 'post',
          ops: [{ update: 'balance', ops: [cpu('1ms'), io('2ms', 'blocking')] }],
        },
        { id: 'tile', label: 'tile', perPart: true, ops: [{ io: '10ms' }] },
        step('slow', io('200ms')),
        step('crunch', cpu('5ms')),
        step('nap', io('50ms')),
      ],
      streams: [
        jobs(20, ['charge'], { kind: 'a' }),
        jobs(10, ['post'], { kind: 'b' }),
        jobs(8, ['tile'], { kind: 'c', parts: 3 }),
        jobs(4, ['slow'], { kind: 'd' }),
        jobs(6, ['crunch'], { kind: 'e', payload: '64KB' }),
        jobs(10, ['nap'], { kind: 'f' }),
      ],
    });
    const solution = wire(level, [
      {
        route: {
          a: [
            [
              'tasks',
              {},
              [
                [
                  'semaphore',
                  { permits: 5 },
                  [['retry', { attempts: 3, backoff: '5ms' }, ['step:charge']]],
                ],
              ],
            ],
          ],
          b: [
            [
              'tasks',
              {},
              [['threadPool', { workers: 3 }, [['lock', { name: 'L' }, ['step:post']]]]],
            ],
          ],
          c: [['tasks', {}, [['fanOut', {}, ['step:tile']]]]],
          d: [['tasks', {}, [['timeout', { after: '50ms' }, ['step:slow']]]]],
          e: [['batch', { size: 4 }, [['processPool', { workers: 2 }, ['step:crunch']]]]],
          f: [['queue', { capacity: 2, workers: 1, whenFull: 'shed' }, ['step:nap']]],
        },
      },
    ]);
    const engine = simulate(level, solution, { trace: false });
    expect(engine.ok).toBe(true);
    if (!engine.ok) return;
    const program = exportPython(level, solution, { scale: 1 });
    expect(program.issues).toEqual([]);
    const { report } = await runProgram(program.source);
    expect(report.jobs).toEqual({
      done: engine.metrics.done,
      failed: engine.metrics.failed,
      lost: engine.metrics.lost,
      unresolved: 0,
    });
    // Every shape of outcome happens here: this is not a test of one lucky path.
    expect(engine.metrics.failed).toBeGreaterThan(4);
    expect(engine.metrics.lost).toBeGreaterThan(0);
    expect(report.lostUpdates).toEqual({ balance: 0 });
  });
});

describe('suggestScale', () => {
  it('picks 1, 2 or 5 times a power of ten that runs the contract in about two seconds', () => {
    expect(suggestScale(1_000_000)).toBe(1);
    expect(suggestScale(3_655_000_000)).toBe(0.0005);
    expect(suggestScale(20_000_000)).toBe(0.1);
    expect(suggestScale(7_000_000)).toBe(0.2);
    expect(suggestScale(0)).toBe(1);
    for (const us of [1, 999, 12_345_678, 4e11]) {
      const scale = suggestScale(us);
      expect((us / 1e6) * scale).toBeLessThanOrEqual(2);
      expect(scale).toBeLessThanOrEqual(1);
    }
  });
});
