import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, inject } from 'vitest';
import { openStore, type Store } from '../src/index';

/** Runs `sql` on the test server's own database (creating and dropping test databases). */
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('pgUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database of this test's own on the test server, and how to drop it. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `quizdeck_t_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A client on a test database for what the store has no query for (locks, raw rows). */
export async function rawClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * For a `describe` whose tests share one database among several processes: a fresh database for
 * each test, `process()` opening a store on it as another process would (a pool of its own), all
 * closed and the database dropped after the test.
 */
export function databasePerTest() {
  let db: { url: string; drop(): Promise<void> } | undefined;
  const stores: Store[] = [];
  beforeEach(async () => {
    db = await freshDatabase();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await db?.drop();
    db = undefined;
  });
  const url = () => {
    if (!db) throw new Error('databasePerTest: no test is running');
    return db.url;
  };
  return {
    /** The test's database. */
    get url() {
      return url();
    },
    async process(): Promise<Store> {
      const store = await openStore({ backend: 'postgres', url: url() });
      stores.push(store);
      return store;
    },
  };
}
