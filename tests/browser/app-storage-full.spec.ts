/** A full storage quota loses nothing: a delivery is kept, and an unreadable save is never overwritten before it is kept. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openGame, shoot, solveHelloGather, watchErrors } from './helpers/game';

/** Fills localStorage with other data until the browser refuses even one more character. */
async function fillQuota(page: Page): Promise<void> {
  await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler.${n}`, 'x'.repeat(size));
        n += 1;
      } catch (error) {
        if (!(error instanceof DOMException) || error.name !== 'QuotaExceededError') throw error;
        size = Math.floor(size / 2);
      }
    }
  });
}

test('with localStorage full, a contract delivered by playing it is still paid after a reload', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await fillQuota(page);
  await solveHelloGather(page);
  await expect(page.getByTestId('save-keeping')).toHaveAttribute('data-keeping', 'spare');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  const dialog = page.getByTestId('celebration');
  await expect(dialog).toContainText('+$50');
  // Kept (in IndexedDB), so the dialog does not warn that it is lost.
  await expect(dialog.getByTestId('delivery-unsaved')).toHaveCount(0);
  await shoot(page, 'storage-full-delivered');
  await dialog.locator('[data-action=stay]').click();
  // The progress file is offered at once.
  const download = page.waitForEvent('download');
  await page.getByTestId('save-keeping').locator('[data-action=download-progress]').click();
  const file = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as {
    balance: number;
  };
  expect(file.balance).toBe(50);

  await page.reload();
  await expect(page.getByTestId('balance')).toHaveText('$50');
  await expect(page.locator('.mail-row[data-contract="hello-gather"] .grade')).toBeVisible();
  await expect(page.locator('.mail-row[data-contract="chess-exhibition"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an unreadable 4 MB save is kept aside before the first click can overwrite it', async ({
  page,
}) => {
  await openGame(page);
  const length = await page.evaluate(() => {
    const text = `{"kind":"loopwork/save","version":1,"balance":${'9'.repeat(4 * 1024 * 1024)}`;
    localStorage.setItem('loopwork.save', text);
    return text.length;
  });
  // Whatever room is left is taken too, so it cannot be kept aside in localStorage.
  await fillQuota(page);
  await page.reload();
  const banner = page.getByTestId('save-problem');
  await expect(banner).toContainText('kept aside');
  await shoot(page, 'unreadable-big-save');
  // The first click in the inbox writes a new save.
  await page.locator('.mail-row[data-contract="hello-gather"]').click();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('loopwork.save')?.length ?? 0))
    .toBeLessThan(10_000);

  await page.reload();
  await page.locator('.progress-menu summary').click();
  const download = page.waitForEvent('download');
  await page.locator('[data-action=download-kept]').click();
  const kept = await readFile((await (await download).path())!, 'utf8');
  expect(kept.length).toBe(length);
  expect(kept.startsWith('{"kind":"loopwork/save","version":1,"balance":9999')).toBe(true);
});
