// ESLint (flat config) for encounterflow: typescript-eslint with type information, the rules that
// keep workflow code deterministic, and the import boundaries between the layers. Formatting is
// Prettier's job (`npm run format:check`): eslint-config-prettier turns every stylistic rule off.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules.filter((name) => !name.startsWith('_')), 'node:*'];

/** Folders that are no part of the product: nothing the product runs may import them. */
const devOnly = ['**/scripts/**', '**/test/**', '**/testkit/**'];

const devOnlyMessage = 'The product never imports scripts/, test/ or testkit/: move what both need into the product.';

/** `@typescript-eslint/no-restricted-imports` patterns, one group per message. */
const pattern = (group, message, allowTypeImports = false) => ({ group, message, allowTypeImports });

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'dist/', '.data/', '.tools/', '.test-results/', 'coverage/'] },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // A promise nobody awaits loses its rejection (an unhandled rejection ends the process).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Tests, their harness and dev scripts read untyped JSON bodies and browser pages: `any` is
    // allowed there, never in the product.
    files: ['test/**/*.ts', 'testkit/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // The staff UI: plain browser modules served as they are.
    files: ['web/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'module' },
  },

  // ---- Import boundaries ----------------------------------------------------------------------
  {
    // The product (everything but the dev folders) never reaches into scripts/, test/ or testkit/.
    files: ['**/*.ts'],
    ignores: ['scripts/**', 'test/**', 'testkit/**', 'workflows/**', 'activities/**', '*.config.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [pattern(devOnly, devOnlyMessage)] }],
    },
  },
  {
    // Activities run workflows' code never; they may share the workflows' message types.
    files: ['activities/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(devOnly, devOnlyMessage),
            pattern(['**/workflows/**'], 'Activities import workflow modules only as types (`import type`).', true),
          ],
        },
      ],
    },
  },
  {
    // The harness may use the product and the dev tools' libraries, never the tests themselves.
    files: ['scripts/**/*.ts', 'testkit/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [pattern(['**/test/**'], 'scripts/ and testkit/ never import test/: shared harness code lives in testkit/.')] },
      ],
    },
  },

  // ---- Workflow determinism -------------------------------------------------------------------
  // Workflow code runs in the SDK's deterministic sandbox and is replayed from history, so it must
  // compute the same commands every time. Math.random() and Date/Date.now() stay allowed: the
  // sandbox replaces them with a PRNG seeded per workflow execution and with the workflow task's
  // time, both recorded so replay sees the same values; forbidding them would only push code to
  // less readable equivalents (`workflowInfo()` arithmetic). What the sandbox cannot make
  // deterministic is forbidden here: Node built-ins (I/O, real clocks, OS randomness), the
  // Node-side SDK packages, databases and HTTP, and the globals below. Activities are reachable
  // only through proxies, so workflows import them as types. The modules workflow code imports
  // from outside workflows/ (domain/ and two constant modules) are held to the same rules.
  {
    files: ['workflows/**/*.ts', 'domain/**/*.ts', 'platform/search-attributes.ts', 'integrations/failure-types.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((name) => name !== 'node:*')
            .map((name) => ({ name, message: 'Workflow code is deterministic: no Node built-ins (do I/O in an activity).' })),
          patterns: [
            pattern(['node:*'], 'Workflow code is deterministic: no Node built-ins (do I/O in an activity).'),
            pattern(
              ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing', '@temporalio/envconfig'],
              'Workflow code may import only @temporalio/workflow and @temporalio/common from the SDK.',
            ),
            pattern(
              ['pg', '@prisma/*', 'express', '**/generated/**'],
              'Workflow code does no I/O: databases and HTTP belong in activities.',
            ),
            pattern(['**/activities/**'], 'Workflows call activities through proxies: import activity modules only as types.', true),
            pattern(
              ['**/api/**', '**/worker/**', '**/app/**', '**/coding/**', '**/billing/**', '**/sandbox/**', '**/authorization/**'],
              'Workflow code imports only workflows/, domain/ and the workflow-safe constants (platform/search-attributes.ts, integrations/failure-types.ts).',
              true,
            ),
            pattern(
              ['**/platform/*', '!**/platform/search-attributes.ts', '**/integrations/*', '!**/integrations/failure-types.ts'],
              'Of platform/ and integrations/, workflow code may import only search-attributes.ts and failure-types.ts.',
              true,
            ),
            pattern(devOnly, devOnlyMessage),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'require', 'Buffer', 'global', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'Node-only: workflow code runs in the deterministic sandbox.',
        })),
        ...['setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'queueMicrotask'].map((name) => ({
          name,
          message: 'Use sleep()/condition() from @temporalio/workflow: they are durable timers.',
        })),
        { name: 'crypto', message: 'Not deterministic: use uuid4() from @temporalio/workflow, or compute it in an activity.' },
        { name: 'performance', message: 'Real clocks are not deterministic: use the workflow time (Date.now() is patched).' },
        { name: 'fetch', message: 'No I/O in workflow code: call an activity.' },
        { name: 'WeakRef', message: 'Garbage collection timing is not deterministic.' },
        { name: 'FinalizationRegistry', message: 'Garbage collection timing is not deterministic.' },
      ],
    },
  },

  prettier,
);
