/** Small board manners: a double-click in a field selects its text, a paste lands beside. */
import { expect, test, type Page } from '@playwright/test';
import {
  acceptContract,
  finishContracts,
  node,
  nodeIds,
  openGame,
  placeNode,
} from './helpers/game';
import { boxOf } from './helpers/boxes';

/** The board's zoom, read from the area's transform. */
function zoomOf(page: Page): Promise<string> {
  return page
    .locator('.wb-editor [style*="scale"]')
    .first()
    .evaluate((el) => (el as HTMLElement).style.transform);
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('double-clicking a number field selects its text and leaves the zoom alone', async ({
      page,
    }) => {
      await openGame(page);
      await finishContracts(page, ['hello-gather', 'photo-resize']);
      await acceptContract(page, 'photo-resize');
      const pool = await placeNode(page, 'threadPool', 380, 140);
      const field = node(page, pool).locator('input[data-param=workers]');
      await expect(field).toBeVisible();
      const before = await zoomOf(page);
      await field.dblclick();
      await page.keyboard.type('3');
      await expect(field).toHaveValue('3');
      expect(await zoomOf(page)).toBe(before);
    });

    test('a pasted node lands beside its original, not on it', async ({ page }) => {
      await openGame(page);
      await acceptContract(page, 'hello-gather');
      const step = await placeNode(page, 'step', 300, 140);
      await node(page, step).locator('.label').click();
      await page.keyboard.press('Control+c');
      await page.keyboard.press('Control+v');
      await expect(page.locator('.node[data-type="step"]')).toHaveCount(2);
      const copy = (await nodeIds(page, 'step')).find((id) => id !== step)!;
      const a = await boxOf(page, step);
      const b = await boxOf(page, copy);
      expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
      expect(Math.abs(b.y - a.y)).toBeLessThan(2);
    });
  });
}
