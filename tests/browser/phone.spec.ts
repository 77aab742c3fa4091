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

/** Two fingers on the screen, moved apart (`to` > `from`) or together, through CDP's touch input. */
async function pinch(
  page: Page,
  at: { x: number; y: number },
  from: number,
  to: number,
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const fingers = (half: number) => [
    { x: at.x - half, y: at.y, id: 0 },
    { x: at.x + half, y: at.y, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(from) });
  const steps = 12;
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: fingers(from + ((to - from) * i) / steps),
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

function port(page: Page, id: string, side: 'input' | 'output'): Locator {
  return page.locator(
    `.node[data-node="${id}"] [data-socket="${side}:${side === 'input' ? 'in' : 'out'}"] lw-socket`,
  );
}

/** Places a node from the drawer with a tap; returns its id. */
async function placeFromDrawer(page: Page, type: string): Promise<string> {
  const before = await nodeIds(page, type);
  await page.locator('[data-action=palette]').tap();
  await page.locator(`.palette-item[data-node-type="${type}"]`).tap();
  await expect(page.locator(`.node[data-type="${type}"]`)).toHaveCount(before.length + 1);
  return (await nodeIds(page, type)).find((id) => !before.includes(id))!;
}

test('a player solves the first contract with taps and a pinch, and is paid', async ({ page }) => {
  const errors = watchErrors(page);
  await openGame(page);
  await page.locator('.mail-row[data-contract="hello-gather"]').tap();
  await page.locator('[data-action=accept]').tap();
  await expect(page.locator('lw-node')).not.toHaveCount(0);

  // Tasks in the middle of the board, then a Step placed in the middle lands inside it.
  const tasks = await placeFromDrawer(page, 'tasks');
  await placeFromDrawer(page, 'step');
  await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(0);

  // Two fingers spread over the nodes zoom in; brought together, they zoom out again.
  const board = (await page.locator('.wb-editor').boundingBox())!;
  const middle = { x: board.x + board.width / 2, y: board.y + board.height / 2 };
  const width = async () => (await node(page, tasks).boundingBox())!.width;
  const before = await width();
  await pinch(page, middle, 40, 110);
  await expect.poll(width).toBeGreaterThan(before * 1.5);
  await shoot(page, 'phone-pinched');
  await pinch(page, middle, 110, 40);
  await expect.poll(width).toBeLessThan(before * 1.2);

  // Tap an output, it lights up; tap elsewhere on the board, it lets go.
  const sourceOut = page.locator('.node[data-node="n1"] [data-socket="output:out"]');
  await port(page, 'n1', 'output').tap();
  await expect(sourceOut).toHaveClass(/taken/);
  await page.touchscreen.tap(middle.x, board.y + 40 + board.height / 4);
  await expect(sourceOut).not.toHaveClass(/taken/);
  await expect(page.locator('lw-connection')).toHaveCount(0);

  // Tap-tap: Source → Tasks → Sink.
  await port(page, 'n1', 'output').tap();
  await expect(sourceOut).toHaveClass(/taken/);
  await shoot(page, 'phone-port-taken');
  await port(page, tasks, 'input').tap();
  await expect(page.locator('lw-connection')).toHaveCount(1);
  await expect(sourceOut).not.toHaveClass(/taken/);
  await port(page, tasks, 'output').tap();
  await port(page, 'n2', 'input').tap();
  await expect(page.locator('lw-connection')).toHaveCount(2);
  await expect(page.locator('.score-head')).toHaveAttribute('data-status', 'passed');
  await shoot(page, 'phone-wired');

  // Run: the run plays in the front, Skip brings the verdict, and the contract pays.
  await page.locator('[data-action=run]').tap();
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'phone-run');
  await page.getByTestId('run-skip').tap();
  await expect(page.getByTestId('celebration')).toBeVisible();
  await expect(page.getByTestId('celebration')).toContainText('+$50');
  await expect(page.getByTestId('balance')).toHaveText('$50');
  await shoot(page, 'phone-delivered');
  await page.locator('[data-action=stay]').tap();
  await expect(page.locator('.score-head')).toBeVisible();
  await expect(page.locator('.score-head')).toHaveAttribute('data-source', 'run');
  await shoot(page, 'phone-score-after-run');
  expect(errors).toEqual([]);
});
