/**
 * The run view and the score tell a run's ending in the same words and digits: failed
 * jobs are "failed" and shed ones "lost" in both, and a count past a thousand has its
 * comma in both ("1,104 failed", never "1104 failed" beside "1,104 failed").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers/game';

/** The link of a contract's naive wiring by its name, made by `npm run share`. */
function naiveHash(levelFile: string, name: string): string {
  const level = JSON.parse(readFileSync(levelFile, 'utf8')) as {
    naive: { name: string }[];
  };
  const naive = level.naive.find((n) => n.name === name);
  if (naive === undefined) throw new Error(`${levelFile} has no naive wiring "${name}"`);
  const file = join(mkdtempSync(join(tmpdir(), 'run-words-')), 'naive.json');
  writeFileSync(file, JSON.stringify(naive));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/share.ts', levelFile, file],
    { encoding: 'utf8' },
  );
  return out.trim().replace(/^\//, '');
}

/** Runs the wiring, skips the show, and returns the score's jobs line and the strip's at the end. */
async function endings(page: Page): Promise<{ score: string; run: string }> {
  await page.locator('[data-action=run]').click();
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  const score = page.getByTestId('score').locator('.jobs-line');
  await expect(score).toBeVisible({ timeout: 30_000 });
  const run = page.locator('.lw-run').first();
  const scrub = run.getByTestId('run-scrub');
  await scrub.fill(await scrub.getAttribute('max').then((max) => max ?? '1'));
  const strip = run.getByTestId('machine-jobs');
  await expect(strip).toContainText('done');
  return { score: await score.innerText(), run: await strip.innerText() };
}

for (const [file, naive, words] of [
  ['levels/newsletter.json', 'sixteen workers', /([\d,]+) failed/],
  ['levels/ticket-rush.json', 'a queue with five places', /([\d,]+) lost/],
] as const) {
  test(`${file}, "${naive}": the run view and the score agree on ${String(words)}`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(`./${naiveHash(file, naive)}`);
    await expect(page.locator('[data-screen=workbench]')).toBeVisible();
    const { score, run } = await endings(page);
    const inScore = score.match(words)?.[1];
    const inRun = run.match(words)?.[1];
    expect(inScore, `score: ${score}`).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(inRun, `run view: ${run}`).toBe(inScore);
    expect(errors).toEqual([]);
  });
}
