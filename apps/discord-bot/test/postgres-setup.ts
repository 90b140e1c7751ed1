import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL database the tests may create their own databases from. */
    pgUrl: string;
  }
}

const script = fileURLToPath(new URL('../../../.ci/postgres.sh', import.meta.url));

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
  const out = execFileSync('bash', [script, 'start'], { encoding: 'utf8' });
  const vars = Object.fromEntries(
    [...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1] as string, m[2] as string]),
  );
  const url = vars.QUIZDECK_TEST_PG_URL;
  const dir = vars.QUIZDECK_TEST_PG_DIR;
  if (!url || !dir) throw new Error(`.ci/postgres.sh start said:\n${out}`);
  project.provide('pgUrl', url);
  return () => {
    execFileSync('bash', [script, 'stop', dir], { stdio: 'inherit' });
  };
}
