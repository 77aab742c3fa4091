// @ts-check
import tseslint from 'typescript-eslint';

/** Folders that must stay pure: no DOM, no wall clock, no Math.random, no shell imports. */
const PURE = ['src/model/**', 'src/engine/**', 'src/scoring/**', 'src/share/**', 'src/python/**'];

/** Shell folders a pure module may never import. */
const SHELL_IMPORTS = [
  '**/editor/**',
  '**/view/**',
  '**/audio/**',
  '**/ui/**',
  '**/app/**',
  '**/cli/**',
  '**/workers/**',
  'pixi.js',
  'rete',
  'rete-*',
  '@retejs/*',
  'lit',
  'howler',
  'node:*',
  'fs',
  'path',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: PURE,
    rules: {
      'no-restricted-imports': ['error', { patterns: SHELL_IMPORTS }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The pure core has no DOM.' },
        { name: 'document', message: 'The pure core has no DOM.' },
        { name: 'localStorage', message: 'The pure core has no storage.' },
        { name: 'navigator', message: 'The pure core has no DOM.' },
        { name: 'Date', message: 'The pure core has no wall clock: use simulated time.' },
        { name: 'performance', message: 'The pure core has no wall clock: use simulated time.' },
        { name: 'setTimeout', message: 'The pure core has no wall clock.' },
        { name: 'setInterval', message: 'The pure core has no wall clock.' },
        { name: 'process', message: 'The pure core runs in browsers too.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded PRNG in src/engine/random.ts.',
        },
      ],
    },
  },
);
