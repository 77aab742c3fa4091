/** "Arrange automatically" lays the program out the way it reads, boxes around what they hold. */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  acceptContract,
  editor,
  finishContracts,
  insideBox,
  openGame,
  placeNode,
  shoot,
  watchErrors,
} from './helpers/game';
import { boxOf, within } from './helpers/boxes';

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`at ${size.width}×${size.height}, arranging The Slow Lane puts the Source left, the Sink right, each box around its body`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await openGame(page);
    // The Slow Lane comes late in the campaign: everything before it is delivered.
    const earlier = readdirSync('levels')
      .filter((f) => f.endsWith('.json') && f !== 'convoy.json')
      .map((f) => f.replace(/\.json$/, ''));
    await finishContracts(page, earlier);
    await acceptContract(page, 'convoy');
    // A nested board, nothing wired yet: Tasks holding a Route and both pools, a Step in each pool.
    const tasks = await placeNode(page, 'tasks', 300, 160);
    let spot = await insideBox(page, tasks);
    const route = await placeNode(page, 'route', spot.x, spot.y);
    spot = await insideBox(page, tasks);
    const processes = await placeNode(page, 'processPool', spot.x, spot.y);
    const frame = (await editor(page).boundingBox())!;
    const threads = await placeNode(page, 'threadPool', frame.width - 220, frame.height / 2);
    spot = await insideBox(page, processes);
    const crunch = await placeNode(page, 'step', spot.x, spot.y);
    spot = await insideBox(page, threads);
    const ship = await placeNode(page, 'step', spot.x, spot.y);
    await shoot(page, `arrange-before-${size.width}`);

    await page.locator('[data-action=arrange]').click();
    await page.locator('[data-action=fit]').click();
    await shoot(page, `arrange-after-${size.width}`);
    const source = async () => boxOf(page, 'n1');
    const sink = async () => boxOf(page, 'n2');
    const others = [tasks, route, processes, threads, crunch, ship];
    await expect
      .poll(async () => {
        const s = await source();
        const k = await sink();
        for (const id of others) {
          const b = await boxOf(page, id);
          if (b.x < s.x + s.width || b.x + b.width > k.x) return false;
        }
        return true;
      })
      .toBe(true);
    await page.locator('[data-action=fit]').click();
    expect(within(await boxOf(page, route), await boxOf(page, tasks), 1)).toBe(true);
    expect(within(await boxOf(page, processes), await boxOf(page, tasks), 1)).toBe(true);
    expect(within(await boxOf(page, crunch), await boxOf(page, processes), 1)).toBe(true);
    expect(within(await boxOf(page, ship), await boxOf(page, threads), 1)).toBe(true);
    await shoot(page, `arrange-after-${size.width}`);
    expect(errors).toEqual([]);
  });
}
