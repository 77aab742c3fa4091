/**
 * A machine profile (`npm run calibrate`) read through its schema, and taken by the
 * engine in place of a contract's process costs: `simulate(…, { profile })` and
 * `npm run score -- --profile`. `npm run fidelity` without a profile says how to make one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { parseProfile } from '../../../src/model/profile';
import { cpu, jobs, makeLevel, step, wire } from '../engine/build';

const root = new URL('../../../', import.meta.url).pathname;
const fixture = join(root, 'tests/unit/cli/fixtures/machine-profile.json');
const json = (): Record<string, unknown> =>
  JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>;

function command(script: string, ...args: string[]) {
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [script, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('a machine profile', () => {
  it('is read through its schema, which names what is wrong and where', () => {
    expect(parseProfile(json(), 'machine-profile.json').measured.defaultStartMethod).toBe('fork');
    const bad = json();
    (bad.machine as { process: Record<string, unknown> }).process.picklePerMB = 'fast';
    expect(() => parseProfile(bad, 'mine.json')).toThrow(
      /mine\.json.*\/machine\/process\/picklePerMB/s,
    );
    expect(() => parseProfile({ ...json(), extra: 1 }, 'mine.json')).toThrow(/extra/);
  });

  it("replaces a contract's process costs in the engine's prediction", () => {
    const level = makeLevel({
      cores: 2,
      steps: [step('crunch', cpu('10ms'))],
      streams: [jobs(20, ['crunch'], { payload: '10MB' })],
    });
    const solution = wire(level, [
      ['tasks', {}, [['processPool', { workers: 1 }, ['step:crunch']]]],
    ]);
    const profile = parseProfile(json(), 'machine-profile.json');
    const level10 = simulate(level, solution, { trace: false });
    const mine = simulate(level, solution, { trace: false, profile });
    if (!level10.ok || !mine.ok) throw new Error('the wiring must run');
    // The contract pickles at 10 ms per MB, the profiled machine at about 5: faster here.
    expect(mine.metrics.makespanUs).toBeLessThan(level10.metrics.makespanUs * 0.8);
  });

  it('is taken by npm run score -- --profile, and named in its output', () => {
    const run = command('src/cli/score.ts', 'levels/the-pipeline.json', '--profile', fixture);
    expect(run.err).toBe('');
    const out = JSON.parse(run.out) as { profile: string; metrics: { makespanUs: number } };
    expect(out.profile).toBe('a two-core test machine');
    const plain = JSON.parse(
      command('src/cli/score.ts', 'levels/the-pipeline.json').out,
    ) as typeof out;
    expect(out.metrics.makespanUs).not.toBe(plain.metrics.makespanUs);
  });

  it('is asked for by npm run fidelity when there is none', () => {
    const run = command('src/cli/fidelity.ts', '--profile', join(root, 'no-such-profile.json'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('npm run calibrate');
  });
});
