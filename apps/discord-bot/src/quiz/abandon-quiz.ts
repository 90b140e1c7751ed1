import { DiscordAPIError } from 'discord.js';
import type { Store } from '../db/store';
import type { DiscordIo } from '../discord/discord-io';
import type { Logger } from '../log';

/**
 * Ends a quiz that cannot go on (Discord keeps refusing, or lacks a permission), telling the
 * channel why when it still can.
 */
export async function abandonQuiz(
  { store, io, log, clock }: { store: Store; io: DiscordIo; log: Logger; clock: () => number },
  sessionId: number,
  err: unknown,
): Promise<void> {
  const session = await store.session(sessionId);
  if (!session) return;
  const round = await store.latestRound(session.id);
  if (round) await store.skipRound(round.id);
  await store.endSession(session.id, 'stopped', clock());
  const missing =
    err instanceof DiscordAPIError && err.code === 50013
      ? await io.missingPermissions(session.channelId).catch(() => [])
      : [];
  const why = missing.length
    ? `I need the ${missing.map((p) => `**${p}**`).join(', ')} permission in this channel.`
    : 'Discord keeps refusing my requests (see the bot log).';
  await io
    .send(session.channelId, [{ content: `Quiz stopped: ${why}`, allowedMentions: { parse: [] } }])
    .catch((e: unknown) => log.error(`quiz ${session.id}: could not post why it stopped`, e));
}
