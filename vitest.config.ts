import { defineConfig } from 'vitest/config';

// Unit tests: the pure core and the shared extraction code, in Node.
// Browser (e2e) tests have their own config: test/e2e/vitest.config.ts.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
