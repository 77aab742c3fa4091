/**
 * The score tells the truth, in words the player can act on: a run that delivers nothing
 * earns no tick, correctness is listed among the goals, problems name nodes as the board
 * shows them and take the player to them, and the lower bound says what it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  finishContracts,
  node,
  openGame,
  shoot,
  solveHelloGather,
  watchErrors,
} from './helpers/game';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
] as const;

/** The link to one of a contract's naive wirings, made by `npm run share`. */
function naiveLink(level: string, name: string): string {
  const file = `levels/${level}.json`;
  const json = JSON.parse(readFileSync(file, 'utf8')) as { naive: { name: string }[] };
  mkdirSync('test-results', { recursive: true });
  const wiring = `test-results/${level}-${name.replace(/\W+/g, '-')}.json`;
  writeFileSync(wiring, JSON.stringify(json.naive.find((n) => n.name === name)));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/share.ts', file, wiring],
    {
      encoding: 'utf8',
    },
  );
  return out.trim().replace(/^\//, '');
}

/** Opens a link, presses Run, skips the show, and waits for the run's score. */
async function runLink(page: Page, hash: string): Promise<void> {
  await openGame(page);
  await page.goto(`./${hash}`);
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
  await expect(page.locator('lw-node')).not.toHaveCount(0);
  await page.locator('[data-action=run]').click();
  // A run that stopped at its first moment has no show to skip.
  const verdict = page.getByTestId('score').locator('[data-source="run"]');
  const skip = page.locator('[data-testid=run-skip]:visible');
  await expect(verdict.or(skip).first()).toBeVisible({ timeout: 30_000 });
  if (await skip.isVisible()) await skip.click();
  await expect(verdict).toBeVisible({ timeout: 30_000 });
}

for (const size of SIZES) {
  test(`a run that ran out of memory with 0 jobs delivered and a makespan of 0 shows no ✓ against par (${size.width}×${size.height})`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await runLink(page, naiveLink('photo-resize', 'sixteen processes'));
    const score = page.getByTestId('score');
    await score.scrollIntoViewIfNeeded();
    await expect(score.locator('.jobs-line')).toContainText('0 jobs delivered of 400');
    await expect(score.locator('[data-metric=makespan] dd')).toHaveText('0 µs');
    // A run that stopped has no time to hold against a deadline or the lower bound.
    await expect(score.locator('.goal-results [data-metric=makespan]')).toContainText(
      'the run did not finish',
    );
    await expect(score.locator('[data-metric=bound] dd')).toHaveText('—');
    await expect(score.locator('.problem-list')).toContainText('Out of memory');
    await expect(score.getByTestId('par-ungraded')).toBeVisible();
    await expect(score.locator('.par-ladder')).not.toContainText('✓');
    await expect(score.locator('.par-checks .met')).toHaveCount(0);
    await shoot(page, `score-nothing-delivered-${size.width}`);
    expect(errors).toEqual([]);
  });
}

test('the e-mail and the score list "No lost update" among the goals; a race names its step, and a click shows it on the board', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  // The e-mail of a contract that shares state lists the correctness it is held to.
  await finishContracts(page, [
    'hello-gather',
    'chess-exhibition',
    'polite-scraper',
    'newsletter',
    'price-check',
    'photo-backlog',
    'ticket-rush',
    'flaky-payments',
    'hanging-replicas',
    'legacy-client',
    'archive-sdk',
    'gil-ceiling',
    'convoy',
  ]);
  await page.locator('.mail-row[data-contract="ledger"]').click();
  const goals = page.locator('.goal-list');
  await expect(goals).toContainText('No lost update');
  await expect(goals).toContainText('Every job delivered, exactly once');
  await shoot(page, 'score-words-mail-goals');

  await runLink(page, naiveLink('ledger', 'no lock'));
  const score = page.getByTestId('score');
  await expect(score.locator('.goal-results [data-metric=lostUpdate]')).toHaveClass(/missed/);
  await expect(score.locator('.goal-results [data-metric=lostUpdate]')).toContainText(
    'No lost update',
  );
  // Nodes are named as the board shows them, never by an id like "n11".
  const races = score.locator('.races');
  await expect(races).toContainText('Step “post it to the ledger”');
  await expect(score).not.toContainText(/\bn\d+\b/);
  await expect(score.locator('.problem-list')).toContainText('Race on "balance"');

  // Move the board away, then click the problem: its node is selected and back in view.
  const board = page.locator('.wb-editor');
  const frame = (await board.boundingBox())!;
  await page.mouse.move(frame.x + 40, frame.y + frame.height - 40);
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width - 20, frame.y + 20, { steps: 8 });
  await page.mouse.up();
  const link = races.locator('.node-link').first();
  const id = (await link.getAttribute('data-node'))!;
  await link.click();
  await expect(node(page, id)).toHaveClass(/selected/);
  await expect
    .poll(async () => {
      const box = (await node(page, id).boundingBox())!;
      const view = (await board.boundingBox())!;
      return (
        Math.abs(box.x + box.width / 2 - (view.x + view.width / 2)) < 4 &&
        Math.abs(box.y + box.height / 2 - (view.y + view.height / 2)) < 4
      );
    })
    .toBe(true);
  await shoot(page, 'score-words-race-centred');
  expect(errors).toEqual([]);
});

test('the lower bound is explained where it is shown', async ({ page }) => {
  await runLink(page, naiveLink('ledger', 'a lock around everything'));
  const score = page.getByTestId('score');
  const note = score.getByTestId('bound-note');
  await expect(note).toContainText(/Lower bound ×\d+\.\d\d: no wiring can finish before/);
  await expect(score.locator('[data-metric=bound]')).toHaveAttribute(
    'title',
    /No wiring finishes before/,
  );
  await shoot(page, 'score-words-bound');
});

for (const size of SIZES)
  test(`a delivered contract's live score does not ask to deliver it again (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await openGame(page);
    // Wired on a desktop board (a phone's board is another part's); read at every size.
    await solveHelloGather(page);
    await page.setViewportSize(size);
    const sub = page.getByTestId('score').locator('.score-sub');
    await expect(sub).toContainText('Press Run (Space) to deliver it');
    await page.locator('[data-action=run]').click();
    await expect(page.getByTestId('run-skip')).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.locator('[data-action=stay]').click();
    // Delivered: the wiring's live score says what a run of it does now.
    // On a phone the inbox opens on the open contract's own e-mail, and the score is a view
    // of its own; on a desktop the list sits beside the e-mail and the score beside the board.
    const phone = size.width < 760;
    await page.locator('[data-action=inbox]').click();
    if (!phone) await page.locator('.mail-row[data-contract="hello-gather"]').click();
    await page.locator('[data-action=accept]').click();
    if (phone) await page.locator('.wb-view[data-view=score]').click();
    await expect(page.getByTestId('score').locator('[data-source="live"]')).toBeVisible({
      timeout: 30_000,
    });
    await expect(sub).toContainText('Delivered already');
    await expect(sub).not.toContainText('to deliver it');
    await shoot(page, `score-words-delivered-${size.width}`);
  });
