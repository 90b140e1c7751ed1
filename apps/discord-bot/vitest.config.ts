import { defineConfig } from 'vitest/config';

// The end-to-end files mostly wait on short quiz timers, not the CPU: run them side by side.
export default defineConfig({
  test: { maxWorkers: 4, testTimeout: 30_000, hookTimeout: 30_000 },
});
