/** Editing a wiring: parameters in place, delete and undo/redo, copy and paste, refused wires. */
import { expect, test } from '@playwright/test';
import {
  acceptContract,
  editor,
  finishContracts,
  node,
  openGame,
  placeNode,
  shoot,
  watchErrors,
  wire,
} from './helpers/game';

test('deleting a node and undoing brings it back with its wire; redo deletes it again', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 380, 140);
  await wire(page, 'n1', step);
  await expect(page.locator('lw-connection')).toHaveCount(1);

  await node(page, step).locator('.label').click();
  await page.keyboard.press('Delete');
  await expect(node(page, step)).toHaveCount(0);
  await expect(page.locator('lw-connection')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(node(page, step)).toHaveCount(1);
  await expect(page.locator('lw-connection')).toHaveCount(1);

  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, step)).toHaveCount(0);
  await expect(page.locator('lw-connection')).toHaveCount(0);

  // The toolbar's buttons do the same for a mouse player.
  await page.locator('[data-action=undo]').click();
  await expect(node(page, step)).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the Source and the Sink cannot be deleted', async ({ page }) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  await node(page, 'n1').locator('.label').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.toast')).toContainText('come with the contract');
  await expect(node(page, 'n1')).toHaveCount(1);
});

test('copy and paste makes new nodes with new ids; undo removes the pasted ones', async ({
  page,
}) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 380, 140);
  await node(page, step).locator('.label').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.node[data-type=step]')).toHaveCount(2);
  const ids = await page
    .locator('.node[data-type=step]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.node));
  expect(new Set(ids).size).toBe(2);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.node[data-type=step]')).toHaveCount(1);
  await expect(node(page, step)).toHaveCount(1);
});

test('a palette limit is shown and enforced', async ({ page }) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  await placeNode(page, 'tasks', 380, 300);
  await expect(page.locator('.palette-item[data-node-type=tasks]')).toBeDisabled();
  await expect(page.locator('.palette-item[data-node-type=tasks] .palette-count')).toHaveText('0');
});

test('a wire that would leave its box is refused with a reason', async ({ page }) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const tasks = await placeNode(page, 'tasks', 420, 320);
  const frame = await node(page, tasks).locator('.body').boundingBox();
  const edit = await editor(page).boundingBox();
  await page.locator('.palette-item[data-node-type=step]').dragTo(editor(page), {
    targetPosition: {
      x: frame!.x - edit!.x + frame!.width / 2,
      y: frame!.y - edit!.y + frame!.height / 2,
    },
  });
  const step = (await page.locator('.node[data-type=step]').getAttribute('data-node'))!;
  // A second step in the box: alone, the first would show no ports to wire at all.
  await page.locator('.palette-item[data-node-type=step]').dragTo(editor(page), {
    targetPosition: {
      x: frame!.x - edit!.x + frame!.width / 2,
      y: frame!.y - edit!.y + frame!.height / 2,
    },
  });
  await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(0);
  await expect(page.locator('.node[data-type=step]')).toHaveCount(2);
  await wire(page, 'n1', step);
  await expect(page.locator('.toast')).toContainText('same box');
  await expect(page.locator('lw-connection')).toHaveCount(0);
});

test('a parameter is edited on the node and undone; a value over the limit is flagged on the node', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await finishContracts(page, [
    'hello-gather',
    'chess-exhibition',
    'polite-scraper',
    'newsletter',
    'price-check',
    'photo-backlog',
    'ticket-rush',
    'flaky-payments',
    'hanging-replicas',
  ]);
  await acceptContract(page, 'legacy-client');
  const pool = await placeNode(page, 'threadPool', 420, 320);
  const workers = node(page, pool).locator('input[data-param=workers]');
  await expect(workers).toHaveValue('4');
  await workers.fill('8');
  await workers.press('Enter');
  await expect(workers).toHaveValue('8');
  // Undo works from the board once the field is left.
  await node(page, pool).locator('.label').click();
  await page.keyboard.press('Control+z');
  await expect(workers).toHaveValue('4');
  await workers.fill('100');
  await workers.press('Enter');
  await expect(node(page, pool).locator('.issue').first()).toContainText('at most 64');
  await shoot(page, 'editor-params');
  expect(errors).toEqual([]);
});

test('shift+drag selects several nodes; one Delete removes them and one undo restores them', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const a = await placeNode(page, 'step', 300, 420);
  const b = await placeNode(page, 'step', 560, 420);
  const frame = (await editor(page).boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(frame.x + 150, frame.y + 360);
  await page.mouse.down();
  await page.mouse.move(frame.x + 720, frame.y + 520, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.node.selected')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(page.locator('.node[data-type=step]')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, a)).toHaveCount(1);
  await expect(node(page, b)).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('Space runs the wiring even right after placing a node with the palette', async ({ page }) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  await page.locator('.palette-item[data-node-type=step]').click();
  await expect(page.locator('.node[data-type=step]')).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(page.locator('.score-head')).toHaveAttribute('data-source', 'run');
  await expect(page.locator('.node[data-type=step]')).toHaveCount(1);
});
