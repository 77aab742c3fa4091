/**
 * The engine gives the same trace and score in Chromium as in node: the engine is bundled
 * as is, run on a blank page, and its results hashed and compared with node's.
 */
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { simulate } from '../../src/engine/simulate';
import { readdirSync, readFileSync } from 'node:fs';
import { parseLevel } from '../../src/model/load';

/** The shipped contracts, read from their files (this runner does not import JSON modules). */
function campaign() {
  return readdirSync('levels')
    .filter((file) => file.endsWith('.json'))
    .map((file) =>
      parseLevel(JSON.parse(readFileSync(`levels/${file}`, 'utf8')), `levels/${file}`),
    );
}

async function engineBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export { simulate } from './src/engine/simulate';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'LoopworkEngine',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}

test('every shipped contract scores and traces the same in Chromium as in node', async ({
  page,
}) => {
  await page.goto('about:blank');
  await page.addScriptTag({ content: await engineBundle() });
  for (const level of campaign()) {
    const inNode = JSON.stringify(simulate(level, level.reference));
    const inBrowser = await page.evaluate((levelJson) => {
      const engine = (window as unknown as { LoopworkEngine: { simulate: typeof simulate } })
        .LoopworkEngine;
      const parsed = JSON.parse(levelJson);
      return JSON.stringify(engine.simulate(parsed, parsed.reference));
    }, JSON.stringify(level));
    expect(inBrowser.length, level.id).toBe(inNode.length);
    expect(inBrowser === inNode, `${level.id}: the browser's result differs from node's`).toBe(
      true,
    );
  }
});
