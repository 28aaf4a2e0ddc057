// ESLint flat config: typescript-eslint's recommended rules, unused code, import order, and a line limit for what
// Prettier cannot wrap. Formatting itself is Prettier's (.prettierrc.json); unused exports and files are knip's.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig } from 'eslint/config';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'bundle/**', 'coverage/**', '.tmp/**', 'test/fixtures/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@stylistic': stylistic, 'simple-import-sort': simpleImportSort },
    rules: {
      // Unused code: `_name` marks a parameter or binding kept on purpose (a callback's position, a rest sibling).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // A handler declared before the value it reads is assigned (shutdown before start) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      // Prettier wraps code at printWidth 120; this catches only what it cannot break. Prose in strings and
      // template literals, URLs and regular expressions stay whole so they can be searched for.
      '@stylistic/max-len': [
        'error',
        {
          code: 140,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  {
    // These match control characters on purpose: they strip or refuse them (sanitizers, MIME and .msg text,
    // host names, PowerShell quoting), and their tests feed them such characters. Everywhere else one is a slip.
    files: [
      'bot/files/outlook-msg-text.ts',
      'cli/format-verdict.ts',
      'dialogs/session.ts',
      'engine/knowledge/causes/ps-quote.ts',
      'engine/live/host-names.ts',
      'engine/mime/extract-message.ts',
      'test/cli/cli.test.ts',
      'test/engine/knowledge/causes/catalogue.test.ts',
    ],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
