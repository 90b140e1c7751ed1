import type { SqlConn, SqlDriver } from './sql';

/** Who drives a shard's quizzes, until when (ms since the epoch, the callers' clock). */
export interface ShardLease {
  shardId: number;
  owner: string;
  expiresAt: number;
}

/**
 * Takes the shard's lease for `owner` until `now + ttlMs` when it is free, expired, or already
 * `owner`'s; false when another owner holds it. One statement, so of two processes asking at
 * once exactly one gets it. On PostgreSQL the lease row is first locked FOR UPDATE, which waits
 * for the fenced writes in flight (see leaseHeld): a takeover comes after them.
 */
export async function acquireLease(
  sql: SqlDriver,
  shardId: number,
  owner: string,
  ttlMs: number,
  now: number,
): Promise<boolean> {
  if (sql.backend === 'sqlite') return upsertLease(sql, shardId, owner, ttlMs, now);
  return sql.transaction(async (tx) => {
    await tx.get('SELECT 1 FROM shard_leases WHERE shard_id = ? FOR UPDATE', [shardId]);
    return upsertLease(tx, shardId, owner, ttlMs, now);
  });
}

async function upsertLease(
  sql: SqlConn,
  shardId: number,
  owner: string,
  ttlMs: number,
  now: number,
): Promise<boolean> {
  const changed = await sql.run(
    `INSERT INTO shard_leases (shard_id, owner, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (shard_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE shard_leases.owner = excluded.owner OR shard_leases.expires_at <= ?`,
    [shardId, owner, now + ttlMs, now],
  );
  return changed === 1;
}

/**
 * Extends `owner`'s lease to `now + ttlMs`; false when it is not theirs or has expired (another
 * process may have taken the shard over: stop driving it, and acquire again).
 */
export async function renewLease(
  sql: SqlConn,
  shardId: number,
  owner: string,
  ttlMs: number,
  now: number,
): Promise<boolean> {
  const changed = await sql.run(
    'UPDATE shard_leases SET expires_at = ? WHERE shard_id = ? AND owner = ? AND expires_at > ?',
    [now + ttlMs, shardId, owner, now],
  );
  return changed === 1;
}

/** Gives the lease up (a graceful stop), so another process need not wait for it to expire. */
export async function releaseLease(sql: SqlConn, shardId: number, owner: string) {
  return (
    (await sql.run('DELETE FROM shard_leases WHERE shard_id = ? AND owner = ?', [
      shardId,
      owner,
    ])) === 1
  );
}

/** A lease a process holds, which its writes are fenced with (Store.fenced). */
export type HeldLease = Pick<ShardLease, 'shardId' | 'owner'>;

/**
 * The lease still holds at `now`: a condition for the WHERE of a write, with its parameters
 * (PostgreSQL). FOR KEY SHARE holds the lease row until the write's transaction ends: a
 * takeover (acquireLease locks the row FOR UPDATE) waits until the write commits, and a write
 * after a takeover sees the new owner, so each write of an old owner commits before the new
 * owner reads the rows, or not at all. Renewals (an UPDATE of expires_at alone, no key) do not
 * conflict with KEY SHARE: they never wait for the quizzes' writes.
 */
export function leaseHeld(lease: HeldLease, now: number): { sql: string; params: unknown[] } {
  return {
    sql: `EXISTS (SELECT 1 FROM shard_leases WHERE shard_id = ? AND owner = ? AND expires_at > ?
      FOR KEY SHARE)`,
    params: [lease.shardId, lease.owner, now],
  };
}

/** Whether the lease still holds (asked after a fenced write changed nothing). */
export async function holdsLease(sql: SqlConn, lease: HeldLease, now: number): Promise<boolean> {
  const row = await sql.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM shard_leases WHERE shard_id = ? AND owner = ? AND expires_at > ?',
    [lease.shardId, lease.owner, now],
  );
  return Number(row?.n) > 0;
}

export function shardLeases(sql: SqlConn): Promise<ShardLease[]> {
  return sql.all<ShardLease>(
    'SELECT shard_id AS "shardId", owner, expires_at AS "expiresAt" FROM shard_leases ORDER BY shard_id',
  );
}
