// @ts-check
/**
 * Lint: @eslint/js and typescript-eslint recommended, and the React hooks rules, over
 * src/, test/, scripts/ and bench/. `npm run lint` fails on any warning; `npm test` runs it.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'bench/.build/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // cxray filters terminal control sequences out of every text it shows: its patterns name ESC, BEL and C1 controls on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // `_`-prefixed bindings are left out on purpose (a destructured field dropped).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Schemas take z from src/core/zod.ts, which turns zod's JIT off before any is built.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/zod.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Import z from src/core/zod.ts (zod's JIT off), not from 'zod'.", allowTypeImports: true }] }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', performance: 'readonly', structuredClone: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly', fetch: 'readonly', AbortController: 'readonly' },
    },
  },
);
