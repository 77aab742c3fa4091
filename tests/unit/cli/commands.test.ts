/**
 * What every command does with its output and its input: all of it reaches a pipe, problems
 * are capped with a summary and name their file and JSON path, and a byte-order mark is
 * read like any other file start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PRINTED_PROBLEMS } from '../../../src/cli/io';
import { MAX_NESTING } from '../../../src/model/depth';
import { MAX_REPORTED_ERRORS } from '../../../src/model/errors';

const root = new URL('../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'commands-'));

function command(script: string, ...args: string[]) {
  const run = spawnSync(tsx, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const errLines = (err: string): string[] => err.trimEnd().split('\n');
const hello = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'levels/hello-gather.json'), 'utf8')) as Record<
    string,
    unknown
  >;

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('a command piped into another', () => {
  it('delivers every line it printed, and its exit code', () => {
    const { code, out } = command('tests/unit/cli/fixtures/manyLines.ts', '1000000');
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(1_000_000);
    expect(lines.at(-1)).toBe('line 999999');
  }, 120_000);
});

describe('problems in a file', () => {
  it('are capped with a summary line, each naming the file', () => {
    const file = write('huge.json', JSON.stringify({ ...hello(), requires: Array(1e6).fill(7) }));
    const { code, err } = command('src/cli/level.ts', 'check', file);
    expect(code).toBe(2);
    const lines = errLines(err);
    expect(lines.length).toBeLessThanOrEqual(MAX_PRINTED_PROBLEMS + 1);
    expect(lines[0]).toBe(`${file} /requires/0: expected string`);
    expect(lines.slice(0, MAX_REPORTED_ERRORS).every((l) => l.startsWith(`${file} /`))).toBe(true);
    expect(lines.at(-1)).toBe(
      `… and ${1e6 - MAX_REPORTED_ERRORS} more problems (the first ${MAX_REPORTED_ERRORS} are above)`,
    );
  }, 120_000);

  it('are capped across files too', () => {
    const files = Array.from({ length: 10 }, (_, i) =>
      write(`bad-${i}.json`, JSON.stringify({ ...hello(), requires: Array(30).fill(7) })),
    );
    const { code, err } = command('src/cli/level.ts', 'check', ...files);
    expect(code).toBe(2);
    const lines = errLines(err);
    expect(lines).toHaveLength(MAX_PRINTED_PROBLEMS + 1);
    expect(lines.at(-1)).toBe(
      `… and ${10 * 30 - MAX_PRINTED_PROBLEMS} more problems (the first ${MAX_PRINTED_PROBLEMS} are above)`,
    );
  }, 120_000);

  it('name the file when the engine refuses a step that unrolls too far', () => {
    const level = hello();
    const steps = level.steps as { ops: unknown[] }[];
    (steps[0] as { ops: unknown[] }).ops = [
      { repeat: 200, ops: [{ repeat: 200, ops: [{ cpu: '1ms' }] }] },
    ];
    const file = write('long-step.json', JSON.stringify(level));
    const { code, err } = command('src/cli/score.ts', file);
    expect(code).toBe(2);
    expect(err).toContain(`${file} /steps/0/ops: unrolls to more than`);
    expect(err).not.toMatch(/^level /m);
  }, 60_000);

  it('refuse repeats nested 1,000 deep with the limit and path, exit code 2', () => {
    const file = join(root, 'tests/unit/model/repro/level-repeat-nested-1000.json');
    const { code, err } = command('src/cli/score.ts', file);
    expect(code).toBe(2);
    expect(errLines(err)).toHaveLength(1);
    expect(err).toMatch(
      new RegExp(`^${file} /steps/0/ops/0/.*: nests deeper than ${MAX_NESTING} levels`),
    );
  }, 60_000);

  it('never echo the whole input back', () => {
    const file = write('junk.json', `{"kind": ${'x'.repeat(100_000)}}`);
    const { code, err } = command('src/cli/score.ts', file);
    expect(code).toBe(2);
    expect(err.length).toBeLessThan(1_000);
  }, 60_000);
});

describe('a file that starts with a byte-order mark', () => {
  it('is read like any other', () => {
    const file = write('bom.json', `\uFEFF${JSON.stringify(hello())}`);
    const { code, out } = command('src/cli/score.ts', file);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ level: 'hello-gather' });
  }, 60_000);
});
