import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/stats/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/engine/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Statistical suites are CPU-bound; two forks match the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
