import { defineConfig } from 'vitest/config';

// Browser tests: the built extension (dist/) loaded into Debian's Chromium.
// One browser at a time (forks, no file parallelism); launches are slow.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
