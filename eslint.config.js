// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { layerConfigs } from './scripts/eslint-layers.js';

const root = path.dirname(fileURLToPath(import.meta.url));

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
    // Tests may hand the game deliberately malformed values; the game's own code may not.
    files: ['src/**/*.ts'],
    rules: {
      // `x as unknown as T` claims a type nothing checked; narrow, parse or type the source instead.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAsExpression.expression > TSUnknownKeyword.typeAnnotation',
          message:
            'No `as unknown as` casts: narrow on a discriminant, parse the value, or give its source a type.',
        },
        {
          selector:
            'TSTypeAssertion > TSTypeAssertion.expression > TSUnknownKeyword.typeAnnotation',
          message:
            'No `<T><unknown>` casts: narrow on a discriminant, parse the value, or give its source a type.',
        },
      ],
    },
  },
  // Who may import whom, and which folders are pure: all of it read from layers.json.
  ...layerConfigs(root),
);
