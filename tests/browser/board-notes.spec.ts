/**
 * The notes a wiring problem pins under a node never cover another node or another
 * node's notes: a step with a step just under it, and a step inside a box that has notes
 * of its own. Each case at the two desktop sizes.
 */
import { expect, test, type Page } from '@playwright/test';
import { acceptContract, insideBox, openGame, placeNode, shoot, watchErrors } from './helpers/game';
import { boxOf, within, type Box } from './helpers/boxes';

const meets = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every node's box and the box of the notes under it, as drawn. */
async function drawn(page: Page): Promise<{ id: string; box: Box; notes: Box | null }[]> {
  const ids = await page
    .locator('.node[data-node]')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.node ?? ''));
  const out = [];
  for (const id of ids) {
    const notes = page.locator(`.node[data-node="${id}"] > .issues`);
    out.push({
      id,
      box: await boxOf(page, id),
      notes: (await notes.count()) > 0 ? await notes.boundingBox() : null,
    });
  }
  return out;
}

/** Pairs where one node's notes cover a node that does not hold it, or another's notes. */
async function covered(page: Page): Promise<string[]> {
  const all = await drawn(page);
  const found: string[] = [];
  for (const a of all) {
    if (!a.notes) continue;
    for (const b of all) {
      if (b === a) continue;
      // A box's own padding is its children's to share; its content is not.
      if (meets(a.notes, b.box) && !within(a.box, b.box, 1)) found.push(`${a.id} notes on ${b.id}`);
      if (b.notes && meets(a.notes, b.notes)) found.push(`${a.id} notes on ${b.id} notes`);
    }
  }
  return found;
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('a step’s notes never cover the step placed just under it', async ({ page }) => {
      const errors = watchErrors(page);
      await openGame(page);
      await acceptContract(page, 'hello-gather');
      const upper = await placeNode(page, 'step', 420, 90);
      const box = await boxOf(page, upper);
      const frame = (await page.locator('.wb-editor').boundingBox())!;
      // Its title just under the upper one's bottom edge, a wire's gap apart.
      await placeNode(page, 'step', 420, box.y - frame.y + box.height + 48);
      await expect(page.locator('.node > .issues')).not.toHaveCount(0);
      await shoot(page, `notes-stacked-${size.width}`);
      await expect.poll(() => covered(page)).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('the notes of a step in a box and of the box never cover each other', async ({ page }) => {
      const errors = watchErrors(page);
      await openGame(page);
      await acceptContract(page, 'hello-gather');
      const tasks = await placeNode(page, 'tasks', 420, 200);
      const spot = await insideBox(page, tasks);
      await placeNode(page, 'step', spot.x, spot.y);
      await expect(page.locator('.node > .issues')).not.toHaveCount(0);
      await shoot(page, `notes-in-box-${size.width}`);
      await expect.poll(() => covered(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}
