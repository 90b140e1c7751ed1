import type { SessionRow } from '../db/rows';
import type { Store } from '../db/store';
import type { DiscordIo } from '../discord/discord-io';
import { leaderboardMessages } from '../discord/quiz-messages';
import { LeaseLostError } from '../errors';
import type { Logger } from '../log';
import { boardNonce } from './post-nonce';
import { sleep } from './sleep';
import { isFatal, StepRetry } from './step-retry';

/**
 * Posts the final leaderboard an ended session owes, then settles the debt. The post carries an
 * enforced nonce from the session, so a post whose answer was lost (a 5xx after Discord made it,
 * a crash before the debt was settled) comes back as the same message instead of a second one.
 * When every try fails (Discord out of reach is waited out first, see StepRetry) the debt stays in
 * the database for the next start.
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
  const retry = new StepRetry(log, `quiz ${session.id}: leaderboard post`, 3, 1000);
  for (;;) {
    try {
      const standings = await store.sessionStandings(session.id);
      await io.send(session.channelId, leaderboardMessages(title, standings), nonce);
      await store.boardPosted(session.id);
      retry.succeeded();
      log.info(`quiz ${session.id}: leaderboard posted (${standings.length} members)`);
      return;
    } catch (err) {
      // The debt stays in the database for the shard's new owner.
      if (err instanceof LeaseLostError) return;
      const pause = retry.failed(err);
      if (isFatal(err)) {
        await store.boardPosted(session.id);
        return;
      }
      if (pause === undefined || signal?.aborted) return;
      await sleep(pause, signal);
    }
  }
}
