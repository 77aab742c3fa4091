/** `npm run level`: its exit codes and the messages an author acts on. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function level(...args: string[]): { code: number | null; out: string; err: string } {
  const run = spawnSync(tsx, ['src/cli/level.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const hello = (): Record<string, unknown> & {
  reference: Record<string, unknown> & { level: { id: string } };
  naive: (Record<string, unknown> & { level: { id: string } })[];
} => JSON.parse(readFileSync(join(root, 'levels/hello-gather.json'), 'utf8'));

/** hello-gather under a new id, edited; written to a fresh folder. */
function variant(id: string, edit: (doc: ReturnType<typeof hello>) => void): string {
  const doc = hello();
  doc.id = id;
  doc.chapter = 0;
  doc.order = 0;
  doc.reference.level.id = id;
  for (const n of doc.naive) n.level.id = id;
  edit(doc);
  const file = join(mkdtempSync(join(tmpdir(), 'level-cli-')), `${id}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('npm run level -- check', () => {
  it('passes a good contract and prints its scores (exit 0)', () => {
    const run = level('check', 'levels/hello-gather.json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/hello-gather\s+1 s\s.*gold\s+yes/);
    expect(run.out).toMatch(/naive: await each count in turn\s+3 s\s.*misses makespan/);
  });

  it('fails a contract whose naive solution wins, or whose requirement does not exist (exit 1)', () => {
    const teachesNothing = variant('echo-gather', (d) => {
      d.naive = [{ ...d.reference, name: 'the answer again' }];
    });
    const orphan = variant('lonely-gather', (d) => {
      d.requires = ['no-such-contract'];
    });
    const run = level('check', teachesNothing, orphan);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/naive "the answer again" meets every goal/);
    expect(run.err).toMatch(/lonely-gather: requires "no-such-contract", which no level file has/);
  });

  it('refuses an invalid file, naming the path inside it (exit 2)', () => {
    const broken = variant('broken-gather', (d) => {
      (d.machine as { cores: unknown }).cores = 'two';
    });
    const run = level('check', broken);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${broken} /machine/cores: expected integer`);
    const missing = level('check', 'levels/no-such-file.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no-such-file\.json \(as a whole\): cannot read it/);
  });
});

describe('npm run level -- new', () => {
  it('writes a starter contract that passes check, and will not overwrite it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'level-new-'));
    const made = level('new', 'my-first-contract', folder);
    expect(made.code).toBe(0);
    const file = join(folder, 'my-first-contract.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { id: string; $schema: string };
    expect(doc.id).toBe('my-first-contract');
    expect(doc.$schema).toMatch(/levels\/schema\/level\.schema\.json$/);
    expect(level('check', file).code).toBe(0);
    expect(level('new', 'my-first-contract', folder).code).toBe(2);
  });

  it('refuses an id that is not lowercase words joined by dashes', () => {
    expect(level('new', 'My Contract').code).toBe(2);
  });
});
