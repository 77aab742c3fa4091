/**
 * Inside a box: a node alone in it shows no ports (the box feeds it and takes what it
 * gives, so there is nothing to wire), and a chain of two reads in the order its wire runs,
 * left to right. Each case at the two desktop sizes.
 */
import { expect, test } from '@playwright/test';
import {
  acceptContract,
  insideBox,
  node,
  openGame,
  placeNode,
  shoot,
  socket,
  watchErrors,
  wire,
} from './helpers/game';
import { boxOf, within } from './helpers/boxes';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('a step alone in a box shows no ports; a second one brings the ports that join them', async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await openGame(page);
      await acceptContract(page, 'hello-gather');
      const tasks = await placeNode(page, 'tasks', 320, 200);
      let spot = await insideBox(page, tasks);
      const first = await placeNode(page, 'step', spot.x, spot.y);
      await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(0);
      await shoot(page, `chain-alone-${size.width}`);
      // The box keeps its own ports: it is wired outside.
      await expect(socket(page, tasks, 'input', 'in')).toBeVisible();
      await expect(socket(page, tasks, 'output', 'out')).toBeVisible();
      await expect(node(page, first).locator('.socket-slot')).toHaveCount(0);

      // A second step beside it: now a wire between them is the player's to make.
      const box = await boxOf(page, first);
      spot = await insideBox(page, tasks);
      const second = await placeNode(page, 'step', spot.x + box.width / 3, spot.y);
      expect(within(await boxOf(page, second), await boxOf(page, tasks))).toBe(true);
      await expect(socket(page, first, 'output', 'out')).toBeVisible();
      await expect(socket(page, second, 'input', 'in')).toBeVisible();
      expect(errors).toEqual([]);
    });

    test('a wire drawn backwards inside a box puts its chain in order, left to right', async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await openGame(page);
      await acceptContract(page, 'hello-gather');
      const tasks = await placeNode(page, 'tasks', 320, 200);
      const spot = await insideBox(page, tasks);
      const one = await placeNode(page, 'step', spot.x, spot.y);
      const width = (await boxOf(page, one)).width;
      // Dropped on the first one's right half: the box takes it and the first makes room.
      const two = await placeNode(page, 'step', spot.x + width / 3, spot.y);
      const outerBefore = await boxOf(page, tasks);
      expect(within(await boxOf(page, two), outerBefore)).toBe(true);
      const [left, right] =
        (await boxOf(page, one)).x < (await boxOf(page, two)).x ? [one, two] : [two, one];
      await shoot(page, `chain-before-wire-${size.width}`);

      // The right-hand step runs first: the player wires it into the left-hand one.
      await wire(page, right, left);
      await expect(page.locator('lw-connection')).toHaveCount(1);
      await expect
        .poll(async () => (await boxOf(page, right)).x < (await boxOf(page, left)).x)
        .toBe(true);
      await shoot(page, `chain-in-order-${size.width}`);
      const outer = await boxOf(page, tasks);
      expect(within(await boxOf(page, left), outer)).toBe(true);
      expect(within(await boxOf(page, right), outer)).toBe(true);
      // Side by side: the wire runs straight from one to the next.
      expect(Math.abs((await boxOf(page, left)).y - (await boxOf(page, right)).y)).toBeLessThan(2);
      expect(errors).toEqual([]);
    });
  });
}
