// @ts-check
/**
 * The layering of layers.json as lint: a rule that resolves every import of a file to the
 * layer it lands in and refuses what the table does not list, and the purity rules (no DOM,
 * no wall clock, no Math.random) for the layers marked pure. Nothing here lists a folder:
 * the table is the only place that says who may import whom.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * @typedef {{ about: string, pure?: boolean, imports: string[], packages: string[] }} Layer
 * @typedef {{ about: string, layers: Record<string, Layer> }} LayerTable
 */

/** Reads layers.json from the repository root. @param {string} root @returns {LayerTable} */
export function readLayers(root) {
  return JSON.parse(readFileSync(path.join(root, 'layers.json'), 'utf8'));
}

/**
 * The layer a repository path belongs to: the longest key it sits in, or null.
 * @param {LayerTable} table @param {string} file a path relative to the root, with `/`
 */
export function layerOf(table, file) {
  let best = null;
  for (const key of Object.keys(table.layers))
    if ((file === key || file.startsWith(`${key}/`)) && (best === null || key.length > best.length))
      best = key;
  return best;
}

/** `key` is `layer` or a layer inside it. @param {string} key @param {string} layer */
const within = (key, layer) => key === layer || key.startsWith(`${layer}/`);

/** `rete-*` and `node:*` name a family of packages. @param {string} name @param {string} entry */
const packageMatches = (name, entry) =>
  entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : name === entry;

/** A bare specifier's package: `@scope/name`, `name`, and `node:x` for a built-in. @param {string} spec */
function packageOf(spec) {
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
  if (name.startsWith('node:')) return name;
  return builtinModules.includes(name) ? `node:${name}` : name;
}

const TABLE = 'layers.json lists what each folder may import';

/**
 * The rule `layers/imports`.
 * @param {LayerTable} table @param {string} root
 * @returns {import('eslint').Rule.RuleModule}
 */
function importsRule(table, root) {
  return {
    meta: {
      type: 'problem',
      docs: { description: 'Imports follow the layers of layers.json' },
      schema: [],
    },
    create(context) {
      const file = path.relative(root, context.filename).split(path.sep).join('/');
      const own = layerOf(table, file);
      if (own === null) {
        return file.startsWith('src/')
          ? {
              Program(node) {
                context.report({
                  node,
                  message: `${file} is in no layer: add its folder to layers.json, saying what it may import.`,
                });
              },
            }
          : {};
      }
      const layer = /** @type {Layer} */ (table.layers[own]);
      /** @param {import('estree').Node} node @param {unknown} source */
      const check = (node, source) => {
        if (typeof source !== 'string') return;
        const message = verdict(source);
        if (message !== null) context.report({ node, message });
      };
      /** @param {string} spec @returns {string | null} */
      const verdict = (spec) => {
        if (!spec.startsWith('.')) {
          const name = packageOf(spec);
          return layer.packages.some((entry) => packageMatches(name, entry))
            ? null
            : `${own} may not import the package ${name} (${TABLE}).`;
        }
        const target = path.posix.normalize(
          path.posix.join(path.posix.dirname(file), spec.split('?')[0] ?? spec),
        );
        const to = layerOf(table, target);
        if (to === null)
          return `${own} may not import ${target}: it is in no layer of layers.json.`;
        if (to === own || layer.imports.some((allowed) => within(to, allowed))) return null;
        // A folder uses the layers inside it, except one that sits on top of it (a lab page).
        const inner = table.layers[to];
        if (within(to, own) && !inner?.imports.some((above) => within(own, above))) return null;
        return `${own} may not import ${to} (${TABLE}).`;
      };
      return {
        ImportDeclaration: (node) => check(node, node.source.value),
        ExportNamedDeclaration: (node) => check(node, node.source?.value),
        ExportAllDeclaration: (node) => check(node, node.source.value),
        ImportExpression: (node) =>
          node.source.type === 'Literal' ? check(node, node.source.value) : undefined,
      };
    },
  };
}

/** Globals a pure layer may not touch, and why. */
const IMPURE_GLOBALS = [
  ['window', 'has no DOM'],
  ['document', 'has no DOM'],
  ['navigator', 'has no DOM'],
  ['localStorage', 'has no browser storage: the app hands a store in'],
  ['sessionStorage', 'has no browser storage: the app hands a store in'],
  ['indexedDB', 'has no browser storage: the app hands a store in'],
  ['Date', 'has no wall clock: use simulated time, or take the time as an argument'],
  ['performance', 'has no wall clock: use simulated time'],
  ['setTimeout', 'has no wall clock'],
  ['setInterval', 'has no wall clock'],
  ['requestAnimationFrame', 'has no wall clock'],
  ['process', 'runs in browsers too'],
];

/**
 * The ESLint config blocks of the table: the import rule for every file, the purity rules
 * for the pure layers.
 * @param {string} root the repository root (where layers.json is)
 * @returns {import('eslint').Linter.Config[]}
 */
export function layerConfigs(root) {
  const table = readLayers(root);
  const pure = Object.entries(table.layers)
    .filter(([, layer]) => layer.pure === true)
    .map(([key]) => `${key}/**`);
  return [
    {
      files: ['src/**', 'levels/**'],
      plugins: { layers: { rules: { imports: importsRule(table, root) } } },
      rules: { 'layers/imports': 'error' },
    },
    {
      files: pure,
      rules: {
        'no-restricted-globals': [
          'error',
          ...IMPURE_GLOBALS.map(([name, why]) => ({ name, message: `A pure layer ${why}.` })),
        ],
        'no-restricted-properties': [
          'error',
          {
            object: 'Math',
            property: 'random',
            message: 'A pure layer draws from the seeded PRNG in src/engine/random.ts.',
          },
        ],
      },
    },
  ];
}
