// Module boundaries follow docs/architecture.md: the domain folders stay pure, discord.js stays in discord/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const ioLibraries = ['ioredis', 'bullmq', 'ws', 'discord.js', '@discordjs/*', 'undici', 'rss-parser', 'pino', 'prom-client'];
const nodeIo = ['fs', 'fs/*', 'node:fs', 'node:fs/*', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'child_process', 'node:child_process'];

const pureRule = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: [...ioLibraries, ...nodeIo], message: 'Domain code is pure: no I/O libraries (see docs/architecture.md).' },
        { group: ['**/stores/*', '**/pipeline/*', '**/sources/*', '**/discord/*', '**/http/*', '**/sim/*', '**/cli/*'], message: 'Domain code does not import adapters.' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['discord.js', '@discordjs/*'], message: 'discord.js is used only under src/discord/ and src/sim/.' }] },
      ],
    },
  },
  { files: ['src/news/**', 'src/alerts/**', 'src/market/*.ts'], rules: pureRule },
  { files: ['src/discord/**', 'src/sim/**', 'test/**', 'bench/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['test/**', 'bench/**', 'scripts/**'], rules: { 'max-lines': 'off' } },
);
