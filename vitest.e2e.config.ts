import { defineConfig } from 'vitest/config';

// Browser tests: the built site (dist/) in Debian's Chromium via playwright-core. Run by `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
