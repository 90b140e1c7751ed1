import { SqlStore } from './quiz-store';
import type { SqlDriver } from './sql';
import { SqliteDriver } from './sqlite-driver';
import type { Store, StoreLocation } from './store';

/**
 * Opens the store, bringing its schema up to date. SQLite: the file is this process's alone
 * (DatabaseInUseError otherwise). PostgreSQL: shared by every process pointed at it.
 */
export async function openStore(
  location: StoreLocation,
  options: StoreOptions = {},
): Promise<Store> {
  return new SqlStore(await openDriver(location, options));
}

export interface StoreOptions {
  /** PostgreSQL: connections in the pool (default 10). */
  connections?: number;
}

/** The backend's driver, schema up to date; PostgreSQL's (and `pg`) is loaded only when used. */
export async function openDriver(
  location: StoreLocation,
  options: StoreOptions = {},
): Promise<SqlDriver> {
  if (location.backend === 'sqlite') return SqliteDriver.open(location.path);
  const { PostgresDriver } = await import('./postgres-driver');
  return PostgresDriver.open(
    location.url,
    options.connections === undefined ? {} : { max: options.connections },
  );
}
