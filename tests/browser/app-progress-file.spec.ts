/** Exporting the save to a file and importing it back, in another browser. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { finishContracts, openGame } from './helpers/game';

test('progress exported from one browser imports into a fresh one', async ({ page, browser }) => {
  await openGame(page);
  await finishContracts(page, ['hello-gather', 'chess-exhibition']);
  await page.locator('.progress-menu summary').click();
  const download = page.waitForEvent('download');
  await page.locator('[data-action=export-save]').click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text).contracts['chess-exhibition'].paid).toBe(true);

  const fresh = await browser.newPage();
  await openGame(fresh);
  await expect(fresh.locator('.mail-row[data-contract="chess-exhibition"]')).toHaveCount(0);
  await fresh.locator('.progress-menu summary').click();
  const chooser = fresh.waitForEvent('filechooser');
  await fresh.locator('[data-action=import-save]').click();
  await (
    await chooser
  ).setFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  // The game asks in its own dialog, never the browser's.
  await fresh.getByTestId('ask').locator('[data-action=ask-yes]').click();
  await expect(fresh.locator('.mail-row[data-contract="polite-scraper"]')).toBeVisible();
  await fresh.reload();
  await expect(fresh.locator('.mail-row[data-contract="polite-scraper"]')).toBeVisible();

  // A file that is not a save is refused with a message, and nothing changes.
  await fresh.locator('.progress-menu summary').click();
  const again = fresh.waitForEvent('filechooser');
  await fresh.locator('[data-action=import-save]').click();
  await (
    await again
  ).setFiles({
    name: 'x.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind":"other"}'),
  });
  await expect(fresh.locator('.toast')).toContainText('not a save');
  await expect(fresh.locator('.mail-row[data-contract="polite-scraper"]')).toBeVisible();
  await fresh.close();
});
