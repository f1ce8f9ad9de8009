import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', '.scratch/', 'dist/', '.build-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', AbortSignal: 'readonly', setTimeout: 'readonly', performance: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The dashboard's browser module (served as is, no build step): browser globals, and none of Node's.
    files: ['src/admin/ui/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { document: 'readonly', window: 'readonly', EventSource: 'readonly', fetch: 'readonly', console: 'readonly', URL: 'readonly', process: 'off', Buffer: 'off' } },
  },
  {
    // The hosted verification page's module (src/hosted/ui/, served as is): browser globals, and none of Node's.
    files: ['src/hosted/ui/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { document: 'readonly', location: 'readonly', fetch: 'readonly', process: 'off', Buffer: 'off' } },
  },
);
