import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layerDocs, readLayerTable, tableProblems, type LayerTable } from '../../../scripts/layers';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lint messages for `code` as if it were the file `path` (relative to the root). */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layering of layers.json is enforced by lint', () => {
  it('refuses an import the table does not list, naming both layers', async () => {
    const messages = await lint(
      'src/engine/fixture.ts',
      "import { h } from '../shell/dom';\nexport const made = h;\n",
    );
    expect(messages).toEqual([
      'layers/imports: src/engine may not import src/shell (layers.json lists what each folder may import).',
    ]);
  });

  it('accepts the imports the table lists, and a folder its own files', async () => {
    const code = [
      "import { parseDuration } from '../model/units';",
      "import { simulate } from './simulate';",
      'export const both = [parseDuration, simulate];',
      '',
    ].join('\n');
    expect(await lint('src/engine/fixture.ts', code)).toEqual([]);
  });

  it('refuses re-exports and dynamic imports across layers too', async () => {
    const code = [
      "export { h } from '../shell/dom';",
      "export * from '../ui/toasts';",
      "export const later = () => import('../view/runView');",
      '',
    ].join('\n');
    const messages = await lint('src/model/fixture.ts', code);
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.startsWith('layers/imports: src/model may not import'))).toBe(
      true,
    );
  });

  it('keeps a pure layer inside a shell folder apart from its parent and from pixi', async () => {
    const code = [
      "import { Container } from 'pixi.js';",
      "import { layoutFloor } from '../floor/layout';",
      'export const both = [Container, layoutFloor];',
      '',
    ].join('\n');
    expect(await lint('src/view/replay/fixture.ts', code)).toEqual([
      'layers/imports: src/view/replay may not import the package pixi.js (layers.json lists what each folder may import).',
      'layers/imports: src/view/replay may not import src/view (layers.json lists what each folder may import).',
    ]);
  });

  it('lets a folder use the pure layer inside it, but not the lab page that sits on top of it', async () => {
    expect(
      await lint('src/view/fixture.ts', "export { buildReplay } from './replay/replay';\n"),
    ).toEqual([]);
    expect(
      await lint('src/view/fixture.ts', "export { STAY_US } from './bench/synthetic';\n"),
    ).toEqual([
      'layers/imports: src/view may not import src/view/bench (layers.json lists what each folder may import).',
    ]);
  });

  it('refuses a package a layer does not list', async () => {
    expect(await lint('src/storage/fixture.ts', "import 'idb-keyval';\n")).toEqual([
      'layers/imports: src/storage may not import the package idb-keyval (layers.json lists what each folder may import).',
    ]);
  });

  it('refuses a file in a src folder the table does not know', async () => {
    expect(await lint('src/scoring/fixture.ts', 'export const one = 1;\n')).toEqual([
      'layers/imports: src/scoring/fixture.ts is in no layer: add its folder to layers.json, saying what it may import.',
    ]);
  });
});

describe('layers.json itself', () => {
  it('is sound: every import names a layer, pure layers import only pure ones, no circles', () => {
    expect(tableProblems(readLayerTable())).toEqual([]);
  });

  it('reports a pure layer that imports a shell one, and imports that go round', () => {
    const layer = (imports: string[], pure = false) => ({ about: '', pure, imports, packages: [] });
    const table: LayerTable = {
      about: '',
      layers: {
        'src/a': layer(['src/b'], true),
        'src/b': layer(['src/c']),
        'src/c': layer(['src/b', 'src/nowhere']),
      },
    };
    expect(tableProblems(table)).toEqual([
      'src/a is pure but imports src/b',
      'src/c imports src/nowhere, which is no layer',
      'imports go round in a circle: src/a → src/b → src/c → src/b',
    ]);
  });

  it('is what the READMEs and tsconfig.pure.json say (run `npm run layers` after editing it)', async () => {
    for (const [path, text] of await layerDocs(readLayerTable()))
      expect(readFileSync(`${root}${path}`, 'utf8'), path).toBe(text);
  });
});
