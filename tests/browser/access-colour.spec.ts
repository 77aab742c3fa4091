/**
 * Worker states are told apart without colour: the legend's swatches, the run view's slots
 * and the timeline's lanes draw each state with its own pattern (the colour-vision check
 * of the palette itself is tests/unit/view/statePatterns.test.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseLevel } from '../../src/model/load';
import { solutionHash } from '../../src/share/link';
import { shoot, watchErrors } from './helpers/game';

test('the legend shows "on a core" solid and "wants the GIL" hatched, and the run draws them so', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const level = parseLevel(JSON.parse(readFileSync('levels/convoy.json', 'utf8')), 'convoy');
  await page.goto(`./${solutionHash(level, level.reference)}`);
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
  await page.locator('[data-action=run]').click();
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  const stay = page.locator('[data-action=stay]');
  await expect(stay.or(page.getByTestId('score').locator('[data-source="run"]'))).toBeVisible({
    timeout: 30_000,
  });
  if (await stay.isVisible()) await stay.click();

  const run = page.locator('.lw-run').first();
  await run.locator('input[type=range]').fill('400000');
  await run.getByRole('button', { name: 'Key' }).click();
  const swatch = (state: string) => run.locator(`.lw-swatch[data-state="${state}"]`);
  const cpu = await swatch('cpu').evaluate((el) => getComputedStyle(el).backgroundImage);
  const gil = await swatch('gil').evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(gil).toContain('url(');
  expect(gil).not.toBe(cpu);
  await run.getByRole('button', { name: 'Enlarge' }).click();
  await shoot(page, 'colour-run-view');
  await page.keyboard.press('Escape');
  await page.locator('.dock-tab[data-tab="timeline"]').click();
  const timeline = page.locator('.dock-panel[data-panel="timeline"]');
  await expect(timeline.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
  await expect(timeline).toHaveAttribute('data-lanes', /\d+/);
  await shoot(page, 'colour-timeline');
  expect(errors).toEqual([]);
});
