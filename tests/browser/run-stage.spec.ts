/**
 * The run is the show, on the board's own picture: Run plays the run over the board's space
 * with every node where the editor drew it (same place, same size: the same zoom and pan),
 * at a speed that makes the whole run a few seconds of watching.
 */
import { expect, test, type Page } from '@playwright/test';
import { node, openGame, shoot, solveHelloGather, watchErrors } from './helpers/game';

/** Each node's rectangle on the screen as the run view draws it. */
async function drawnBoxes(page: Page): Promise<Record<string, number[]>> {
  const text = await page.locator('[data-panel=run-view]').getAttribute('data-boxes');
  return JSON.parse(text ?? '{}') as Record<string, number[]>;
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`the show draws the wiring where the editor lays it out (${size.width}×${size.height})`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openGame(page);
    // Wired on a desktop board (a phone's board is another part's); watched at every size.
    await solveHelloGather(page);
    await page.setViewportSize(size);
    const ids = ['n1', 'n2', 'n3', 'n4'];
    const onBoard: Record<string, { x: number; y: number; width: number; height: number }> = {};
    // Where the screen shows the board, its own zoom: a step in, not a fitted one.
    const boardShown = ((await page.locator('.wb-editor').boundingBox())?.width ?? 0) > 200;
    if (boardShown) {
      await page.locator('.wb-editor').hover();
      await page.mouse.wheel(0, -120);
      for (const id of ids) onBoard[id] = (await node(page, id).boundingBox())!;
    }

    await page.locator('[data-action=run]').click();
    await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.lw-run.expanded')).toBeVisible();
    // The stage takes the window, big enough to read.
    const stage = (await page.locator('.lw-run.expanded .lw-stage').boundingBox())!;
    expect(stage.width).toBeGreaterThan(size.width * 0.9);
    expect(stage.height).toBeGreaterThan(size.height * 0.6);
    if (boardShown)
      await expect
        .poll(async () => {
          const drawn = await drawnBoxes(page);
          return ids.every((id) => {
            const [x, y, w, h] = drawn[id] ?? [];
            const b = onBoard[id]!;
            return (
              Math.abs(x! - b.x) <= 3 &&
              Math.abs(y! - b.y) <= 3 &&
              Math.abs(w! - b.width) <= 3 &&
              Math.abs(h! - b.height) <= 3
            );
          });
        })
        .toBe(true);
    // A few seconds of watching: the run's length at the speed chosen for it.
    const speed = Number(await page.getByTestId('run-speed').inputValue());
    const clock = (await page.getByTestId('run-time').innerText()).split('/')[1]!;
    const seconds = Number.parseFloat(clock) / speed;
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeLessThanOrEqual(10);
    await shoot(page, `run-stage-${size.width}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('celebration')).toBeVisible();
    expect(errors).toEqual([]);
  });
}
