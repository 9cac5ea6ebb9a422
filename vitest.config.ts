import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one, on the 2-core machines CI runs on.
    // Most of a test's time is spent waiting on PostgreSQL, child processes and Chromium, so two
    // files at once took the suite from 687 s to 461 s there.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});
