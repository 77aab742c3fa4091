/** The code view: the wiring as Python, following the editor both ways, and its download. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { node, nodeIds, openGame, shoot, solveHelloGather, watchErrors } from './helpers/game';

test('the code view shows the wiring as Python and follows the editor both ways', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await solveHelloGather(page);
  await page.locator('.dock-tab[data-tab=code]').click();
  const code = page.locator('.code-body');
  await expect(code).toContainText('tg.create_task(handle(job))');
  await expect(code).toContainText('async def count(job):');
  await expect(code.locator('.tok-keyword').first()).toBeVisible();

  const [tasks] = await nodeIds(page, 'tasks');
  const [step] = await nodeIds(page, 'step');
  // Selecting a node in the editor marks its lines.
  await node(page, step!).locator('.label').click();
  const marked = code.locator('.code-line.is-marked');
  await expect(marked.first()).toBeVisible();
  await expect(marked.first()).toHaveAttribute('data-node', step!);
  await expect(code.locator('.code-line.is-marked', { hasText: 'await count(job)' })).toHaveCount(
    1,
  );
  await shoot(page, 'code-view');

  // Clicking a line selects its node.
  await code.locator('.code-line', { hasText: 'tg.create_task(handle(job))' }).click();
  await expect(node(page, tasks!)).toHaveClass(/selected/);
  await expect(code.locator('.code-line.is-marked').first()).toHaveAttribute('data-node', tasks!);

  // An edit rewrites the program: without the Tasks box, main awaits each count in turn.
  await node(page, tasks!).locator('.label').click();
  await page.keyboard.press('Delete');
  await expect(code).not.toContainText('create_task');
  await expect(page.locator('.code-status')).toContainText('to fix first');
  await expect(code.locator('.code-line.has-node').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('Download .py saves the program of the current wiring', async ({ page }) => {
  await openGame(page);
  await solveHelloGather(page);
  await page.locator('.dock-tab[data-tab=code]').click();
  const download = page.waitForEvent('download');
  await page.locator('[data-action=download-py]').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('hello-gather.py');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toMatch(/^#!\/usr\/bin\/env python3\n/);
  expect(text).toContain('tg.create_task(handle(job))');
  expect(text).toContain('if __name__ == "__main__":');
});

test('a player loads a measured machine and the code view says the prediction uses it', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await solveHelloGather(page);
  await page.locator('.dock-tab[data-tab=code]').click();
  const machine = page.getByTestId('code-machine');
  await expect(machine).toContainText("contract's machine");

  // A file that is not a profile is refused with its reason; the prediction stays the contract's.
  await page.locator('.code-machine input[type=file]').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind":"x"}'),
  });
  await expect(page.locator('body')).toContainText('notes.json is not a machine profile');
  await expect(machine).toContainText("contract's machine");

  await page
    .locator('.code-machine input[type=file]')
    .setInputFiles('tests/unit/cli/fixtures/machine-profile.json');
  await expect(machine).toContainText(
    /Prediction on a two-core test machine \(Python 3\.11\.7, measured\): \d/,
  );
  await expect(machine).toContainText("the contract's machine:");
  await shoot(page, 'code-machine-profile');

  await page.locator('[data-action=drop-profile]').click();
  await expect(machine).toContainText("Predictions use the contract's machine");
  expect(errors).toEqual([]);
});
