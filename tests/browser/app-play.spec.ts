/** A new player's first contract, from the inbox to payment, and the progress surviving a reload. */
import { expect, test } from '@playwright/test';
import { node, openGame, shoot, solveHelloGather, watchErrors } from './helpers/game';

test('a new player solves the first contract, gets paid and unlocks the next', async ({ page }) => {
  const errors = watchErrors(page);
  await openGame(page);
  await expect(page.locator('.mail-title')).toContainText('counting script');
  await expect(page.locator('.mail-locked[data-contract="chess-exhibition"]')).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$0');
  await shoot(page, 'inbox');

  await solveHelloGather(page);
  // The live score appears while editing, before Run.
  const head = page.locator('.score-head');
  await expect(head).toHaveAttribute('data-status', 'passed');
  await expect(head).toHaveAttribute('data-source', 'live');
  await shoot(page, 'editor-solved');

  await page.keyboard.press('Space');
  // The run plays first; Esc skips to the verdict.
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('celebration')).toBeVisible();
  await expect(page.getByTestId('celebration')).toContainText('+$50');
  await expect(page.getByTestId('celebration')).toContainText('Simultaneous Exhibition');
  await expect(page.getByTestId('balance')).toHaveText('$50');
  await shoot(page, 'celebration');
  await page.locator('[data-action=stay]').click();
  await expect(head).toHaveAttribute('data-source', 'run');
  await expect(page.locator('.goal-results li')).toHaveCount(2);
  await expect(page.locator('.goal-results li.missed')).toHaveCount(0);
  await expect(page.locator('.metric[data-metric=makespan] dd')).toContainText('s');
  await shoot(page, 'score');

  await page.locator('[data-action=inbox]').click();
  await expect(page.locator('.mail-row[data-contract="chess-exhibition"]')).toBeVisible();
  await expect(page.locator('.mail-row[data-contract="hello-gather"] .grade')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('balance')).toHaveText('$50');
  await expect(page.locator('.mail-row[data-contract="chess-exhibition"]')).toBeVisible();
  await page.locator('.mail-row[data-contract="hello-gather"]').click();
  await page.locator('[data-action=accept]').click();
  // The wiring is exactly where the player left it, nested and wired.
  await expect(page.locator('lw-connection')).toHaveCount(2);
  await expect(node(page, 'n4').locator('.drop-hint')).toHaveCount(0);
  await expect(page.locator('.score-head')).toHaveAttribute('data-status', 'passed');
  expect(errors).toEqual([]);
});
