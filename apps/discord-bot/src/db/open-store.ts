import { PostgresDriver } from './postgres-driver';
import { SqlStore } from './quiz-store';
import { SqliteDriver } from './sqlite-driver';
import type { Store, StoreLocation } from './store';

/**
 * Opens the store, bringing its schema up to date. SQLite: the file is this process's alone
 * (DatabaseInUseError otherwise). PostgreSQL: shared by every process pointed at it.
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  const driver =
    location.backend === 'postgres'
      ? await PostgresDriver.open(location.url)
      : SqliteDriver.open(location.path);
  return new SqlStore(driver);
}
