/** Boxes hold their body: nodes go in and out by dragging, move with the box, and undo puts things back. */
import { expect, test, type Page } from '@playwright/test';
import {
  acceptContract,
  dragNode,
  editor,
  insideBox,
  node,
  openGame,
  placeNode,
  watchErrors,
  wire,
} from './helpers/game';

async function boxOf(page: Page, id: string) {
  const box = await node(page, id).boundingBox();
  if (!box) throw new Error(`${id} not visible`);
  return box;
}

function inside(
  inner: { x: number; y: number; width: number; height: number },
  outer: typeof inner,
): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

test('a node dropped in a box is inside it, moves with it, and leaves when dragged out', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 420, 110);
  const tasks = await placeNode(page, 'tasks', 420, 330);
  const spot = await insideBox(page, tasks);
  await dragNode(page, step, spot.x, spot.y);
  await expect
    .poll(async () => inside(await boxOf(page, step), await boxOf(page, tasks)))
    .toBe(true);

  // Moving the box carries its body along.
  const before = await boxOf(page, step);
  await dragNode(page, tasks, 300, 250);
  await expect.poll(async () => (await boxOf(page, step)).x).not.toBe(before.x);
  expect(inside(await boxOf(page, step), await boxOf(page, tasks))).toBe(true);

  // Out again: the box is empty and says so.
  const frame = (await editor(page).boundingBox())!;
  await dragNode(page, step, frame.width - 160, 80);
  await expect(node(page, tasks).locator('.drop-hint')).toBeVisible();
  expect(inside(await boxOf(page, step), await boxOf(page, tasks))).toBe(false);
  expect(errors).toEqual([]);
});

test('dropping a wired node into a box cuts the wires that would cross its border; undo restores them', async ({
  page,
}) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 420, 110);
  await wire(page, 'n1', step);
  await wire(page, step, 'n2');
  await expect(page.locator('lw-connection')).toHaveCount(2);
  const tasks = await placeNode(page, 'tasks', 420, 360);
  const spot = await insideBox(page, tasks);
  await dragNode(page, step, spot.x, spot.y);
  await expect(page.locator('lw-connection')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('lw-connection')).toHaveCount(2);
  await expect(node(page, tasks).locator('.drop-hint')).toBeVisible();
});

test('deleting a box deletes its body; undo brings both back, still nested', async ({ page }) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 420, 110);
  const tasks = await placeNode(page, 'tasks', 420, 360);
  const spot = await insideBox(page, tasks);
  await dragNode(page, step, spot.x, spot.y);
  await node(page, tasks).locator('.label').click();
  await page.keyboard.press('Delete');
  await expect(node(page, tasks)).toHaveCount(0);
  await expect(node(page, step)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, tasks)).toHaveCount(1);
  await expect(node(page, step)).toHaveCount(1);
  await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(0);
  await expect
    .poll(async () => inside(await boxOf(page, step), await boxOf(page, tasks)))
    .toBe(true);
});
