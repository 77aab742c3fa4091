/**
 * Sizes the simulated machine cannot hold, as a player meets them: a contract that asks
 * for more work than a tab can simulate is refused when it is opened, naming the field
 * and the limit; a wiring of 100,000 worker processes runs out of the machine's memory
 * and the score says so. Neither freezes the tab.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers/game';

const contract = (file: string) =>
  JSON.parse(readFileSync(`levels/${file}.json`, 'utf8')) as Record<string, unknown>;

/** A copy of a shipped contract under a new id, as an author would send it. */
function custom(base: Record<string, unknown>, id: string, changes: Record<string, unknown>) {
  const reference = { ...(base.reference as object), level: { id, revision: base.revision } };
  return { ...base, id, reference, naive: [], ...changes };
}

/** The link of a contract file with its reference wiring, made by `npm run share`. */
function referenceHash(levelFile: string): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/share.ts', levelFile], {
    encoding: 'utf8',
  });
  return out.trim().replace(/^\//, '');
}

async function paste(page: Page, json: unknown): Promise<void> {
  await page.locator('[data-action="open-contract"]').click();
  const opener = page.getByTestId('contract-opener');
  await opener.locator('textarea').fill(JSON.stringify(json));
  await opener.locator('[data-action="open-pasted"]').click();
}

test('a contract of 24 games of 10,000 parts is refused when opened, naming parts and the limit', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./');
  const chess = contract('chess-exhibition');
  const workload = chess.workload as { streams: Record<string, unknown>[] };
  const marathon = custom(chess, 'chess-marathon', {
    workload: { streams: [{ ...workload.streams[0], parts: 10_000 }] },
    steps: (chess.steps as Record<string, unknown>[]).map((s) => ({ ...s, perPart: true })),
  });
  await paste(page, marathon);
  const refusal = page.getByTestId('contract-errors');
  await expect(refusal).toContainText(
    '/workload/streams/0/parts: the jobs would run 14400000 ops in all (jobs × parts × the ops of their steps): at most 5000000',
  );
  expect(errors).toEqual([]);
});

test('100,000 worker processes run out of the machine’s memory, and the score says so', async ({
  page,
}, testInfo) => {
  const errors = watchErrors(page);
  const photos = contract('photo-resize');
  const base = custom(photos, 'pet-portraits', {});
  const reference = base.reference as unknown as { nodes: { type: string; params: object }[] };
  const nodes = reference.nodes.map((n) =>
    n.type === 'processPool' ? { ...n, params: { ...n.params, workers: 100_000 } } : n,
  );
  // Sent as a teacher shares one: the contract and this wiring in one link.
  const file = testInfo.outputPath('pet-portraits.json');
  writeFileSync(file, JSON.stringify({ ...base, reference: { ...reference, nodes } }));
  await page.goto(`./${referenceHash(file)}`);
  await page.locator('[data-action=run]').click();
  const score = page.getByTestId('score');
  await expect(score).toContainText(
    "Out of memory: the program needed more than the machine's 1 GB.",
    {
      timeout: 30_000,
    },
  );
  await page.screenshot({ path: testInfo.outputPath('out-of-memory.png') });
  expect(errors).toEqual([]);
});
