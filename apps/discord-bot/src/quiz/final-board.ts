import { DiscordAPIError } from 'discord.js';
import type { SessionRow } from '../db/rows';
import type { Store } from '../db/store';
import type { DiscordIo } from '../discord/discord-io';
import { leaderboardMessages } from '../discord/quiz-messages';
import { LeaseLostError } from '../errors';
import type { Logger } from '../log';
import { boardNonce } from './post-nonce';
import { sleep } from './sleep';

// Discord errors after which posting cannot succeed: unknown channel, missing access/permissions.
export const FATAL_CODES = new Set([10003, 50001, 50013]);

/**
 * Posts the final leaderboard an ended session owes, then settles the debt. The post carries an
 * enforced nonce from the session, so a post whose answer was lost (a 5xx after Discord made it,
 * a crash before the debt was settled) comes back as the same message instead of a second one.
 * When every try fails the debt stays in the database for the next start.
 */
export async function postFinalBoard(
  deps: { store: Store; io: DiscordIo; log: Logger },
  session: SessionRow,
  signal?: AbortSignal,
): Promise<void> {
  const { store, io, log } = deps;
  const title =
    session.state === 'finished' ? 'Quiz over: leaderboard' : 'Quiz stopped: leaderboard';
  const nonce = boardNonce(session);
  for (let attempt = 1; ; attempt++) {
    try {
      const standings = await store.sessionStandings(session.id);
      await io.send(session.channelId, leaderboardMessages(title, standings), nonce);
      await store.boardPosted(session.id);
      log.info(`quiz ${session.id}: leaderboard posted (${standings.length} members)`);
      return;
    } catch (err) {
      // The debt stays in the database for the shard's new owner.
      if (err instanceof LeaseLostError) return;
      const fatal = err instanceof DiscordAPIError && FATAL_CODES.has(Number(err.code));
      log.error(`quiz ${session.id}: could not post the leaderboard (try ${attempt})`, err);
      if (fatal) {
        await store.boardPosted(session.id);
        return;
      }
      if (attempt >= 3 || signal?.aborted) return;
      await sleep(1000 * attempt, signal);
    }
  }
}
