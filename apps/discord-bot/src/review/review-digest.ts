import type { Logger } from '../log';
import { cardQuestion } from './bank-questions';
import type { ReviewContext } from './member-review';
import { digestLine } from './review-messages';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface DigestDeps {
  ctx: ReviewContext;
  /** Posts a plain line in a channel (pinging nobody). */
  post(channelId: string, content: string): Promise<unknown>;
  /** Whether this process serves the guild (its shard). */
  holds(guildId: string): boolean;
  log: Logger;
}

/**
 * The opt-in daily line: once a UTC day, at the hour a quizmaster picked, each such guild's
 * channel gets "12 questions are due for 5 members", naming nobody. `tick` is driven by a timer
 * reading the bot's clock; the day is claimed in the store before the post, so two processes (or
 * a restart) never post it twice; a post that fails is not retried that day.
 */
export class ReviewDigest {
  #running: Promise<void> | undefined;

  constructor(private readonly deps: DigestDeps) {}

  /** Posts the lines due at the clock's time; resolves once done (one tick at a time). */
  tick(): Promise<void> {
    this.#running ??= this.#tick().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #tick(): Promise<void> {
    const { ctx, log } = this.deps;
    const now = ctx.clock();
    const day = Math.floor(now / DAY_MS) * DAY_MS;
    for (const digest of await ctx.reviews.digests()) {
      if (!this.deps.holds(digest.guildId)) continue;
      if (now < day + digest.hourUtc * HOUR_MS) continue;
      if (digest.lastPostedDay !== null && digest.lastPostedDay >= day) continue;
      if (!(await ctx.reviews.claimDigestDay(digest.guildId, day))) continue;
      try {
        const due = (await ctx.reviews.guildDueCards(digest.guildId, now)).filter((c) =>
          cardQuestion(ctx.catalog, c),
        );
        if (due.length === 0) continue;
        const members = new Set(due.map((c) => c.userId)).size;
        await this.deps.post(digest.channelId, digestLine(due.length, members));
        log.info(`review digest: guild ${digest.guildId}, ${due.length} due for ${members}`);
      } catch (err) {
        log.error(`review digest for guild ${digest.guildId} failed`, err);
      }
    }
  }
}
