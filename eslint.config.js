// Lint with zero warnings allowed (`eslint . --max-warnings 0`), type-aware where it catches real bugs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-electron/', 'dist-cli/', '.dist-cli-*/', 'release/', 'test-results/', 'playwright-report/', '.exp/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./shared/tsconfig.json', './electron/tsconfig.json', './renderer/tsconfig.json', './renderer/workers/tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The plugin's own preset, with the React compiler's rules (refs, immutability, purity, set-state-in-render…).
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // shared/ is pure: no Electron, DOM or Node (its tsconfig has no DOM or Node types either).
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'node:*', 'fs', 'path', 'os', 'react', 'react-dom'], message: 'shared/ must stay free of Electron, Node and the DOM.' }] }],
      'no-restricted-globals': ['error', { name: 'Math.random', message: 'Pass a seeded stream instead.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'The engine takes its randomness from seeded, counter-based streams.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
