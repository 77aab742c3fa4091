/** Saved progress that cannot be read is kept aside and the player is told; nothing is lost silently. */
import { expect, test } from '@playwright/test';
import { openGame, shoot, watchErrors } from './helpers/game';

test('a corrupted save shows a message and is kept aside, untouched', async ({ page }) => {
  const errors = watchErrors(page);
  await openGame(page);
  const broken = '{"kind":"loopwork/save","version":1,"balance":"lots","contracts":{}';
  await page.evaluate((text) => localStorage.setItem('loopwork.save', text), broken);
  await page.reload();
  const banner = page.getByTestId('save-problem');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('could not be read');
  await shoot(page, 'save-problem');
  const kept = await page.evaluate(() => {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.startsWith('loopwork.save.broken.')) out.push(localStorage.getItem(key)!);
    }
    return out;
  });
  expect(kept).toEqual([broken]);
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download the old save' }).click();
  expect((await download).suggestedFilename()).toBe('loopwork-unreadable-save.json');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  // Dismissed, but not gone: the Progress menu still offers the kept copy.
  await page.locator('.progress-menu summary').click();
  const later = page.waitForEvent('download');
  await page.locator('[data-action=download-kept]').click();
  expect((await later).suggestedFilename()).toMatch(/^loopwork-unreadable-save-\d+\.json$/);
  expect(errors).toEqual([]);
});

test('a save from a newer version of the game is not overwritten', async ({ page }) => {
  await openGame(page);
  const future = JSON.stringify({ kind: 'loopwork/save', version: 99, balance: 1, contracts: {} });
  await page.evaluate((text) => localStorage.setItem('loopwork.save', text), future);
  await page.reload();
  await expect(page.getByTestId('save-problem')).toContainText('newer version');
});
