/**
 * Sound as a player meets it: silence until the first click or key (no audio context is
 * even created before), a sound when a run finishes, and mute and volume that survive a
 * reload.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseLevel } from '../../src/model/load';
import { solutionHash } from '../../src/share/link';

const level = parseLevel(
  JSON.parse(readFileSync('levels/hello-gather.json', 'utf8')),
  'levels/hello-gather.json',
);

declare global {
  interface Window {
    audioContexts: number;
    soundsStarted: number;
  }
}

/** Counts audio contexts made and sounds started, from before the game loads. */
async function listenForAudio(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.audioContexts = 0;
    window.soundsStarted = 0;
    const Original = window.AudioContext;
    window.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        window.audioContexts++;
      }
    };
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (...args: Parameters<typeof start>) {
      window.soundsStarted++;
      return start.apply(this, args);
    };
  });
}

async function openContract(page: Page): Promise<void> {
  await page.goto(`./${solutionHash(level, level.reference)}`);
  await expect(page.locator('[data-screen=workbench]')).toBeVisible();
  await expect(page.getByTestId('sound-mute')).toBeVisible();
}

const sound = (page: Page) => page.locator('.lw-sound');

test('nothing sounds before the first gesture; a finished run does after it', async ({ page }) => {
  await listenForAudio(page);
  await openContract(page);
  // The game has loaded everything it loads by itself, and still no audio context.
  await page.waitForLoadState('networkidle');
  await expect(sound(page)).toHaveAttribute('data-ready', 'false');
  expect(await page.evaluate(() => window.audioContexts)).toBe(0);

  // The player presses Run: that click is the gesture, and the run's sound follows.
  await page.locator('[data-action=run]').click();
  await expect(sound(page)).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('score').locator('[data-source="run"]')).toBeVisible({
    timeout: 30_000,
  });
  await expect(sound(page)).toHaveAttribute('data-sounded', 'true');
  await expect.poll(() => page.evaluate(() => window.soundsStarted)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.audioContexts)).toBe(1);
});

test('mute and volume survive a reload, and a muted game stays silent', async ({ page }) => {
  await listenForAudio(page);
  await openContract(page);
  const mute = page.getByTestId('sound-mute');
  await expect(mute).toHaveAttribute('aria-pressed', 'false');
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sound-volume')).toBeDisabled();
  await page.screenshot({
    path: 'test-results/view/sound-muted.png',
    clip: { x: 960, y: 0, width: 480, height: 48 },
  });

  // A reload opens the inbox: its sound control remembers.
  await page.reload();
  await expect(page.locator('[data-screen=inbox]')).toBeVisible();
  await expect(page.getByTestId('sound-mute')).toHaveAttribute('aria-pressed', 'true');
  const saved = await page.evaluate(() => localStorage.getItem('loopwork/sound'));
  expect(JSON.parse(saved!)).toMatchObject({ muted: true });
  await openContract(page);
  await expect(page.getByTestId('sound-mute')).toHaveAttribute('aria-pressed', 'true');

  await page.locator('[data-action=run]').click();
  await expect(page.getByTestId('score').locator('[data-source="run"]')).toBeVisible({
    timeout: 30_000,
  });
  // The run's sound was called for, and stayed silent.
  await expect(sound(page)).toHaveAttribute('data-cue', /^(?!none$)/);
  await expect(sound(page)).toHaveAttribute('data-sounded', 'false');
  expect(await page.evaluate(() => window.soundsStarted)).toBe(0);

  // Unmute and turn the volume down: both are kept.
  await page.getByTestId('sound-mute').click();

  await page.getByTestId('sound-volume').fill('0.3');
  await page.reload();
  await expect(page.locator('[data-screen=inbox]')).toBeVisible();

  await expect(page.getByTestId('sound-mute')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('sound-volume')).toHaveValue('0.3');
});
