/**
 * Progress stays honest: a shipped contract opened from a file is played for practice, and
 * importing progress asks in the game's own dialog and says what a refusal left alone.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { finishContracts, openGame, shoot, watchErrors, wireHelloGather } from './helpers/game';

test('a shipped contract opened as a file pays, grades and unlocks nothing', async ({ page }) => {
  const errors = watchErrors(page);
  await openGame(page);
  await page.locator('[data-action="open-contract"]').click();
  await page
    .getByTestId('contract-opener')
    .locator('input[type="file"]')
    .setInputFiles({
      name: 'hello-gather.json',
      mimeType: 'application/json',
      buffer: readFileSync('levels/hello-gather.json'),
    });
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
  await wireHelloGather(page);
  await page.locator('[data-action=run]').click();
  const sub = page.getByTestId('score').locator('[data-source="run"] .score-sub');
  await expect(sub).toContainText('played for practice', { timeout: 30_000 });
  await expect(page.getByTestId('celebration')).toHaveCount(0);
  await expect(page.getByTestId('balance')).toHaveText('$0');
  await shoot(page, 'honest-practice-run');

  await page.locator('[data-action=inbox]').click();
  await expect(page.locator('.mail-locked[data-contract="chess-exhibition"]')).toBeVisible();
  await expect(page.locator('.mail-row[data-contract="hello-gather"] .grade')).toHaveCount(0);
  const save = await page.evaluate(() => localStorage.getItem('loopwork.save') ?? '{}');
  expect(JSON.parse(save).contracts?.['hello-gather']?.paid ?? false).toBe(false);
  expect(errors).toEqual([]);
});

test('importing progress asks in the game, and declining says nothing changed', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await finishContracts(page, ['hello-gather']);
  const file = {
    kind: 'loopwork/save',
    version: 1,
    balance: 900,
    contracts: {},
  };
  // The browser's own confirm must never appear.
  page.on('dialog', (dialog) => errors.push(`browser dialog: ${dialog.message()}`));
  await page.locator('.progress-menu summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('[data-action=import-save]').click();
  await (
    await chooser
  ).setFiles({
    name: 'progress.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const question = page.getByTestId('ask');
  await expect(question).toBeVisible();
  await expect(question).toContainText('$900');
  await shoot(page, 'honest-import-ask');
  await question.locator('[data-action=ask-no]').click();
  await expect(question).toHaveCount(0);
  await expect(page.locator('.toast')).toContainText('Nothing imported');
  await expect(page.locator('.mail-row[data-contract="chess-exhibition"]')).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('$0');
  expect(errors).toEqual([]);
});
