import { defineConfig } from 'vitest/config';

// The Firefox build (dist-firefox/) run in Debian's Firefox ESR: a smaller suite
// than the Chromium one (test/e2e), for what could differ between the browsers.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.firefox.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
