/**
 * The timeline's "Trace file" button gives the run as a Chrome Trace Event file: the
 * player runs a shared solution, opens the timeline, clicks, and the download holds the
 * run's processes, its GIL and its workers as tracks (the format itself is checked with a
 * real trace parser in tests/unit/traceFile/chromeTrace.test.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseLevel } from '../../src/model/load';
import { solutionHash } from '../../src/share/link';
import { shoot, watchErrors } from './helpers/game';

test('the timeline saves the run as a trace file that names its processes, GIL and workers', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const level = parseLevel(JSON.parse(readFileSync('levels/convoy.json', 'utf8')), 'convoy');
  await page.goto(`./${solutionHash(level, level.reference)}`);
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
  await page.locator('.dock-tab[data-tab="timeline"]').click();
  const timeline = page.locator('.dock-panel[data-panel="timeline"]');
  const button = timeline.getByTestId('timeline-trace-file');
  await expect(button).toBeVisible();
  await expect(button).toBeEnabled({ timeout: 30_000 });

  await shoot(page, 'timeline-trace-button');
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('loopwork-convoy-trace.json');
  const trace = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
    traceEvents: { ph: string; name: string; args: { name?: string } }[];
    otherData: { contract: string };
  };
  expect(trace.otherData.contract).toBe(level.title);
  const named = (kind: string) =>
    trace.traceEvents.filter((e) => e.ph === 'M' && e.name === kind).map((e) => e.args.name);
  expect(named('process_name')).toContain('main process');
  expect(named('thread_name')).toEqual(expect.arrayContaining(['GIL', 'event loop']));
  expect(trace.traceEvents.some((e) => e.ph === 'X' && e.name === 'running on a core')).toBe(true);
  expect(errors).toEqual([]);
});
