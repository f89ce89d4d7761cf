import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'web/dist/', 'web/src/lib/api-schema.ts', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'web/**/*.{ts,tsx}'],
    rules: { 'no-console': 'error' },
  },
  {
    // The website widget runs in visitors' browsers, served as written.
    files: ['src/modules/widget/widget-script.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', URL: 'readonly', CSSStyleSheet: 'readonly', sessionStorage: 'readonly' },
    },
    rules: { 'no-console': 'error' },
  },
);
