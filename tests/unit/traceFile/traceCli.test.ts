/** `npm run trace`: a wiring's run as a trace file on stdout or in a file, and clean refusals. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function trace(...args: string[]) {
  const run = spawnSync(tsx, ['src/cli/trace.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

interface File {
  traceEvents: { ph: string; name: string; args: { name?: string } }[];
  otherData: Record<string, string>;
}

describe('npm run trace', () => {
  it('prints the reference run of a contract as a trace file', () => {
    const { code, out } = trace('levels/hello-gather.json');
    expect(code).toBe(0);
    const file = JSON.parse(out) as File;
    const level = JSON.parse(readFileSync(join(root, 'levels/hello-gather.json'), 'utf8')) as {
      title: string;
      reference: { name: string };
    };
    expect(file.otherData).toMatchObject({ contract: level.title, solution: level.reference.name });
    expect(file.traceEvents.some((e) => e.ph === 'M' && e.args.name === 'event loop')).toBe(true);
    expect(file.traceEvents.filter((e) => e.ph === 'b').length).toBeGreaterThan(0);
  }, 60_000);

  it('writes it to the file --out names', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'trace-cli-')), 'run.json');
    const { code, err } = trace('levels/convoy.json', '--out', out);
    expect(code).toBe(0);
    expect(err).toContain(out);
    const file = JSON.parse(readFileSync(out, 'utf8')) as File;
    expect(file.traceEvents.some((e) => e.ph === 'M' && e.args.name === 'worker process 1')).toBe(
      true,
    );
  }, 60_000);

  it('refuses a missing file and an unknown option with exit 2 and a reason', () => {
    expect(trace('no-such-level.json')).toMatchObject({ code: 2, out: '' });
    expect(trace('no-such-level.json').err).toContain('no-such-level.json');
    const bad = trace('levels/convoy.json', '--fast');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown option --fast');
  }, 60_000);
});
