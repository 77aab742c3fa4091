/** The score tells the truth: a run that fails its goals earns no tick on the grade ladder. */
import { expect, test } from '@playwright/test';
import { acceptContract, openGame, placeNode, shoot, wire } from './helpers/game';

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`a wiring that misses a goal shows no ✓ against par (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await openGame(page);
    await acceptContract(page, 'hello-gather');
    // Wired one after another, the jobs wait their turn: the contract's deadline is missed.
    const step = await placeNode(page, 'step', 420, 200);
    await wire(page, 'n1', step);
    await wire(page, step, 'n2');
    await page.setViewportSize(size);
    const score = page.getByTestId('score');
    await expect(score.locator('.score-head')).toHaveAttribute('data-status', 'failed');
    await expect(score.getByTestId('par-ungraded')).toBeVisible();
    await expect(score.locator('.par-checks .met')).toHaveCount(0);
    await expect(score.locator('.par-ladder')).not.toContainText('✓');
    await shoot(page, `score-truth-${size.width}`);
  });
}
