import { SqlStore } from './quiz-store';
import { SqliteDriver } from './sqlite-driver';
import type { Store } from './store';

/** Opens the store at `location`, a SQLite file path (or `:memory:`), bringing its schema up to date. */
export async function openStore(location: string): Promise<Store> {
  return new SqlStore(SqliteDriver.open(location));
}
