/**
 * What a player does, as test steps: open the game, accept a contract, drag nodes from the
 * palette, wire ports, nest a node in a box, run. Locators reach into the nodes' shadow
 * roots (Playwright's CSS engine pierces open shadow DOM).
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Collects page errors and console errors; a test ends by asserting there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export async function openGame(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.locator('[data-screen=inbox]')).toBeVisible();
}

export async function acceptContract(page: Page, id: string): Promise<void> {
  await page.locator(`.mail-row[data-contract="${id}"]`).click();
  await page.locator('[data-action=accept]').click();
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
  await expect(page.locator('lw-node')).not.toHaveCount(0);
}

export function editor(page: Page): Locator {
  return page.locator('.wb-editor');
}

export function node(page: Page, id: string): Locator {
  return page.locator(`.node[data-node="${id}"]`);
}

/** Ids of the nodes of a type, in the order they were placed. */
export async function nodeIds(page: Page, type: string): Promise<string[]> {
  const ids = await page
    .locator(`.node[data-type="${type}"]`)
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.node ?? ''));
  return ids.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** Drags a node type from the palette to a point of the editor (pixels from its top left). */
export async function placeNode(page: Page, type: string, x: number, y: number): Promise<string> {
  const before = await nodeIds(page, type);
  await page.locator(`.palette-item[data-node-type="${type}"]`).dragTo(editor(page), {
    targetPosition: { x, y },
  });
  await expect(page.locator(`.node[data-type="${type}"]`)).toHaveCount(before.length + 1);
  const after = await nodeIds(page, type);
  return after.find((id) => !before.includes(id))!;
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export function socket(page: Page, id: string, side: 'input' | 'output', key: string): Locator {
  return page.locator(`.node[data-node="${id}"] [data-socket="${side}:${key}"] lw-socket`);
}

/** Drags a wire from one node's output to another node's input, the way a player does. */
export async function wire(page: Page, from: string, to: string, port = 'out'): Promise<void> {
  const a = await centre(socket(page, from, 'output', port));
  const b = await centre(socket(page, to, 'input', 'in'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
}

/** Drags a node by its title to a point of the editor, e.g. into a container. */
export async function dragNode(page: Page, id: string, x: number, y: number): Promise<void> {
  const title = node(page, id).locator('.label');
  const start = await centre(title);
  const frame = await editor(page).boundingBox();
  if (!frame) throw new Error('no editor');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(frame.x + x, frame.y + y, { steps: 12 });
  await page.mouse.up();
}

/** The middle of a container's body, in editor pixels: where a dropped node lands inside it. */
export async function insideBox(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await node(page, id).locator('.body').boundingBox();
  const frame = await editor(page).boundingBox();
  if (!box || !frame) throw new Error('not visible');
  return { x: box.x - frame.x + box.width / 2, y: box.y - frame.y + box.height / 2 };
}

/** Plays the first contract from the inbox to a wiring that meets every goal. */
export async function solveHelloGather(page: Page): Promise<void> {
  await acceptContract(page, 'hello-gather');
  await wireHelloGather(page);
}

/** On the first contract's open board: a Step nested in Tasks, wired Source → Tasks → Sink. */
export async function wireHelloGather(page: Page): Promise<void> {
  const step = await placeNode(page, 'step', 420, 120);
  const tasks = await placeNode(page, 'tasks', 420, 330);
  const inside = await insideBox(page, tasks);
  await dragNode(page, step, inside.x, inside.y);
  await expect(node(page, tasks).locator('.drop-hint')).toHaveCount(0);
  await wire(page, 'n1', tasks);
  await wire(page, tasks, 'n2');
  await expect(page.locator('lw-connection')).toHaveCount(2);
}

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

/** Starts from a save in which these contracts are already delivered (their pay banked). */
export async function finishContracts(page: Page, ids: readonly string[]): Promise<void> {
  await page.evaluate((done) => {
    const contracts: Record<string, unknown> = {};
    for (const id of done)
      contracts[id] = {
        read: true,
        accepted: true,
        paid: true,
        bestGrade: 'bronze',
        hintsShown: 0,
        active: '',
        solutions: [],
      };
    localStorage.setItem(
      'loopwork.save',
      JSON.stringify({ kind: 'loopwork/save', version: 1, balance: 0, contracts }),
    );
  }, ids);
  await page.reload();
  await expect(page.locator('[data-screen=inbox]')).toBeVisible();
}
