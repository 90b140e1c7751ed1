import { shardOf } from '@quizdeck/core';
import { type Client, type ClientOptions, Routes } from 'discord.js';

/**
 * What QUIZDECK_SHARDS / QUIZDECK_SHARD_IDS ask for: the recommended count (every shard in this
 * process), or a total and the ids this process runs.
 */
export type ShardPlan = { count: 'auto' } | { count: number; ids: readonly number[] };

/** The shards this process runs, out of the bot's total. */
export interface ShardSet {
  ids: readonly number[];
  count: number;
}

/** discord.js's own sharding options for a plan ('auto' asks `GET /gateway/bot`). */
export function shardClientOptions(plan: ShardPlan): Pick<ClientOptions, 'shards' | 'shardCount'> {
  return plan.count === 'auto'
    ? { shards: 'auto' }
    : { shards: [...plan.ids], shardCount: plan.count };
}

/**
 * The shards the client will run, known before it logs in: 'auto' is asked of `GET /gateway/bot`
 * (as discord.js would at log-in) and set in the client's options, so that a process can take
 * their leases first.
 */
export async function plannedShards(
  client: Client,
  plan: ShardPlan,
  token: string,
): Promise<ShardSet> {
  if (plan.count !== 'auto') return { ids: plan.ids, count: plan.count };
  client.rest.setToken(token);
  const { shards } = (await client.rest.get(Routes.gatewayBot())) as { shards: number };
  const ids = Array.from({ length: shards }, (_, i) => i);
  client.options.shards = ids;
  client.options.shardCount = shards;
  return { ids, count: shards };
}

/** The shards discord.js runs once logged in ('auto' resolved). */
export function runningShards(client: Client): ShardSet {
  const { shards, shardCount } = client.options;
  return { ids: Array.isArray(shards) ? shards : [], count: shardCount ?? 1 };
}

/** Whether Discord routes the guild's events to this process. */
export function holdsGuild(set: ShardSet, guildId: string): boolean {
  return set.ids.includes(shardOf(guildId, set.count));
}

export function describeShards(set: ShardSet): string {
  return `${set.ids.length === 1 ? 'shard' : 'shards'} ${set.ids.join(', ')} of ${set.count}`;
}
