/** Looking around the board: zoom, fit, auto-arrange (loaded on demand), the minimap; wires are cut by click and Delete. */
import { expect, test, type Page } from '@playwright/test';
import {
  acceptContract,
  node,
  openGame,
  placeNode,
  shoot,
  socket,
  watchErrors,
  wire,
} from './helpers/game';

const zoomOf = (page: Page) =>
  page
    .locator('.wb-editor > div')
    .first()
    .evaluate((el) => {
      const match = /scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform);
      return match ? Number(match[1]) : 1;
    });

test('zoom buttons zoom, and auto-arrange loads its layout engine only when asked', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const chunks: string[] = [];
  page.on('request', (request) => chunks.push(new URL(request.url()).pathname));
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const before = await zoomOf(page);
  await page.locator('[data-action=zoom-in]').click();
  expect(await zoomOf(page)).toBeGreaterThan(before);
  await page.locator('[data-action=zoom-out]').click();
  await page.locator('[data-action=zoom-out]').click();
  expect(await zoomOf(page)).toBeLessThan(before);

  await placeNode(page, 'step', 200, 420);
  await placeNode(page, 'step', 220, 440);
  expect(chunks.some((c) => c.includes('auto-arrange'))).toBe(false);
  await page.locator('[data-action=arrange]').click();
  await expect.poll(() => chunks.some((c) => c.includes('auto-arrange'))).toBe(true);
  // Arranged: no two nodes overlap any more.
  await expect
    .poll(async () => {
      const boxes = await page.locator('.node').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return [r.left, r.top, r.right, r.bottom];
        }),
      );
      return boxes.some((a, i) =>
        boxes.some(
          (b, j) => i < j && a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!,
        ),
      );
    })
    .toBe(false);
  await shoot(page, 'arranged');
  expect(errors).toEqual([]);
});

test('a wire is selected by clicking it and cut with Delete; undo puts it back', async ({
  page,
}) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 400, 140);
  await wire(page, 'n1', step);
  await expect(page.locator('lw-connection')).toHaveCount(1);
  const box = (await page.locator('lw-connection path:not(.hit)').boundingBox())!;
  // A wire's curve is symmetric about its midpoint: the middle of its box lies on it.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('lw-connection path.selected')).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(page.locator('lw-connection')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('lw-connection')).toHaveCount(1);
  await expect(node(page, step)).toHaveCount(1);
});

test('the minimap can be hidden and shown', async ({ page }) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const minimap = page.locator('rete-minimap .minimap');
  await expect(minimap).toBeVisible();
  await page.locator('[data-action=minimap]').click();
  await expect(minimap).toBeHidden();
  await page.locator('[data-action=minimap]').click();
  await expect(minimap).toBeVisible();
});

test('a wire is detached by dragging its end off the input port', async ({ page }) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const step = await placeNode(page, 'step', 420, 140);
  await wire(page, 'n1', step);
  await expect(page.locator('lw-connection')).toHaveCount(1);
  const end = (await socket(page, step, 'input', 'in').boundingBox())!;
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + 120, end.y + 220, { steps: 8 });
  await page.mouse.up();
  await expect(page.locator('lw-connection')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('lw-connection')).toHaveCount(1);
});

test('pressing the open tab of the bottom dock folds it away and gives the board the room', async ({
  page,
}) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  const board = page.locator('.wb-editor');
  const tall = (await board.boundingBox())!.height;
  const tab = page.locator('[data-dock=bottom] .dock-tab[aria-selected=true]');
  await tab.click();
  await expect.poll(async () => (await board.boundingBox())!.height).toBeGreaterThan(tall + 100);
  await tab.click();
  await expect.poll(async () => (await board.boundingBox())!.height).toBeLessThan(tall + 5);
});
