/**
 * A player without a mouse solves a nested contract: nodes placed from the palette with
 * Enter, lifted, moved and put into a box with the arrows, wired port to port with Enter,
 * a wire removed with Delete, the pool sized by typing, and the contract run and delivered.
 */
import { expect, test, type Page } from '@playwright/test';
import { finishContracts, node, nodeIds, openGame, shoot, watchErrors } from './helpers/game';
import { focusIs, port, tabTo } from './helpers/keys';

const BEFORE_LEGACY = [
  'hello-gather',
  'chess-exhibition',
  'polite-scraper',
  'newsletter',
  'price-check',
  'photo-backlog',
  'ticket-rush',
  'flaky-payments',
  'hanging-replicas',
];

/** One node's id once a palette entry pressed with Enter has placed it. */
async function placeWithKeys(page: Page, type: string): Promise<string> {
  const before = await nodeIds(page, type);
  await tabTo(page, { css: `.palette-item[data-node-type="${type}"]` }, true);
  await page.keyboard.press('Enter');
  await expect(page.locator(`.node[data-type="${type}"]`)).toHaveCount(before.length + 1);
  const id = (await nodeIds(page, type)).find((n) => !before.includes(n))!;
  // The new node has the focus, ready to be lifted.
  await expect.poll(() => focusIs(page, { css: '.node', node: id })).toBe(true);
  return id;
}

test('keyboard only: a thread pool with a step inside, in Tasks, wired and delivered', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await finishContracts(page, BEFORE_LEGACY);

  await tabTo(page, { css: '.mail-row[data-contract="legacy-client"]' });
  await page.keyboard.press('Enter');
  await tabTo(page, { css: '[data-action=accept]' });
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();

  // The keys are listed over the board.
  await tabTo(page, { css: '.keys-help > summary' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('keys-help')).toContainText('Enter on an output port');
  await shoot(page, 'keyboard-keys-help');
  await page.keyboard.press('Enter');

  // A Step, lifted and moved aside with the arrows, stays at the top level.
  const step = await placeWithKeys(page, 'step');
  const stepBox = node(page, step);
  const start = (await stepBox.boundingBox())!;
  await page.keyboard.press('Enter');
  await expect(stepBox).toHaveClass(/lifted/);
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(stepBox).not.toHaveClass(/lifted/);
  const moved = (await stepBox.boundingBox())!;
  expect(moved.y).toBeGreaterThan(start.y + 100);
  await shoot(page, 'keyboard-focus-ring');

  // Tasks, then a Thread pool placed over it: the pool lands inside Tasks.
  const tasks = await placeWithKeys(page, 'tasks');
  const pool = await placeWithKeys(page, 'threadPool');
  await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(0);

  // The Step, lifted and carried into the pool's body, is put down inside it.
  await tabTo(page, { css: '.node', node: step }, true);
  await page.keyboard.press('Enter');
  const body = (await node(page, pool).locator('.body').boundingBox())!;
  const title = (await stepBox.locator('.label').boundingBox())!;
  const zoom = await page.evaluate(() => {
    const content = document.querySelector('.wb-editor > div') as HTMLElement | null;
    const match = /scale\(([\d.]+)\)/.exec(content?.style.transform ?? '');
    return match ? Number(match[1]) : 1;
  });
  const stepPx = 40 * zoom;
  const dx = Math.round((body.x + body.width / 2 - (title.x + title.width / 2)) / stepPx);
  const dy = Math.round((body.y + body.height / 2 - (title.y + title.height / 2)) / stepPx);
  for (let i = 0; i < Math.abs(dx); i++)
    await page.keyboard.press(dx < 0 ? 'ArrowLeft' : 'ArrowRight');
  for (let i = 0; i < Math.abs(dy); i++)
    await page.keyboard.press(dy < 0 ? 'ArrowUp' : 'ArrowDown');
  await page.keyboard.press('Enter');
  await expect(node(page, pool).locator('.drop-hint')).toHaveCount(0);
  await expect(page.locator('.toast').last()).toContainText('inside Thread pool');

  // Twenty threads, typed into the pool's field.
  await tabTo(page, { css: 'input[data-param=workers]', node: pool });
  await page.keyboard.press('Control+a');
  await page.keyboard.type('20');
  await page.keyboard.press('Tab');
  await expect(node(page, pool).locator('input[data-param=workers]')).toHaveValue('20');

  // Source → Tasks → Sink, port to port; a wrong wire is removed with Delete.
  await tabTo(page, port('n1', 'output'), true);
  await page.keyboard.press('Enter');
  await expect(node(page, 'n1').locator('.socket-slot.taken')).toHaveCount(1);
  await tabTo(page, port('n2', 'input'));
  await page.keyboard.press('Enter');
  await expect(page.locator('lw-connection')).toHaveCount(1);
  await tabTo(page, port('n2', 'input'), true);
  await page.keyboard.press('Delete');
  await expect(page.locator('lw-connection')).toHaveCount(0);

  await tabTo(page, port('n1', 'output'), true);
  await page.keyboard.press('Enter');
  await tabTo(page, port(tasks, 'input'));
  await page.keyboard.press('Enter');
  await tabTo(page, port(tasks, 'output'));
  await page.keyboard.press('Enter');
  await tabTo(page, port('n2', 'input'));
  await page.keyboard.press('Enter');
  await expect(page.locator('lw-connection')).toHaveCount(2);
  await expect(page.locator('.score-head')).toHaveAttribute('data-status', 'passed', {
    timeout: 30_000,
  });
  await shoot(page, 'keyboard-solved');

  await tabTo(page, { css: '[data-action=run]' }, true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('celebration')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('celebration')).toContainText('+$');
  expect(errors).toEqual([]);
});
