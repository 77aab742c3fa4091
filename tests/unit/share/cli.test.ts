import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../../levels/campaign';
import * as loader from '../../../src/model/load';
import { readShareHash } from '../../../src/share/link';

function share(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/share.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

const campaign = loadCampaign();
const options = { findLevel: (id: string) => campaign.find((l) => l.id === id), loader };
const dir = mkdtempSync(join(tmpdir(), 'share-cli-'));

describe('npm run share', () => {
  it('prints a link to the reference solution that opens as that solution', () => {
    const level = campaign[0]!;
    const { code, out } = share(`levels/${level.id}.json`);
    expect(code).toBe(0);
    expect(out).toMatch(/^\/#s=/);
    const result = readShareHash(out.slice(1), options);
    expect(result?.ok && result.value.kind === 'solution' && result.value.level.id).toBe(level.id);
  });

  it('carries a contract that is not in the campaign, with the given solution', () => {
    const level = JSON.parse(JSON.stringify(campaign[0])) as Record<string, unknown>;
    level.id = 'my-own-desk';
    const reference = level.reference as Record<string, unknown>;
    level.reference = { ...reference, level: { id: 'my-own-desk', revision: level.revision } };
    level.naive = [];
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(level));
    writeFileSync(
      join(dir, 'sol.json'),
      JSON.stringify({ ...(level.reference as object), name: 'Mine' }),
    );
    const { code, out } = share(
      join(dir, 'mine.json'),
      join(dir, 'sol.json'),
      '--base',
      'https://example.org/lw/',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^https:\/\/example\.org\/lw\/#l=.*&s=my-own-desk\.\d+\./);
    const result = readShareHash(out.slice(out.indexOf('#')), options);
    expect(result?.ok && result.value.kind === 'solution' && result.value.solution.name).toBe(
      'Mine',
    );
  });

  it('exits 2 naming the file and the JSON path of bad input', () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ kind: 'loopwork/level', version: 1, id: 'x' }),
    );
    const bad = share(join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(join(dir, 'bad.json'));
    expect(bad.err).toMatch(/\/title|title/);
    const missing = share('no/such/file.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such/file.json');
    const usage = share();
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('usage');
  });
});
