import { defineConfig } from 'vitest/config';

// Unit tests: the pure core and the shared extraction code, in Node.
// Browser (e2e) tests have their own config: test/e2e/vitest.config.ts.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Correctness tests, not timed ones (the benchmark measures speed): several run
    // megabytes of text through detection, 3–7 s each on a slow shared machine,
    // where Vitest's default of 5 s failed them.
    testTimeout: 60_000,
  },
});
