import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './throwaway-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL database the tests may create their own databases from. */
    pgUrl: string;
  }
}

/**
 * The PostgreSQL tests' server: QUIZDECK_TEST_PG_URL when CI started one (`.ci/run`), else a
 * throwaway cluster made by the same script for this run and removed after it.
 */
export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env.QUIZDECK_TEST_PG_URL;
  if (given) {
    project.provide('pgUrl', given);
    return undefined;
  }
  const cluster = startThrowawayPostgres();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
