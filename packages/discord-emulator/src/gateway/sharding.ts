import { shardOf } from '@quizdeck/core';

/** IDENTIFY's `shard`: `[shard_id, num_shards]`. */
export type ShardTuple = readonly [id: number, count: number];

/** A session that sent no `shard` is shard 0 of 1: it gets every guild. */
export const UNSHARDED: ShardTuple = [0, 1];

/** Discord's per-shard limit: a shard holding more guilds is refused with 4011. */
export const MAX_GUILDS_PER_SHARD = 2500;

/** Discord recommends one shard per this many guilds in `GET /gateway/bot`. */
export const GUILDS_PER_RECOMMENDED_SHARD = 1000;

/**
 * IDENTIFY's `shard` field: `null` when absent, `'invalid'` (close 4010) unless it is two
 * integers with `0 <= id < count`.
 */
export function parseShard(value: unknown): ShardTuple | null | 'invalid' {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length !== 2) return 'invalid';
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return 'invalid';
  const [i, n] = [id as number, count as number];
  return n >= 1 && i >= 0 && i < n ? [i, n] : 'invalid';
}

/** Whether Discord routes the guild's events to this shard. */
export function onShard(guildId: string, shard: ShardTuple): boolean {
  return shardOf(guildId, shard[1]) === shard[0];
}
