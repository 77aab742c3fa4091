/**
 * `npm run bench:view`: how fast the run view draws, next to a bare pixi scene.
 *
 * Builds the view lab (src/view/bench/) and opens it in headless Chromium, which draws the
 * run view with a made-up run of 2,000 travelling tokens, then a bare pixi scene of 2,000
 * moving sprites on a canvas of the same size, in the same browser. Each frame is timed
 * from the start of its update until the GPU has finished it. Prints figures as JSON
 * (medians, 95th percentiles, their ratio, and the WebGL renderer in use); it asserts
 * nothing.
 */
import { chromium } from '@playwright/test';
import { startLab } from '../view/bench/serveLab';

const TOKENS = 2000;
const FRAMES = 240;

async function main(): Promise<void> {
  const lab = await startLab();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--disable-gpu', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    await page.goto(`${lab.url}?mode=bench`);
    await page.waitForSelector('#lab[data-ready="true"]');
    // Both scenes are drawn frame by frame, alternating, in one page: load on the machine
    // weighs on both alike.
    const { runView, bareScene } = await page.evaluate(
      ([tokens, frames]) => window.loopworkBench!.compare(tokens, frames),
      [TOKENS, FRAMES] as const,
    );
    const renderer = await page.evaluate(() => window.loopworkBench!.renderer());
    const round = (x: number): number => Math.round(x * 100) / 100;
    console.log(
      JSON.stringify(
        {
          tokens: TOKENS,
          frames: FRAMES,
          canvas: '1280x720',
          runView,
          bareScene,
          ratio: {
            median: round(runView.medianMs / bareScene.medianMs),
            p95: round(runView.p95Ms / bareScene.p95Ms),
          },
          target: 'run view median at most 1.3x the bare scene',
          note: 'The run view draws its floor (boxes, wires, titles) on a canvas of its own, only when the camera moves; the browser composites it under the live canvas, outside these figures.',
          webglRenderer: renderer,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await lab.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
