import { SqlStore } from './quiz-store';
import { SqliteDriver } from './sqlite-driver';
import type { Store, StoreLocation } from './store';

/**
 * Opens the store, bringing its schema up to date. SQLite: the file is this process's alone
 * (DatabaseInUseError otherwise). PostgreSQL: shared by every process pointed at it; its driver
 * (and `pg`) is loaded only then, so a bot on SQLite never carries it.
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.backend === 'sqlite') return new SqlStore(SqliteDriver.open(location.path));
  const { PostgresDriver } = await import('./postgres-driver');
  return new SqlStore(await PostgresDriver.open(location.url));
}
