import type { ReviewDigestRow } from './review-rows';
import type { SqlConn } from './sql';

// The opt-in daily line of what is due, per guild (numbers through Number(): see
// review-cards-sql.ts).

interface RawDigest {
  guild_id: string;
  channel_id: string;
  hour_utc: number | string;
  last_posted_day: number | string | null;
}

const toDigest = (r: RawDigest): ReviewDigestRow => ({
  guildId: r.guild_id,
  channelId: r.channel_id,
  hourUtc: Number(r.hour_utc),
  lastPostedDay: r.last_posted_day === null ? null : Number(r.last_posted_day),
});

export async function readDigests(conn: SqlConn): Promise<ReviewDigestRow[]> {
  const rows = await conn.all<RawDigest>(
    'SELECT guild_id, channel_id, hour_utc, last_posted_day FROM review_digests ORDER BY guild_id',
  );
  return rows.map(toDigest);
}

export async function readDigest(
  conn: SqlConn,
  guildId: string,
): Promise<ReviewDigestRow | undefined> {
  const row = await conn.get<RawDigest>(
    'SELECT guild_id, channel_id, hour_utc, last_posted_day FROM review_digests WHERE guild_id = ?',
    [guildId],
  );
  return row ? toDigest(row) : undefined;
}

/** Turns the daily line on (in a channel, at an hour) or, with `null`, off. */
export async function saveDigest(
  conn: SqlConn,
  guildId: string,
  digest: { channelId: string; hourUtc: number } | null,
): Promise<void> {
  if (digest === null) {
    await conn.run('DELETE FROM review_digests WHERE guild_id = ?', [guildId]);
    return;
  }
  await conn.run(
    `INSERT INTO review_digests (guild_id, channel_id, hour_utc) VALUES (?, ?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,
       hour_utc = excluded.hour_utc`,
    [guildId, digest.channelId, digest.hourUtc],
  );
}

/** Claims the day's line for a guild: true once per day (the caller then posts it). */
export async function claimDigestDay(conn: SqlConn, guildId: string, day: number) {
  const changed = await conn.run(
    `UPDATE review_digests SET last_posted_day = ?
     WHERE guild_id = ? AND (last_posted_day IS NULL OR last_posted_day < ?)`,
    [day, guildId, day],
  );
  return changed === 1;
}
