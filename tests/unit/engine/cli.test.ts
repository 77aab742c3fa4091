/** The score command as authors and checks use it: JSON out, exit codes 0 / 1 / 2. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function score(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['tsx', 'src/cli/score.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopwork-score-'));
  const level = JSON.parse(readFileSync(join(ROOT, 'levels/hello-gather.json'), 'utf8')) as {
    naive: unknown[];
  };

  it('scores the reference solution and exits 0 when every goal is met', () => {
    const { code, stdout } = score('levels/hello-gather.json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      metrics: { makespanUs: number };
      verdict: { passed: boolean };
    };
    expect(report.metrics.makespanUs).toBe(1_000_000);
    expect(report.verdict.passed).toBe(true);
  });

  it('exits 1 for a solution that misses a goal', () => {
    const file = join(dir, 'naive.json');
    writeFileSync(file, JSON.stringify(level.naive[0]));
    const { code, stdout } = score('levels/hello-gather.json', file);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).metrics.makespanUs).toBe(3_000_000);
  });

  it('exits 2 naming the file and the JSON path of bad input', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"kind": "loopwork/solution", "version": 1, "nodes": 3}');
    const broken = score('levels/hello-gather.json', file);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json');
    expect(broken.stderr).toMatch(/\/nodes|\/level/);
    const missing = score(join(dir, 'nothing-here.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read it/);
  });

  it('exits 2 for a wiring that cannot run, naming the node', () => {
    const file = join(dir, 'unwired.json');
    const solution = JSON.parse(JSON.stringify(level.naive[0])) as { connections: unknown[] };
    solution.connections = [];
    writeFileSync(file, JSON.stringify(solution));
    const { code, stderr } = score('levels/hello-gather.json', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/node "/);
  });
});
