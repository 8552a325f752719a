import { defineConfig } from 'vitest/config';

// Two projects: fast tests run in parallel; tests that drive real processes and
// pseudo-terminals run one file at a time (the machines have 2 cores) with long timeouts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/slow/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'slow',
          include: ['test/e2e/**/*.test.{ts,tsx}', 'test/slow/**/*.test.{ts,tsx}'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
