/**
 * Share links as players use them: copy a link in one browser, open it in another and see
 * the same score; open a damaged link and see why it cannot open, with saved progress
 * untouched; play a custom contract from a file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { finishContracts, node, nodeIds } from './helpers/game';

/** The reference solution's link for a shipped contract, made by `npm run share`. */
function referenceHash(levelFile: string): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/share.ts', levelFile], {
    encoding: 'utf8',
  });
  return out.trim().replace(/^\//, '');
}

const LEVEL = 'levels/chess-exhibition.json';
const levelTitle = (JSON.parse(readFileSync(LEVEL, 'utf8')) as { title: string }).title;

/** Waits for the delivered run's score and returns what it says, metric by metric. */
async function runScore(page: Page): Promise<string[]> {
  const score = page.getByTestId('score');
  await expect(score.locator('[data-source="run"]')).toBeVisible({ timeout: 30_000 });
  return score.locator('.metric').allInnerTexts();
}

/**
 * Opens a link as a player who has reached its contract: a link's wiring is filed in the
 * save only on a contract the player's inbox already offers.
 */
async function openAsPlayer(page: Page, hash: string): Promise<void> {
  await page.goto('./');
  await finishContracts(page, ['hello-gather']);
  await page.goto(`./${hash}`);
}

async function savedState(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const all: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i) as string;
      all[key] = localStorage.getItem(key) as string;
    }
    return all;
  });
}

/** Errors thrown in any page of the test: there must be none. */
const pageErrors: Error[] = [];
test.afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

async function freshContext(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error));
  return page;
}

test('a copied link opens in a fresh browser with the same score', async ({ browser }) => {
  const first = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const a = await freshContext(first);
  await openAsPlayer(a, referenceHash(LEVEL));
  await expect(a.getByText(levelTitle).first()).toBeVisible();
  const scoreA = await runScore(a);
  expect(scoreA.length).toBeGreaterThan(3);

  // The shared wiring is the player's only once kept: it is not among their solutions, and
  // its passing run delivers nothing.
  await expect(a.getByTestId('shared-badge')).toBeVisible();
  const switcher = a.locator('.solution-switch');
  await expect(switcher.locator('option:checked')).toHaveText('Shared, not saved');
  await expect(switcher.locator('optgroup[label="Your solutions"] option')).toHaveText([
    'Solution 1',
  ]);
  const sub = a.getByTestId('score').locator('.score-sub');
  await expect(sub).toContainText('not delivered');
  await expect(sub).not.toContainText('Delivered to the client');
  await expect(a.getByTestId('balance')).toHaveText('$0');
  await a.locator('[data-action="keep-shared"]').click();
  await expect(a.getByTestId('shared-badge')).toBeHidden();

  await a.locator('[data-action="copy-link"]').click();
  const shown = await a.getByTestId('share-link').inputValue();
  expect(await a.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  expect(shown).toMatch(/#s=chess-exhibition\.\d+\./);
  expect(shown.length).toBeLessThanOrEqual(600);
  await first.close();

  const second = await browser.newContext();
  const b = await freshContext(second);
  await b.goto(shown);
  expect(await runScore(b)).toEqual(scoreA);
  // Opening a link does not hand the player someone else's solution: nothing saved until kept.
  await expect(b.getByTestId('shared-badge')).toBeVisible();
  // Copied again, the opened link is the same link: name and every position kept.
  await b.locator('[data-action="copy-link"]').click();
  expect(await b.getByTestId('share-link').inputValue()).toBe(shown);
  await second.close();
});

test('a damaged link is refused with a message, and saved progress is untouched', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await freshContext(context);
  const hash = referenceHash(LEVEL);
  await openAsPlayer(page, hash);
  await runScore(page);
  await page.locator('[data-action="keep-shared"]').click();
  // Keeping it saves the wiring, then its score when the re-score lands: wait for both.
  await expect(page.getByTestId('shared-badge')).toBeHidden();
  let before = await savedState(page);
  await expect
    .poll(
      async () => {
        const [now, then] = [await savedState(page), before];
        before = now;
        return (
          JSON.stringify(now) === JSON.stringify(then) && JSON.stringify(now).includes('score\\":{')
        );
      },
      { intervals: [500] },
    )
    .toBe(true);
  expect(Object.keys(before).length).toBeGreaterThan(0);

  const at = hash.length - 5;
  const damaged = hash.slice(0, at) + (hash[at] === 'A' ? 'B' : 'A') + hash.slice(at + 1);
  const cases: [string, RegExp][] = [
    [damaged, /changed or damaged/],
    [hash.slice(0, -7), /cut short/],
    [hash.replace('chess-exhibition', 'no-such-contract'), /changed or damaged/],
    ['#s=chess-exhibition.1.<img src=x onerror=alert(1)>', /not a Loopwork link/],
  ];
  for (const [link, message] of cases) {
    await page.goto('about:blank');
    await page.goto(`./${link}`);
    const notice = page.getByTestId('share-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(message);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await savedState(page)).toEqual(before);
    await notice.getByRole('button', { name: 'OK' }).click();
    await expect(notice).toBeHidden();
    expect(await savedState(page)).toEqual(before);
  }

  // A link pasted into the address bar of the open game is read too.
  await page.evaluate((link) => {
    window.location.hash = link;
  }, damaged);
  await expect(page.getByTestId('share-notice')).toContainText(/changed or damaged/);
  expect(await savedState(page)).toEqual(before);
  await context.close();
});

test('a custom contract plays from a file, and a broken one names its mistakes', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext();
  const page = await freshContext(context);
  await page.goto('./');
  const level = JSON.parse(readFileSync(LEVEL, 'utf8')) as Record<string, unknown>;

  await page.locator('[data-action="open-contract"]').click();
  const opener = page.getByTestId('contract-opener');
  await expect(opener).toBeVisible();
  const broken = { ...level, machine: { cores: 0, memory: 'lots' } };
  await opener.locator('input[type="file"]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const errors = page.getByTestId('contract-errors');
  await expect(errors).toContainText('/machine/cores');
  await expect(errors).toContainText('/machine/memory');

  // A contract may not pass itself off as a shipped one.
  await opener.locator('textarea').fill(JSON.stringify({ ...level, pay: 1_000_000 }));
  await opener.locator('[data-action="open-pasted"]').click();
  await expect(errors).toContainText('uses the id "chess-exhibition"');

  const custom = {
    ...level,
    id: 'my-chess-club',
    title: 'My chess club <b>night</b>',
    reference: {
      ...(level.reference as object),
      level: { id: 'my-chess-club', revision: level.revision },
    },
    naive: [],
  };
  await opener.locator('textarea').fill(JSON.stringify(custom));
  await opener.locator('[data-action="open-pasted"]').click();
  await expect(opener).toBeHidden();
  await expect(page.getByText('My chess club <b>night</b>').first()).toBeVisible();
  await expect(page.locator('b', { hasText: 'night' })).toHaveCount(0);

  // Its link carries the contract, and opens in a fresh browser.
  await page.locator('[data-action="copy-link"]').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#l=');
  const other = await freshContext(await browser.newContext());
  await other.goto(link);
  await expect(other.getByText('My chess club <b>night</b>').first()).toBeVisible();

  // A link with the contract and a wiring that meets every goal, as a teacher shares one:
  // the run pays nothing, and says why.
  const file = testInfo.outputPath('my-chess-club.json');
  writeFileSync(file, JSON.stringify(custom));
  await other.goto(`./${referenceHash(file)}`);
  await other.locator('[data-action=run]').click();
  const sub = other.getByTestId('score').locator('[data-source="run"] .score-sub');
  await expect(sub).toContainText('played for practice', { timeout: 30_000 });
  await expect(sub).not.toContainText('Delivered to the client');
  const stay = other.locator('[data-action=stay]');
  if (await stay.isVisible()) await stay.click();
  // Edited (a step deleted, then back), it is scored live; running it is offered, not delivering.
  const [step] = await nodeIds(other, 'step');
  await node(other, step!).locator('.label').click();
  await other.keyboard.press('Delete');
  await other.keyboard.press('Control+z');
  const live = other.getByTestId('score').locator('[data-source="live"] .score-sub');
  await expect(live).toContainText('run it in full');
  await expect(live).not.toContainText('deliver');
  await context.close();
});
