// Lint is part of `npm test`: type-aware rules catch floating promises, the classic Bolt bug, and
// the layering rules below keep the arrows pointing one way (slack → reports → domain ← liveperson).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import restriction for one layer: `from` may not import any of `groups`. */
function layer(files, groups, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
    },
  };
}

const SIMULATOR = ['**/simulator', '**/simulator/**', '**/sandbox/**'];
/** Where I/O lives: storage, logging, Node's own modules. Pure layers import none of it. */
const NODE_IO = [
  'fs',
  'fs/*',
  'http',
  'https',
  'net',
  'child_process',
  'os',
  'dgram',
  'dns',
  'worker_threads',
];
const IO = [
  '**/store',
  '**/store/**',
  '**/shared/logger',
  'pino',
  'pino-*',
  'keyv',
  '@keyv/*',
  'node:*',
  ...NODE_IO,
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  layer(
    ['src/domain/**/*.ts'],
    [
      '**/liveperson/**',
      '**/slack/**',
      '**/reports/**',
      '**/grammar/**',
      '**/charts/**',
      '@slack/*',
      'axios',
      '**/shared/deadline',
      ...IO,
      ...SIMULATOR,
    ],
    'The domain is pure: no Slack, no LivePerson wire format, no I/O (time comes in as arguments).',
  ),
  layer(
    ['src/grammar/**/*.ts'],
    ['**/liveperson/**', '**/slack/**', '**/reports/**', '**/charts/**', '@slack/*', ...IO, ...SIMULATOR],
    'The grammar turns text into domain queries; it knows neither Slack delivery nor LivePerson.',
  ),
  layer(
    ['src/slack/views/**/*.ts'],
    [
      '**/liveperson/**',
      '**/reports/**',
      '**/listeners',
      '**/listeners/**',
      '**/outbox*',
      '**/conversation*',
      '**/answer*',
      '**/context',
      '**/context.*',
      '**/chart-delivery*',
      '**/timezones*',
      '**/in-flight*',
      '**/authorize*',
      '**/fit-message*',
      '**/shared/deadline',
      '@slack/bolt',
      '@slack/web-api',
      'axios',
      ...IO,
      ...SIMULATOR,
    ],
    'Views are pure Block Kit builders over the domain: no LivePerson, no sending, no logging, no I/O.',
  ),
  layer(
    ['src/shared/**/*.ts'],
    [
      '**/domain/**',
      '**/grammar/**',
      '**/liveperson/**',
      '**/slack/**',
      '**/reports/**',
      '**/charts/**',
      '**/store/**',
      ...SIMULATOR,
    ],
    'shared/ is the leaf every layer may use: it imports none of them.',
  ),
  layer(
    ['src/charts/**/*.ts'],
    ['**/liveperson/**', '**/reports/**', '**/slack/**', '@slack/*', ...SIMULATOR],
    'Charts turn chart data into a spec, a URL or a PNG; which chart a report gets is a view.',
  ),
  layer(
    ['src/liveperson/**/*.ts'],
    ['**/slack/**', '**/reports/**', '**/grammar/**', '**/charts/**', '@slack/*', ...SIMULATOR],
    'The LivePerson layer speaks LivePerson and the domain, never Slack.',
  ),
  layer(
    ['src/reports/**/*.ts'],
    ['**/slack/**', '**/charts/**', '@slack/*', ...SIMULATOR],
    'The report service is Slack-free: commands, buttons and schedules all call it.',
  ),
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
