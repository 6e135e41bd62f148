import { defineConfig } from 'vitest/config';

// The browser checks (npm run test:browser): Chromium over the real stack, one file at a time.
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    reporters: ['default', ['json', { outputFile: '.test-results/vitest-browser.json' }]],
  },
});
