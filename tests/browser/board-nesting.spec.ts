/**
 * Nesting as a player does it: a node lands where it is let go and its neighbours make
 * room, the box that will take a dragged node is lit before the release, and a box that
 * grows never covers another node's ports. Each case at the two desktop sizes.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  acceptContract,
  editor,
  finishContracts,
  insideBox,
  node,
  openGame,
  placeNode,
  shoot,
  socket,
  watchErrors,
  wire,
} from './helpers/game';
import { boxOf, within, type Box } from './helpers/boxes';

const apart = (a: Box, b: Box): boolean =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** A point of the editor (pixels from its top left) at a node's title. */
async function titleAt(page: Page, id: string): Promise<{ x: number; y: number }> {
  const title = (await node(page, id).locator('.label').boundingBox())!;
  return { x: title.x + title.width / 2, y: title.y + title.height / 2 };
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('a node dropped on a box’s first child lands where it was let go; the child makes room', async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await openGame(page);
      await acceptContract(page, 'hello-gather');
      const tasks = await placeNode(page, 'tasks', 300, 200);
      const spot = await insideBox(page, tasks);
      const first = await placeNode(page, 'step', spot.x, spot.y);
      const firstBefore = await boxOf(page, first);
      const frame = (await editor(page).boundingBox())!;
      // Straight onto the first child's title.
      const at = await titleAt(page, first);
      const second = await placeNode(page, 'step', at.x - frame.x, at.y - frame.y);
      await expect
        .poll(async () => apart(await boxOf(page, first), await boxOf(page, second)))
        .toBe(true);
      const dropped = await boxOf(page, second);
      // It sits where the pointer let it go (centred under the pointer, title under it).
      expect(Math.abs(dropped.x + dropped.width / 2 - at.x)).toBeLessThan(4);
      expect(Math.abs(dropped.y + 19 - at.y)).toBeLessThan(4);
      expect(await boxOf(page, first)).not.toEqual(firstBefore);
      const box = await boxOf(page, tasks);
      expect(within(await boxOf(page, first), box)).toBe(true);
      expect(within(dropped, box)).toBe(true);
      expect(errors).toEqual([]);
    });

    test('dragging a Thread pool beside a Process pool lights the box it will land in, and it lands there', async ({
      page,
    }) => {
      await openGame(page);
      await finishContracts(page, ['hello-gather', 'photo-resize']);
      await acceptContract(page, 'photo-resize');
      const tasks = await placeNode(page, 'tasks', 260, 160);
      let spot = await insideBox(page, tasks);
      const processes = await placeNode(page, 'processPool', spot.x, spot.y);
      const threads = await placeNode(page, 'threadPool', 600, 420);
      await shoot(page, `nesting-drag-start-${size.width}`);

      const from = await titleAt(page, threads);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      // Over the Process pool's body: the Process pool is lit, not its Tasks.
      spot = await insideBox(page, processes);
      const frame = (await editor(page).boundingBox())!;
      await page.mouse.move(frame.x + spot.x, frame.y + spot.y, { steps: 10 });
      await expect(node(page, processes)).toHaveClass(/receiving/);
      await expect(node(page, tasks)).not.toHaveClass(/receiving/);
      await shoot(page, `nesting-drag-over-pool-${size.width}`);
      // Beside it, still in Tasks: now Tasks is lit and the Process pool is not.
      const pool = await boxOf(page, processes);
      const outer = await boxOf(page, tasks);
      const beside = { x: pool.x + pool.width + 12, y: pool.y + pool.height / 2 };
      expect(beside.x).toBeLessThan(outer.x + outer.width);
      await page.mouse.move(beside.x, beside.y, { steps: 10 });
      await expect(node(page, tasks)).toHaveClass(/receiving/);
      await expect(node(page, processes)).not.toHaveClass(/receiving/);
      await shoot(page, `nesting-drag-beside-pool-${size.width}`);
      await page.mouse.up();
      await expect(node(page, tasks)).not.toHaveClass(/receiving/);

      // It went into Tasks, beside the Process pool and not inside it.
      await expect
        .poll(async () => within(await boxOf(page, threads), await boxOf(page, tasks)))
        .toBe(true);
      expect(apart(await boxOf(page, threads), await boxOf(page, processes))).toBe(true);
      await shoot(page, `nesting-drag-dropped-${size.width}`);
    });

    test('a box that grows never covers the Sink’s input: the Tasks → Sink wire is made', async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await openGame(page);
      await acceptContract(page, 'hello-gather');
      const sink = await boxOf(page, 'n2');
      const frame = (await editor(page).boundingBox())!;
      // Tasks just left of the Sink; a Step dropped in its right edge makes it grow right.
      const tasks = await placeNode(page, 'tasks', sink.x - frame.x - 180, sink.y - frame.y - 20);
      const box = await boxOf(page, tasks);
      await placeNode(
        page,
        'step',
        box.x - frame.x + box.width - 30,
        box.y - frame.y + box.height - 40,
      );
      await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(0);
      expect(apart(await boxOf(page, tasks), await boxOf(page, 'n2'))).toBe(true);
      // The Sink's input is what a press there reaches.
      const port = (await socket(page, 'n2', 'input', 'in').boundingBox())!;
      const reached = await page.evaluate(
        ({ x, y }) => {
          let at: Element | null = document.elementFromPoint(x, y);
          while (at?.shadowRoot) {
            const inner = at.shadowRoot.elementFromPoint(x, y);
            if (!inner || inner === at) break;
            at = inner;
          }
          // Up through shadow roots to the node the element belongs to.
          for (let up: Node | null = at; up;) {
            if (up instanceof Element && up.hasAttribute('data-node'))
              return up.getAttribute('data-node');
            up = up.parentNode instanceof ShadowRoot ? up.parentNode.host : up.parentNode;
          }
          return null;
        },
        { x: port.x + port.width / 2, y: port.y + port.height / 2 },
      );
      expect(reached).toBe('n2');
      await wire(page, tasks, 'n2');
      await expect(page.locator('lw-connection')).toHaveCount(1);
      await shoot(page, `nesting-grown-box-${size.width}`);
      expect(errors).toEqual([]);
    });
  });
}
