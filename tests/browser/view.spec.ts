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
  await page.waitForTimeout(700);
  const second = await screen(stage, 'run-playing-2');
  expect(first.equals(second), 'tokens move between two moments').toBe(false);
  await screen(page, 'run-in-game');

  // Pause: the moment stands still.
  await panel.getByTestId('run-play').click();
  await expect(panel.getByTestId('run-play')).toHaveAttribute('aria-label', 'Play');
  const paused = await shownTime(panel);
  await page.waitForTimeout(500);
  expect(await shownTime(panel)).toBe(paused);

  // Step: on to the next thing that happens, still paused.
  await panel.getByTestId('run-step').click();
  await expect.poll(() => shownTime(panel)).toBeGreaterThan(paused);
  const stepped = await shownTime(panel);
  await page.waitForTimeout(300);
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

  // Faster: the same wall time covers more of the run.
  await panel.getByTestId('run-speed').selectOption('1');
  await panel.getByTestId('run-play').click();
  await page.waitForTimeout(600);
  await panel.getByTestId('run-play').click();
  const slow = await shownTime(panel);
  await page.keyboard.press('Home');
  await panel.getByTestId('run-speed').selectOption('10');
  await panel.getByTestId('run-play').click();
  await page.waitForTimeout(600);
  await panel.getByTestId('run-play').click();
  const fast = await shownTime(panel);
  expect(fast).toBeGreaterThan(slow * 4);

  // Enlarge to watch, Esc to go back.
  await panel.getByTestId('run-enlarge').click();
  await expect(panel.locator('.lw-run')).toHaveClass(/expanded/);
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
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
  await page.waitForTimeout(300);
  const { places } = placeRows(rows);
  const worker = places.find((p) => p.row.kind === 'lane' && p.row.label === 'worker 1')!;
  const box = (await panel.locator('canvas').boundingBox())!;
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
  await page.waitForTimeout(300);
  await screen(page, 'run-deadlock');
  // Back before the end, the run still moves: no banner.
  await panel.getByTestId('run-scrub').focus();
  await page.keyboard.press('Home');

  await expect(banner).toBeHidden();
  expect(errors).toEqual([]);
});
