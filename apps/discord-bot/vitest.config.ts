import { configDefaults, defineConfig } from 'vitest/config';

// The end-to-end files mostly wait on short quiz timers, not the CPU: run them side by side.
// Files named *.postgres.test.ts need a PostgreSQL server: their project's global setup starts a
// throwaway cluster (or takes QUIZDECK_TEST_PG_URL), and runs only when one of them is selected.
export default defineConfig({
  test: {
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'bot',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/**/*.postgres.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/**/*.postgres.test.ts'],
          globalSetup: ['test/postgres-setup.ts'],
        },
      },
    ],
  },
});
