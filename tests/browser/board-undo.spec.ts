/** Undo history belongs to the contract: a trip to the inbox and back keeps it. */
import { expect, test } from '@playwright/test';
import {
  acceptContract,
  finishContracts,
  node,
  openGame,
  placeNode,
  shoot,
  watchErrors,
} from './helpers/game';

test('an edit made before going back to the inbox is undone with Ctrl+Z after reopening the contract', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 380, 140);
  await expect(node(page, step)).toHaveCount(1);

  await page.locator('[data-action=inbox]').click();
  await expect(page.locator('[data-screen=inbox]')).toBeVisible();
  await acceptContract(page, 'hello-gather');
  // The wiring was saved, so the placed step is back on the board.
  await expect(node(page, step)).toHaveCount(1);
  await shoot(page, 'board-undo-reopened');

  await page.keyboard.press('Control+z');
  await expect(node(page, step)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, step)).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('each contract keeps its own history: Ctrl+Z in another contract leaves the first one alone', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await finishContracts(page, ['hello-gather']);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 380, 140);
  await page.locator('[data-action=inbox]').click();

  await acceptContract(page, 'chess-exhibition');
  const before = await page.locator('lw-node').count();
  await page.keyboard.press('Control+z');
  await expect(page.locator('lw-node')).toHaveCount(before);
  await page.locator('[data-action=inbox]').click();

  await acceptContract(page, 'hello-gather');
  await expect(node(page, step)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(node(page, step)).toHaveCount(0);
  expect(errors).toEqual([]);
});
