import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../../.ci/postgres.sh', import.meta.url));

export interface ThrowawayPostgres {
  /** The cluster's database, as `postgres://quizdeck@127.0.0.1:<port>/quizdeck_test`. */
  url: string;
  /** Stops the cluster and removes its folder. */
  stop(): void;
}

/**
 * A throwaway PostgreSQL cluster from `.ci/postgres.sh start` (the one place that knows how one is
 * made), for the PostgreSQL tests and the benches. `serverOptions` go to the server as
 * QUIZDECK_PG_OPTIONS. Throws when the script fails (its stderr is in the message).
 */
export function startThrowawayPostgres(serverOptions?: string): ThrowawayPostgres {
  const out = execFileSync('bash', [script, 'start'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: serverOptions ? { ...process.env, QUIZDECK_PG_OPTIONS: serverOptions } : process.env,
  });
  const vars = new Map(
    [...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1] as string, m[2] as string]),
  );
  const url = vars.get('QUIZDECK_TEST_PG_URL');
  const dir = vars.get('QUIZDECK_TEST_PG_DIR');
  if (!url || !dir) throw new Error(`.ci/postgres.sh start said:\n${out}`);
  return { url, stop: () => execFileSync('bash', [script, 'stop', dir], { stdio: 'inherit' }) };
}
