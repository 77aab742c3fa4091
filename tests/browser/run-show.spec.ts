/**
 * The run is the show: Run plays the run enlarged before its verdict; the progress is filed
 * at once, and "Contract delivered" waits for the end of the show or a Skip.
 */
import { expect, test } from '@playwright/test';
import { openGame, shoot, solveHelloGather, watchErrors } from './helpers/game';

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`Run plays the run before the verdict, and Skip shows it (${size.width}×${size.height})`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openGame(page);
    await solveHelloGather(page);
    await page.setViewportSize(size);
    await page.locator('[data-action=run]').click();

    const skip = page.getByTestId('run-skip');
    await expect(skip).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.lw-run.expanded')).toBeVisible();
    // Filed at once: the pay is banked while the show plays; only its announcement waits.
    await expect(page.getByTestId('balance')).toHaveText('$50');
    await expect(page.getByTestId('celebration')).toHaveCount(0);
    // The bar does not give the verdict away while the run plays.
    await expect(page.locator('.lw-run.expanded').getByTestId('run-status')).toBeHidden();
    await expect(page.locator('[data-panel=run-view]')).toHaveAttribute('data-time', /^[1-9]/);
    await shoot(page, `run-show-${size.width}`);
    await expect(page.getByTestId('celebration')).toHaveCount(0);

    await skip.click();
    await expect(page.getByTestId('celebration')).toBeVisible();
    await expect(skip).toBeHidden();
    await expect(page.locator('.lw-run.expanded')).toHaveCount(0);
    await shoot(page, `run-show-verdict-${size.width}`);
    expect(errors).toEqual([]);
  });
}

test('Esc skips the show, and a show left to play ends in the verdict', async ({ page }) => {
  await openGame(page);
  await solveHelloGather(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('celebration')).toBeVisible();
  await page.locator('[data-action=stay]').click();

  // Run again, and watch it to the end: the score panel's run comes when playback ends.
  await page.locator('[data-action=run]').click();
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('run-skip')).toBeHidden({ timeout: 30_000 });
  await expect(page.locator('.score-head')).toHaveAttribute('data-source', 'run');
  await expect(page.locator('[data-panel=run-view] [data-testid=run-time]')).toContainText(
    '1.00 s / 1.00 s',
  );
});
