/**
 * The game on a phone held upright (390×844, touch): the inbox and the e-mail are two
 * views with a way back, the board fills the screen with the palette in a drawer, and the
 * bar under the board reaches the run and the score. Every step is a tap.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { node, nodeIds, openGame, shoot, watchErrors } from './helpers/game';

test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
});

/** Whether a locator's box lies on the screen (not slid away, not off to the side). */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= size.width + 1 &&
    box.y + box.height <= size.height + 1
  );
}

test('the inbox and the e-mail are two views, and the board fills the phone', async ({ page }) => {
  const errors = watchErrors(page);
  await openGame(page);
  const list = page.locator('.mail-column');
  const reader = page.locator('.mail-reader');
  await expect(list).toBeVisible();
  await expect(reader).toBeHidden();
  await shoot(page, 'phone-inbox');

  await page.locator('.mail-row[data-contract="hello-gather"]').tap();
  await expect(reader).toBeVisible();
  await expect(list).toBeHidden();
  await expect(page.locator('.mail-title')).toContainText('counting script');
  await shoot(page, 'phone-email');
  await page.locator('[data-action=mail-list]').tap();
  await expect(list).toBeVisible();
  await expect(reader).toBeHidden();

  await page.locator('.mail-row[data-contract="hello-gather"]').tap();
  await page.locator('[data-action=accept]').tap();
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
  // The board takes the width of the screen and most of its height, the Source and the Sink on it.
  const board = (await page.locator('.wb-editor').boundingBox())!;
  expect(board.width).toBeGreaterThanOrEqual(388);
  expect(board.height).toBeGreaterThan(844 * 0.6);
  await expect.poll(() => onScreen(page, node(page, 'n1'))).toBe(true);
  await expect.poll(() => onScreen(page, node(page, 'n2'))).toBe(true);
  await expect(page.locator('[data-action=run]')).toBeVisible();
  expect(await onScreen(page, page.locator('[data-action=run]'))).toBe(true);
  await shoot(page, 'phone-board');

  // The palette is a drawer: closed over the board, open on a tap, closed again by placing a node.
  const palette = page.locator('.wb-palette');
  await expect(palette).toBeHidden();
  await page.locator('[data-action=palette]').tap();
  await expect(palette).toBeVisible();
  await expect.poll(() => onScreen(page, palette)).toBe(true);
  await shoot(page, 'phone-drawer');
  await page.locator('.palette-item[data-node-type="step"]').tap();
  await expect(palette).toBeHidden();
  expect(await nodeIds(page, 'step')).toHaveLength(1);
  // A tap on the backdrop closes the drawer too.
  await page.locator('[data-action=palette]').tap();
  await expect(palette).toBeVisible();
  await page.touchscreen.tap(370, 500);
  await expect(palette).toBeHidden();

  // The bar under the board brings the run and the score to the front, and the board back.
  await page.locator('.wb-view[data-view=run]').tap();
  await expect(page.locator('[data-dock=bottom] [data-tab=run-view]')).toBeVisible();
  await expect(page.locator('.wb-editor')).toBeHidden();
  await page.locator('.wb-view[data-view=score]').tap();
  await expect(page.locator('.score-head')).toBeVisible();
  await expect(page.locator('[data-dock=bottom]')).toBeHidden();
  await shoot(page, 'phone-score');
  await page.locator('.wb-view[data-view=board]').tap();
  await expect(page.locator('.wb-editor')).toBeVisible();
  await expect(page.locator('.score-head')).toBeHidden();
  expect(errors).toEqual([]);
});
