/** Several solutions per contract: keep, name, duplicate, switch; the chart of one's own solutions. */
import { expect, test } from '@playwright/test';
import {
  acceptContract,
  node,
  openGame,
  placeNode,
  shoot,
  solveHelloGather,
  watchErrors,
} from './helpers/game';

test('a player names, duplicates and switches solutions, and finds them after a reload', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openGame(page);
  await solveHelloGather(page);
  await expect(page.locator('.score-head')).toHaveAttribute('data-status', 'passed');
  await page.locator('.dock-tab[data-tab=solutions]').click();
  const list = page.getByTestId('solutions');
  await expect(list.locator('.solution')).toHaveCount(1);

  const name = list.locator('.solution').first().locator('.solution-name');
  await name.fill('All at once');
  await name.press('Enter');
  await list.locator('[data-action=duplicate]').first().click();
  await expect(list.locator('.solution')).toHaveCount(2);
  await expect(list.locator('.solution.active .solution-name')).toHaveValue('Copy of All at once');

  // Change the copy: take the step out of the box, so it runs one job after another.
  await list.locator('[data-action=new-solution]').click();
  await expect(list.locator('.solution')).toHaveCount(3);
  await expect(page.locator('.node[data-type=step]')).toHaveCount(0);
  const step = await placeNode(page, 'step', 400, 200);
  await expect(node(page, step)).toBeVisible();
  // The original and its copy score the same: one point on the chart names both.
  await expect(page.locator('.solutions-chart .point')).toHaveCount(1);
  await expect(page.locator('.solutions-chart .point')).toHaveAttribute('data-solution', 's1 s2');
  await shoot(page, 'solutions');

  // Switch back with the top bar's picker: the nested wiring returns.
  await page.locator('.solution-switch').selectOption({ label: 'All at once' });
  await expect(
    page.locator('.node[data-type=tasks] .node[data-type=step], .node[data-type=step]'),
  ).toHaveCount(1);
  await expect(page.locator('lw-connection')).toHaveCount(2);

  await page.reload();
  await page.locator('.mail-row[data-contract="hello-gather"]').click();
  await page.locator('[data-action=accept]').click();
  await page.locator('.dock-tab[data-tab=solutions]').click();
  await expect(page.getByTestId('solutions').locator('.solution')).toHaveCount(3);
  await expect(
    page.getByTestId('solutions').locator('.solution.active .solution-name'),
  ).toHaveValue('All at once');
  expect(errors).toEqual([]);
});

test('hints come one at a time and stay shown', async ({ page }) => {
  await openGame(page);
  await acceptContract(page, 'hello-gather');
  await page.locator('.dock-tab[data-tab=hints]').click();
  const hints = page.getByTestId('hints');
  await expect(hints.locator('.hint')).toHaveCount(0);
  await hints.locator('[data-action=hint]').click();
  await expect(hints.locator('.hint')).toHaveCount(1);
  await hints.locator('[data-action=hint]').click();
  await expect(hints.locator('.hint')).toHaveCount(2);
  await page.reload();
  await acceptContract(page, 'hello-gather');
  await page.locator('.dock-tab[data-tab=hints]').click();
  await expect(page.getByTestId('hints').locator('.hint')).toHaveCount(2);
});
