import { defineConfig } from 'vitest/config';

// The browser checks (npm run test:browser): Chromium over the real stack, one file at a time.
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // A screen redraws on the page's own clock and the API's; on a busy machine that takes longer
    // than expect.poll's 1 s default. The limit only stops a stuck check; nothing asserts speed.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    reporters: ['default', ['json', { outputFile: '.test-results/vitest-browser.json' }]],
  },
});
