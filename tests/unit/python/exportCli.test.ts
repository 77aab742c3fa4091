/** npm run export-py: the program on stdout, exit 2 with a message for input it cannot use. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'loopwork-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exportPy(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['tsx', 'src/cli/exportPy.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const level = JSON.parse(readFileSync(join(ROOT, 'levels/hello-gather.json'), 'utf8')) as {
  reference: { nodes: unknown[] };
  naive: unknown[];
};

describe('npm run export-py', () => {
  it("prints the reference wiring's program, at a scale that runs it in seconds", () => {
    const { code, stdout } = exportPy('levels/chess-exhibition.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^#!\/usr\/bin\/env python3\n/);
    expect(stdout).toContain('tg.create_task(handle(job))');
    // 3,655 s of contract time at 0.0005 real seconds each: under two real seconds.
    expect(stdout).toMatch(/ else 0\.0005\n/);
  });

  it('prints a given solution, at the scale asked for', () => {
    const file = join(dir, 'naive.json');
    writeFileSync(file, JSON.stringify(level.naive[0]));
    const { code, stdout } = exportPy('levels/hello-gather.json', file, '--scale', '0.25');
    expect(code).toBe(0);
    expect(stdout).not.toContain('async with asyncio.TaskGroup()');
    expect(stdout).toMatch(/async for job in arrivals\(\):\n\s+await count\(job\)/);
    expect(stdout).toMatch(/ else 0\.25\n/);
  });

  it('exits 2 with a message for a bad scale, a missing file, or a wiring with mistakes', () => {
    const badScale = exportPy('levels/hello-gather.json', '--scale', '-1');
    expect(badScale.code).toBe(2);
    expect(badScale.stderr).toContain('--scale');
    expect(badScale.stdout).toBe('');

    const missing = exportPy(join(dir, 'nothing-here.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing-here.json');

    const file = join(dir, 'unwired.json');
    const unwired = { ...(level.naive[0] as object), connections: [] };
    writeFileSync(file, JSON.stringify(unwired));
    const broken = exportPy('levels/hello-gather.json', file);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('unwired.json');
    expect(broken.stdout).toBe('');
  });
});
