/** Every pure layer of layers.json stays pure: lint refuses the DOM, the wall clock and Math.random there. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { readLayerTable } from '../../../scripts/layers';

const eslint = new ESLint({ cwd: `${import.meta.dirname}/../../..` });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const PURE = Object.entries(readLayerTable().layers)
  .filter(([, layer]) => layer.pure)
  .map(([key]) => key);

describe('the pure layers', () => {
  it('include the core, the saves and the replay', () => {
    for (const layer of ['src/model', 'src/engine', 'src/storage', 'src/view/replay'])
      expect(PURE).toContain(layer);
  });

  it.each([
    ['export const t = Date.now();', 'no-restricted-globals'],
    ['export const t = performance.now();', 'no-restricted-globals'],
    ['export const r = Math.random();', 'no-restricted-properties'],
    ['export const el = document.body;', 'no-restricted-globals'],
    ['export const s = localStorage.getItem("save");', 'no-restricted-globals'],
    ["import { Application } from 'pixi.js';\nexport const a = Application;", 'layers/imports'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'layers/imports'],
  ])('refuse %s', async (code, rule) => {
    for (const layer of PURE)
      expect(await problems(code, `${layer}/example.ts`), layer).toContain(rule);
  });

  it('leave the shell free to use them', async () => {
    expect(await problems('export const t = Date.now();', 'src/cli/example.ts')).toEqual([]);
    expect(await problems('export const t = Date.now();', 'src/view/example.ts')).toEqual([]);
  });
});
