/**
 * A player who asked their system for less motion: Run shows the run as it ended, with
 * no tokens travelling and no show to sit through, and the verdict comes at once.
 */
import { expect, test } from '@playwright/test';
import { openGame, shoot, solveHelloGather, watchErrors } from './helpers/game';

test.use({ reducedMotion: 'reduce' });

test('with reduced motion, Run never plays the tokens: the run is shown as it ended', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await solveHelloGather(page);
  await expect(page.locator('.score-head')).toHaveAttribute('data-status', 'passed');
  // Remembers whether playback ever started (the play button turns into Pause) or the
  // run view ever enlarged for a show.
  await page.evaluate(() => {
    const seen = { played: false, enlarged: false };
    (window as unknown as { motionSeen: typeof seen }).motionSeen = seen;
    new MutationObserver(() => {
      if (document.querySelector('[data-icon="pause"]')) seen.played = true;
      if (document.querySelector('.lw-run.expanded')) seen.enlarged = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });

  await page.keyboard.press('Space');
  await expect(page.getByTestId('celebration')).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'reduced-motion-delivered');
  await page.locator('[data-action=stay]').click();
  const run = page.locator('.lw-run').first();
  await expect(run).toBeVisible();
  const scrub = run.locator('input[type=range]');
  await expect
    .poll(async () => (await scrub.inputValue()) === (await scrub.getAttribute('max')))
    .toBe(true);
  const seen = await page.evaluate(() => (window as unknown as { motionSeen: object }).motionSeen);
  expect(seen).toEqual({ played: false, enlarged: false });
  await expect(page.locator('[data-icon="pause"]')).toHaveCount(0);
  await shoot(page, 'reduced-motion-run');
  expect(errors).toEqual([]);
});
