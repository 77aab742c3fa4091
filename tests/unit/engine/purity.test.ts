/** The pure core stays pure: lint refuses the DOM, the wall clock and Math.random there. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: `${import.meta.dirname}/../../..` });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the pure folders', () => {
  it.each([
    ['export const t = Date.now();', 'no-restricted-globals'],
    ['export const t = performance.now();', 'no-restricted-globals'],
    ['export const r = Math.random();', 'no-restricted-properties'],
    ['export const el = document.body;', 'no-restricted-globals'],
    [
      "import { Application } from 'pixi.js';\nexport const a = Application;",
      'no-restricted-imports',
    ],
    [
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;",
      'no-restricted-imports',
    ],
  ])('refuse %s', async (code, rule) => {
    expect(await problems(code, 'src/engine/sim/example.ts')).toContain(rule);
    expect(await problems(code, 'src/model/example.ts')).toContain(rule);
  });

  it('leave the shell free to use them', async () => {
    expect(await problems('export const t = Date.now();', 'src/cli/example.ts')).toEqual([]);
  });
});
