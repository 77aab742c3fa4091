/**
 * A zero the player sees stays the zero they typed through a link: the reference of
 * "flaky-payments" waits "0ms" between retries, and its link, opened in another browser
 * and copied again from there, still shows "0ms" in the Retry's field (never "0us" or "0s").
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers/game';

const LEVEL = 'levels/flaky-payments.json';

function referenceHash(): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/share.ts', LEVEL], {
    encoding: 'utf8',
  });
  return out.trim().replace(/^\//, '');
}

async function retryWait(page: Page): Promise<string> {
  const field = page.locator('.node[data-type="retry"] [data-param="backoff"]').first();
  await expect(field).toBeVisible({ timeout: 30_000 });
  return field.inputValue();
}

test('"0ms" between retries stays "0ms" through a link and a copied link', async ({ browser }) => {
  const first = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const a = await first.newPage();
  const errorsA = watchErrors(a);
  await a.goto(`./${referenceHash()}`);
  expect(await retryWait(a)).toBe('0ms');
  await a.locator('[data-action="copy-link"]').click();
  const shown = await a.getByTestId('share-link').inputValue();
  expect(shown).toMatch(/#s=flaky-payments\./);
  expect(errorsA).toEqual([]);
  await first.close();

  const second = await browser.newContext();
  const b = await second.newPage();
  const errorsB = watchErrors(b);
  await b.goto(shown);
  expect(await retryWait(b)).toBe('0ms');
  // Copied again, the link still carries the zero as the player wrote it.
  await b.locator('[data-action="copy-link"]').click();
  const again = await b.getByTestId('share-link').inputValue();
  const c = await second.newPage();
  const errorsC = watchErrors(c);
  await c.goto(again);
  expect(await retryWait(c)).toBe('0ms');
  expect([...errorsB, ...errorsC]).toEqual([]);
  await second.close();
});
