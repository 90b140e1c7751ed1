import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Property and fuzz suites do real work; a loaded 2-core machine must not turn them into timeouts.
  test: { testTimeout: 30_000 },
});
