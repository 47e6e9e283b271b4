import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'zlib', 'stream', 'url', 'util', 'worker_threads']
  .flatMap((m) => [m, `node:${m}`]);

/** The house rules of docs/ARCHITECTURE.md, enforced: who may import what. */
export default tseslint.config(
  { ignores: ['node_modules', 'dist-*', 'dist', 'release', 'data', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "'electron' is imported only in src-main/electron." }] }],
    },
  },
  {
    files: ['src-main/electron/**/*.ts', 'tests/e2e-electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src-core imports no host.' }, ...NODE_BUILTINS.map((name) => ({ name, message: 'src-core is pure: take Node through an injected port.' }))],
        patterns: [{ group: ['**/src-main/**', '**/src-server/**', '**/src-renderer/**'], message: 'src-core imports no host.' }],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src-core reads no environment: the host passes what it needs.' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to the shell only through window.sabaq (preload).' },
          ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a browser: no Node modules.' })),
          ...['better-sqlite3', 'knex', 'pg', 'fastify', 'axios'].map((name) => ({ name, message: 'The renderer reaches data only through ApiClient.' }))],
        patterns: [{ group: ['**/src-main/**', '**/src-server/**'], message: 'The renderer never imports the main process or the server.' }],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'No Node globals in the renderer.' }, { name: 'require', message: 'No Node globals in the renderer.' }],
    },
  },
);
