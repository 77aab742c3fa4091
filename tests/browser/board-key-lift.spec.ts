/**
 * A node carried with the keys lights the box that will take it while it moves, as a
 * mouse drag does, and the light goes out when it is put down or put back.
 */
import { expect, test, type Page } from '@playwright/test';
import { acceptContract, node, nodeIds, openGame, shoot, watchErrors } from './helpers/game';
import { focusIs, tabTo } from './helpers/keys';

async function placeWithKeys(page: Page, type: string): Promise<string> {
  const before = await nodeIds(page, type);
  await tabTo(page, { css: `.palette-item[data-node-type="${type}"]` }, true);
  await page.keyboard.press('Enter');
  await expect(page.locator(`.node[data-type="${type}"]`)).toHaveCount(before.length + 1);
  const id = (await nodeIds(page, type)).find((n) => !before.includes(n))!;
  await expect.poll(() => focusIs(page, { css: '.node', node: id })).toBe(true);
  return id;
}

/** Arrow presses (one board step each) that carry `id`'s title to the middle of `box`'s body. */
async function arrowsInto(page: Page, id: string, box: string): Promise<string[]> {
  const body = (await node(page, box).locator('.body').boundingBox())!;
  const title = (await node(page, id).locator('.label').boundingBox())!;
  const zoom = await page.evaluate(() => {
    const content = document.querySelector('.wb-editor > div') as HTMLElement | null;
    const match = /scale\(([\d.]+)\)/.exec(content?.style.transform ?? '');
    return match ? Number(match[1]) : 1;
  });
  const step = 40 * zoom;
  const dx = Math.round((body.x + body.width / 2 - (title.x + title.width / 2)) / step);
  const dy = Math.round((body.y + body.height / 2 - (title.y + title.height / 2)) / step);
  return [
    ...Array<string>(Math.abs(dx)).fill(dx < 0 ? 'ArrowLeft' : 'ArrowRight'),
    ...Array<string>(Math.abs(dy)).fill(dy < 0 ? 'ArrowUp' : 'ArrowDown'),
  ];
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('a step carried with the arrows over a box lights it before it is put down', async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await openGame(page);
      await acceptContract(page, 'hello-gather');
      const step = await placeWithKeys(page, 'step');
      // Moved well below the middle, where the box will go.
      await page.keyboard.press('Enter');
      for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const tasks = await placeWithKeys(page, 'tasks');
      await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(1);

      await tabTo(page, { css: '.node', node: step }, true);
      await page.keyboard.press('Enter');
      await expect(node(page, step)).toHaveClass(/lifted/);
      await expect(node(page, tasks)).not.toHaveClass(/receiving/);
      for (const key of await arrowsInto(page, step, tasks)) await page.keyboard.press(key);
      await expect(node(page, tasks)).toHaveClass(/receiving/);
      await shoot(page, `key-lift-over-box-${size.width}`);

      // Esc puts it back where it was lifted: nothing is lit any more.
      await page.keyboard.press('Escape');
      await expect(node(page, tasks)).not.toHaveClass(/receiving/);
      await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(1);

      // Carried again and put down: it goes in, and the light goes out.
      await page.keyboard.press('Enter');
      for (const key of await arrowsInto(page, step, tasks)) await page.keyboard.press(key);
      await expect(node(page, tasks)).toHaveClass(/receiving/);
      await page.keyboard.press('Enter');
      await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(0);
      await expect(node(page, tasks)).not.toHaveClass(/receiving/);
      expect(errors).toEqual([]);
    });
  });
}
