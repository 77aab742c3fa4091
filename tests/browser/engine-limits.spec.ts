/**
 * Sizes the simulated machine cannot hold, as a player meets them: a contract that asks
 * for more work than a tab can simulate is refused when it is opened, naming the field
 * and the limit; a wiring of 100,000 worker processes is refused naming the node and the
 * field, and so is 100,000 typed into a Process pool's field. None freezes the tab.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

const TOO_MANY_PROCESSES =
  'Processes can be at most 64: each process is a whole Python interpreter, and past the cores they only take turns';

test('a contract whose wiring has 100,000 worker processes is refused when opened, naming the node and the field', async ({
  page,
}, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('./');
  const base = custom(contract('photo-resize'), 'pet-portraits', {});
  const reference = base.reference as unknown as { nodes: { type: string; params: object }[] };
  const nodes = reference.nodes.map((n) =>
    n.type === 'processPool' ? { ...n, params: { ...n.params, workers: 100_000 } } : n,
  );
  const pool = nodes.findIndex((n) => n.type === 'processPool');
  await paste(page, { ...base, reference: { ...reference, nodes } });
  await expect(page.getByTestId('contract-errors')).toContainText(
    `/reference/nodes/${pool}/params/workers: Process pool "processPool": ${TOO_MANY_PROCESSES}`,
  );
  await page.screenshot({ path: testInfo.outputPath('contract-refused.png') });
  expect(errors).toEqual([]);
});

test('100,000 typed into a Process pool is refused on the node, and the run goes on with the old value', async ({
  page,
}, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await page.goto(`./${referenceHash('levels/photo-resize.json')}`);
  const pool = page.locator('.node[data-type=processPool]');
  const workers = pool.locator('input[data-param=workers]');
  await expect(workers).toHaveValue('4');
  await workers.click();
  await workers.press('Control+a');
  await page.keyboard.type('100000');
  await workers.press('Enter');
  await expect(pool.locator('.issue.refusal')).toHaveText(`100000 refused. ${TOO_MANY_PROCESSES}`);
  await expect(workers).toHaveValue('4');
  await page.screenshot({ path: testInfo.outputPath('typed-refused.png') });
  // The wiring still holds 4 processes: a run starts and ends with its score.
  await page.locator('[data-action=run]').click();
  await expect(page.getByTestId('score').locator('[data-source="run"]')).toBeVisible({
    timeout: 60_000,
  });
  // A value within the limit is taken, and the refusal goes.
  await workers.click();
  await workers.press('Control+a');
  await page.keyboard.type('8');
  await workers.press('Enter');
  await expect(workers).toHaveValue('8');
  await expect(pool.locator('.issue.refusal')).toHaveCount(0);
  expect(errors).toEqual([]);
});
