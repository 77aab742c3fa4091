/**
 * The exported program draws its random times and places its arrivals itself; these must
 * be the engine's to the last microsecond, or the program would do a different contract.
 */
import { describe, expect, it } from 'vitest';
import { compileLevel } from '../../../src/engine/compileLevel';
import { draw, Purpose } from '../../../src/engine/random';
import { drawTime, opKey, rerunKey } from '../../../src/engine/sim/draws';
import { Jobs } from '../../../src/engine/sim/jobs';
import { exportPython } from '../../../src/python/exportPython';
import { jobs, makeLevel, step, wire } from '../engine/build';
import { runSnippet } from '../../../src/cli/python/run';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A seed above 2^32 exercises the hash's high half.
const SEED = 2 ** 40 + 12345;

const level = makeLevel({
  seed: SEED,
  steps: [
    step(
      'fetch',
      { io: { exponential: '300ms' }, label: 'io' },
      { cpu: { uniform: ['1ms', '9ms'] }, label: 'cpu' },
    ),
    {
      id: 'tile',
      label: 'tile',
      perPart: true,
      ops: [
        {
          repeat: 3,
          ops: [{ cpu: { exponential: '2ms' } }, { io: { uniform: ['10ms', '30ms'] } }],
        },
      ],
    },
  ],
  streams: [
    jobs(40, ['fetch'], { kind: 'a', arrival: { type: 'poisson', perSecond: 7.3, start: '1s' } }),
    jobs(30, ['fetch'], {
      kind: 'b',
      arrival: { type: 'bursts', size: 7, every: '2s', spread: '333ms' },
    }),
    jobs(20, ['fetch'], {
      kind: 'c',
      arrival: { type: 'interval', every: '150ms', start: '20ms' },
    }),
    jobs(10, ['tile'], {
      kind: 'd',
      arrival: { type: 'atOnce', at: '3s' },
      parts: 4,
      payload: '3KB',
    }),
  ],
});

/** Imports the exported program as a module (its main guard keeps it from running) and runs `driver`. */
async function withProgram(driver: string): Promise<string> {
  const program = exportPython(level, wire(level, ['step:fetch', ['fanOut', {}, ['step:tile']]]));
  expect(program.issues).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), 'loopwork-draws-'));
  try {
    writeFileSync(join(dir, 'program.py'), program.source);
    return await runSnippet(
      `import sys\nsys.path.insert(0, ${JSON.stringify(dir)})\nimport program\n${driver}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the exported program and the engine draw alike', () => {
  it('places every arrival where the engine does, kinds and ties included', async () => {
    const spec = compileLevel(level);
    const engine = new Jobs(spec);
    const out = await withProgram(
      'import json\nprint(json.dumps([[round(j.arrival * 1e6), j.kind, j.payload, j.parts] for j in program.make_jobs()]))',
    );
    const python = JSON.parse(out) as [number, string, number, number][];
    expect(python).toHaveLength(engine.count);
    python.forEach(([arrival, kind, payload, parts], job) => {
      expect(arrival).toBe(engine.arrival[job]);
      expect(kind).toBe(spec.kinds[engine.kind[job] as number]);
      expect(payload).toBe(engine.payloadOf(job));
      expect(parts).toBe(engine.partsOf(job));
    });
  });

  it('draws the same uniforms and the same op times for every key', async () => {
    const spec = compileLevel(level);
    const keys: [number, number, number, number][] = [];
    for (let i = 0; i < 300; i++)
      keys.push([1 + (i % 5), i * 7919, (i * 104729) % 2 ** 31, i % 13]);
    const ops: { job: number; step: number; op: number; part: number; reruns: number }[] = [];
    for (let job = 0; job < 30; job++)
      for (const [step, op] of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
        [1, 4],
        [1, 5],
      ] as const)
        ops.push({ job, step, op, part: step === 1 ? job % 4 : -1, reruns: job % 3 });
    const out = await withProgram(`
import json
keys = json.loads(${JSON.stringify(JSON.stringify(keys))})
ops = json.loads(${JSON.stringify(JSON.stringify(ops))})
dists = {(0, 0): ("exponential", 300000), (0, 1): ("uniform", 1000, 9000)}
def dist(step, op):
    return dists.get((step, op)) or (("exponential", 2000) if op % 2 == 0 else ("uniform", 10000, 30000))
def op_time(o):
    job = program.Job(o["job"], "x", 0.0, reruns=o["reruns"])
    key, rerun = program.op_key(job, o["step"], o["op"], o["part"])
    return program.time_of(dist(o["step"], o["op"]), 2, job.id, key, rerun)
print(json.dumps({"draws": [program.uniform_draw(*k) for k in keys], "times": [op_time(o) for o in ops]}))
`);
    const python = JSON.parse(out) as { draws: number[]; times: number[] };
    keys.forEach(([purpose, a, b, c], i) =>
      expect(python.draws[i]).toBe(draw(SEED, purpose as Purpose, a, b, c)),
    );
    ops.forEach((o, i) => {
      const time = spec.steps[o.step]!.ops[o.op]!.time;
      const expected = drawTime(
        time,
        SEED,
        Purpose.Duration,
        o.job,
        opKey(o.step, o.op),
        rerunKey(o.part, o.reruns),
      );
      expect(python.times[i]).toBe(expected);
    });
  });

  it('runs each op of a step for the time the engine gives it, inside repeats and parts', async () => {
    const spec = compileLevel(level);
    const out = await withProgram(`
import asyncio, json, types
seen = []
async def sleep(seconds):
    seen.append(seconds)
program.SCALE = 1
program.burn_cpu = seen.append
program.asyncio = types.SimpleNamespace(sleep=sleep)
runs = []
for n in range(12):
    job = program.Job(n, "x", 0.0, parts=4, reruns=n % 2)
    seen.clear()
    asyncio.run(program.fetch(job))
    runs.append({"job": n, "step": 0, "part": -1, "reruns": n % 2, "times": list(seen)})
    seen.clear()
    asyncio.run(program.tile(job, n % 4))
    runs.append({"job": n, "step": 1, "part": n % 4, "reruns": n % 2, "times": list(seen)})
print(json.dumps(runs))
`);
    const runs = JSON.parse(out) as {
      job: number;
      step: number;
      part: number;
      reruns: number;
      times: number[];
    }[];
    expect(runs).toHaveLength(24);
    for (const run of runs) {
      const expected = spec.steps[run.step]!.ops.map((op, index) =>
        drawTime(
          op.time,
          SEED,
          Purpose.Duration,
          run.job,
          opKey(run.step, index),
          rerunKey(run.part, run.reruns),
        ),
      );
      expect(run.times.map((s) => Math.round(s * 1e6))).toEqual(expected);
    }
  });
});
