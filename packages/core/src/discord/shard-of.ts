/**
 * The shard Discord routes a guild's events to when a bot runs `shardCount` shards:
 * `(guild_id >> 22) % shardCount`, the snowflake's timestamp part modulo the count
 * (https://discord.com/developers/docs/events/gateway#sharding). Events outside any guild (DMs)
 * go to shard 0. BigInt, because a snowflake is past Number's 53 bits.
 */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
