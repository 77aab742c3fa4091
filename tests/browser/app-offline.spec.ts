/** The built game works from any sub-path and keeps working offline after the first visit. */
import { expect, test } from '@playwright/test';
import { acceptContract, openGame, watchErrors } from './helpers/game';

test('after one visit the game opens and plays with the network gone', async ({
  page,
  context,
}) => {
  await openGame(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker controls the page from the next load; by then everything is cached.
  await page.reload();
  await expect(page.locator('[data-screen=inbox]')).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-screen=inbox]')).toBeVisible();
  await acceptContract(page, 'hello-gather');
  // The simulation worker and the lazily loaded chunks come from the cache too.
  await expect(page.locator('.score-head')).toHaveAttribute('data-status', 'blocked');
  await context.setOffline(false);
});

test.describe('from a sub-path', () => {
  // Routing below stands in for a server; a service worker's own fetches would bypass it.
  test.use({ serviceWorkers: 'block' });

  test('the game runs from a sub-path: every URL it loads is relative', async ({ page }) => {
    const errors = watchErrors(page);
    const base = new URL('./', test.info().project.use.baseURL!).href;
    // Serve the built game under /some/deep/path/ by mapping it onto the real server's root.
    await page.route('**/some/deep/path/**', async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({
        url: base + url.pathname.replace('/some/deep/path/', ''),
      });
      await route.fulfill({ response });
    });
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && !url.pathname.startsWith('/some/deep/path/'))
        outside.push(url.pathname);
    });
    await page.goto(`${base}some/deep/path/`);
    await expect(page.locator('[data-screen=inbox]')).toBeVisible();
    await acceptContract(page, 'hello-gather');
    await expect(page.locator('.score-head')).toHaveAttribute('data-status', 'blocked');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
