/**
 * Writes what layers.json decides into the files that repeat it: the "May import" block of
 * each folder's README and the include list of tsconfig.pure.json. A unit test fails when
 * either is stale, so after editing layers.json run
 *
 *     npm run layers
 *
 * Lint reads the table itself (scripts/eslint-layers.js); nothing else lists the layers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

/** One layer of layers.json. */
export interface Layer {
  readonly about: string;
  readonly pure?: boolean;
  /** Layers (keys of the table) this one may import; its own sub-layers always. */
  readonly imports: readonly string[];
  /** npm packages, `name-*` families and node built-ins (`node:*`) it may import. */
  readonly packages: readonly string[];
}

/** layers.json. */
export interface LayerTable {
  readonly about: string;
  readonly layers: Readonly<Record<string, Layer>>;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Reads layers.json. */
export function readLayerTable(): LayerTable {
  return JSON.parse(readFileSync(`${root}layers.json`, 'utf8')) as LayerTable;
}

/**
 * What is wrong with the table itself: an import naming no layer, a pure layer importing an
 * impure one, a cycle (imports flow one way). Empty when it is sound.
 */
export function tableProblems(table: LayerTable): string[] {
  const problems: string[] = [];
  const keys = Object.keys(table.layers);
  for (const [key, layer] of Object.entries(table.layers)) {
    for (const to of layer.imports) {
      const target = table.layers[to];
      if (!target) problems.push(`${key} imports ${to}, which is no layer`);
      else if (layer.pure && !target.pure) problems.push(`${key} is pure but imports ${to}`);
    }
  }
  // Depth-first search for a cycle. A layer uses the layers inside it (as lint allows),
  // except one that imports it back: that one sits on top of it.
  const sitsOn = (inner: string, outer: string): boolean =>
    table.layers[inner]?.imports.some((to) => outer === to || outer.startsWith(`${to}/`)) ?? false;
  const edges = (key: string): string[] => [
    ...(table.layers[key]?.imports ?? []),
    ...keys.filter((k) => k.startsWith(`${key}/`) && !sitsOn(k, key)),
  ];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (key: string, path: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'open') {
      problems.push(`imports go round in a circle: ${[...path, key].join(' → ')}`);
      return;
    }
    state.set(key, 'open');
    for (const to of edges(key)) if (table.layers[to]) visit(to, [...path, key]);
    state.set(key, 'done');
  };
  for (const key of keys) visit(key, []);
  return problems;
}

const BEGIN = '<!-- layers.json: written by `npm run layers`, enforced by lint -->';
const END = '<!-- /layers.json -->';
const PURE_WORDS = 'pure: no DOM, no wall clock, no `Math.random`';

function layerLine(table: LayerTable, key: string, name: string): string {
  const layer = table.layers[key]!;
  const code = (items: readonly string[]): string =>
    items.length ? items.map((item) => `\`${item}\``).join(', ') : 'nothing';
  const packages = layer.packages.length ? `; packages ${code(layer.packages)}` : '';
  const pure = layer.pure ? ` It is ${PURE_WORDS}.` : '';
  return `- ${name} may import ${code(layer.imports)}${packages}.${pure}`;
}

/** The README block of a folder: its own layer and the layers inside it. */
export function readmeBlock(table: LayerTable, folder: string): string {
  const inside = Object.keys(table.layers)
    .filter((key) => key.startsWith(`${folder}/`))
    .sort();
  const lines = [
    ...(table.layers[folder] ? [layerLine(table, folder, `\`${folder}\``)] : []),
    ...inside.map((key) => layerLine(table, key, `\`${key.slice(folder.length + 1)}/\``)),
  ];
  return [BEGIN, '', ...lines, '', END].join('\n');
}

/** A README with its block replaced, or appended when it has none yet. */
export function withBlock(readme: string, block: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin >= 0 && end > begin)
    return readme.slice(0, begin) + block + readme.slice(end + END.length);
  return `${readme.trimEnd()}\n\n${block}\n`;
}

/** The `src/*` folders that are layers of their own (each has a README). */
export function topFolders(table: LayerTable): string[] {
  return Object.keys(table.layers).filter((key) => /^src\/[^/]+$/.test(key));
}

/**
 * Every file the table is repeated in, as it should read: README path → text, and
 * tsconfig.pure.json. Paths are relative to the repository root.
 */
export async function layerDocs(table: LayerTable): Promise<Map<string, string>> {
  const docs = new Map<string, string>();
  for (const folder of topFolders(table)) {
    const path = `${folder}/README.md`;
    const readme = existsSync(`${root}${path}`) ? readFileSync(`${root}${path}`, 'utf8') : '';
    docs.set(path, withBlock(readme, readmeBlock(table, folder)));
  }
  const pureConfig = JSON.parse(readFileSync(`${root}tsconfig.pure.json`, 'utf8')) as {
    include: string[];
  };
  pureConfig.include = Object.entries(table.layers)
    .filter(([, layer]) => layer.pure)
    .map(([key]) => key);
  docs.set(
    'tsconfig.pure.json',
    await prettier.format(JSON.stringify(pureConfig), { filepath: `${root}tsconfig.pure.json` }),
  );
  return docs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const table = readLayerTable();
  const problems = tableProblems(table);
  if (problems.length) {
    console.error(`layers.json is not sound:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  for (const [path, text] of await layerDocs(table)) {
    const before = existsSync(`${root}${path}`) ? readFileSync(`${root}${path}`, 'utf8') : null;
    if (before === text) continue;
    writeFileSync(`${root}${path}`, text);
    console.log(`wrote ${path}`);
  }
}
