/**
 * The run view and the timeline as a player uses them: run a contract and watch the jobs
 * move, pause, step, scrub, change speed, enlarge; read the timeline lane by lane and hover
 * it for a job; see a deadlock freeze on its cycle. Screenshots go to test-results/view/.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { simulate } from '../../src/engine/simulate';
import type { Level } from '../../src/model/level';
import type { Solution } from '../../src/model/solution';
import { parseLevel } from '../../src/model/load';
import { solutionHash } from '../../src/share/link';
import { buildReplay } from '../../src/view/replay/replay';
import { placeRows } from '../../src/view/timeline/paint';
import { buildRows } from '../../src/view/timeline/rows';

function loadLevel(id: string): Level {
  return parseLevel(JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')), `levels/${id}.json`);
}

/** Opens a contract with a wiring, as a player following a share link does. */
async function openWiring(page: Page, level: Level, solution: Solution): Promise<void> {
  await page.goto(`./${solutionHash(level, solution)}`);
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
}

/**
 * Presses Run and waits for its show to start. Unless `watch`, skips it (Esc) and waits for
 * the run's verdict (closing the celebration when the contract is met).
 */
async function run(page: Page, watch = false): Promise<void> {
  await page.locator('[data-action=run]').click();
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  if (watch) return;
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('score').locator('[data-source="run"]')).toBeVisible({
    timeout: 30_000,
  });
  const stay = page.locator('[data-action=stay]');
  if (await stay.isVisible()) await stay.click();
}

const runPanel = (page: Page): Locator => page.locator('.dock-panel[data-panel="run-view"]');
const timelinePanel = (page: Page): Locator => page.locator('.dock-panel[data-panel="timeline"]');

/** The moment a view shows, in simulated microseconds. */
async function shownTime(panel: Locator): Promise<number> {
  return Number(await panel.getAttribute('data-time'));
}

/** Lets the page draw `count` animation frames: whatever the view would do by then, it has done. */
async function frames(page: Page, count = 3): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const next = (): void => void (n-- > 0 ? requestAnimationFrame(next) : resolve());
        next();
      }),
    count,
  );
}

/** Waits until `target`'s box stops changing (an enlarged panel has finished laying out). */
async function settledBox(
  page: Page,
  target: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = '';
  await expect
    .poll(async () => {
      await frames(page, 2);
      const box = JSON.stringify(await target.boundingBox());
      const same = box === last;
      last = box;
      return same;
    })
    .toBe(true);
  return JSON.parse(last) as { x: number; y: number; width: number; height: number };
}

async function screen(target: Page | Locator, name: string): Promise<Buffer> {
  return target.screenshot({ path: `test-results/view/${name}.png` });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

test.describe.configure({ mode: 'serial' });

test('a player runs a contract and watches the jobs move, then pauses, steps, scrubs and speeds up', async ({
  page,
}) => {
  const errors = watchErrors(page);
  // The page's clock is Playwright's: it flows as usual until the test holds it, so
  // "paused stands still" and "faster covers more" are checked on exact time, not sleeps.
  await page.clock.install();
  const level = loadLevel('photo-resize');
  await openWiring(page, level, level.reference);
  await run(page, true);
  const panel = runPanel(page);
  const stage = panel.locator('.lw-stage');
  await expect(panel.locator('canvas')).toHaveCount(2);
  // A fresh run starts playing by itself.
  await expect.poll(() => shownTime(panel)).toBeGreaterThan(0);
  await expect.poll(async () => Number(await panel.getAttribute('data-tokens'))).toBeGreaterThan(0);
  const first = await screen(stage, 'run-playing-1');
  const firstTime = await shownTime(panel);
  await expect.poll(() => shownTime(panel)).toBeGreaterThan(firstTime);
  await expect
    .poll(async () => first.equals(await screen(stage, 'run-playing-2')), {
      message: 'tokens move between two moments',
    })
    .toBe(false);
  await screen(page, 'run-in-game');

  // Pause: the moment stands still.
  await panel.getByTestId('run-play').click();
  await expect(panel.getByTestId('run-play')).toHaveAttribute('aria-label', 'Play');
  const paused = await shownTime(panel);
  await page.clock.runFor(500);
  await frames(page);
  expect(await shownTime(panel)).toBe(paused);

  // Step: on to the next thing that happens, still paused.
  await panel.getByTestId('run-step').click();
  await expect.poll(() => shownTime(panel)).toBeGreaterThan(paused);
  const stepped = await shownTime(panel);
  await page.clock.runFor(300);
  await frames(page);
  expect(await shownTime(panel)).toBe(stepped);

  // Scrub with the keyboard, as on any slider: End is the end of the run, Home its start.
  const scrub = panel.getByTestId('run-scrub');
  await scrub.focus();
  await page.keyboard.press('End');
  const end = Number(await scrub.getAttribute('max'));
  await expect.poll(() => shownTime(panel)).toBe(end);
  await expect(panel.getByTestId('run-time')).toContainText('22.23 s / 22.23 s');
  await screen(stage, 'run-at-end');
  await page.keyboard.press('Home');
  await expect.poll(() => shownTime(panel)).toBe(0);

  // Faster: the same time watched covers more of the run. The clock is held, so each
  // watch lasts exactly 600 ms of the page's time however busy the machine is.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const watch = async (speed: string): Promise<number> => {
    await scrub.focus();
    await page.keyboard.press('Home');
    // Frames come only as the held clock is run: one draws the moment shown.
    await page.clock.runFor(20);
    expect(await shownTime(panel)).toBe(0);
    await panel.getByTestId('run-speed').selectOption(speed);
    await panel.getByTestId('run-play').click();
    await expect(panel.getByTestId('run-play')).toHaveAttribute('aria-label', 'Pause');
    await page.clock.runFor(600);
    await panel.getByTestId('run-play').click();
    await expect(panel.getByTestId('run-play')).toHaveAttribute('aria-label', 'Play');
    await page.clock.runFor(20);
    return shownTime(panel);
  };
  const slow = await watch('1');
  const fast = await watch('10');
  expect(slow).toBeGreaterThan(0);
  expect(fast).toBeGreaterThan(slow * 4);
  await page.clock.resume();

  // Enlarge to watch, Esc to go back.
  await panel.getByTestId('run-enlarge').click();
  await expect(panel.locator('.lw-run')).toHaveClass(/expanded/);
  await scrub.focus();
  await page.keyboard.press('End');
  await expect.poll(() => shownTime(panel)).toBe(end);
  await settledBox(page, stage);
  await screen(page, 'run-enlarged');
  await page.keyboard.press('Escape');
  await expect(panel.locator('.lw-run')).not.toHaveClass(/expanded/);

  // The colour key says what the colours mean, in words.
  await panel.getByTestId('run-key').click();
  await expect(panel.locator('.lw-key')).toContainText('wants the GIL');
  expect(errors).toEqual([]);
});

test('the timeline shows a lane per worker of the wiring, and hovering one names its job and step', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const level = loadLevel('ticket-rush');
  await openWiring(page, level, level.reference);
  await run(page);
  await page.locator('.dock-tab[data-tab="timeline"]').click();
  const panel = timelinePanel(page);
  await expect(panel.locator('canvas')).toBeVisible();

  // The lanes the wiring should have, from the same run replayed here.
  const result = simulate(level, level.reference);
  if (!result.ok || !result.trace) throw new Error('the reference wiring must run');
  const replay = buildReplay(result.trace);
  const rows = buildRows(replay, level.reference, level);
  const lanes = rows.filter((r) => r.kind === 'lane' || r.kind === 'summary');
  expect(lanes.length).toBe(replay.workers.length);
  await expect(panel).toHaveAttribute('data-lanes', String(lanes.length));
  await expect(panel).toHaveAttribute('data-rows', String(rows.length));

  // Hover the first queue worker's lane a quarter of the way in: its job and step.
  await panel.getByTestId('run-enlarge').click();
  await expect(panel.getByTestId('run-enlarge')).toHaveAttribute('aria-pressed', 'true');
  const { places } = placeRows(rows);
  const worker = places.find((p) => p.row.kind === 'lane' && p.row.label === 'worker 1')!;
  const box = await settledBox(page, panel.locator('canvas'));
  const x = box.x + 190 + (box.width - 190) * 0.25;
  const y = box.y + 24 + worker.y + worker.h / 2;
  await page.mouse.move(x, y);
  const tooltip = panel.locator('.lw-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('worker 1');
  await expect(tooltip).toContainText(/job \d+/);
  await expect(tooltip).toContainText('book a seat');
  await screen(page, 'timeline-hover');

  // Click the bar: its job is followed in every view.
  const job = Number((await tooltip.textContent())!.match(/job (\d+)/)![1]);
  await page.mouse.click(x, y);

  await expect(panel).toHaveAttribute('data-selected-job', String(job));
  await page.keyboard.press('Escape');
  await page.locator('.dock-tab[data-tab="run-view"]').click();
  await expect(runPanel(page)).toHaveAttribute('data-selected-job', String(job));
  expect(errors).toEqual([]);
});

test('a deadlocked run freezes on its wait-for cycle', async ({ page }) => {
  const errors = watchErrors(page);
  const level = loadLevel('two-accounts');
  await openWiring(page, level, level.naive[0]!);
  await run(page);
  const panel = runPanel(page);
  await expect(panel.getByTestId('run-status')).toHaveText('deadlock');
  // Let the fresh run start playing by itself, then jump to where it stops.
  await expect.poll(() => shownTime(panel)).toBeGreaterThan(0);
  await panel.getByTestId('run-scrub').focus();
  await page.keyboard.press('End');
  const banner = panel.getByTestId('run-banner');

  await expect(banner).toBeVisible();

  await expect(banner).toContainText('Deadlock');
  await expect(banner).toContainText('waits for');
  await panel.getByTestId('run-enlarge').click();
  await expect(panel.locator('.lw-run')).toHaveClass(/expanded/);
  await settledBox(page, panel.locator('.lw-stage'));
  await screen(page, 'run-deadlock');
  // Back before the end, the run still moves: no banner.
  await panel.getByTestId('run-scrub').focus();
  await page.keyboard.press('Home');

  await expect(banner).toBeHidden();
  expect(errors).toEqual([]);
});
