import { DiscordAPIError } from 'discord.js';
import { networkFailure } from '../discord/network-failure';
import type { Logger } from '../log';

// Discord errors after which posting cannot succeed: unknown channel, missing access/permissions.
const FATAL_CODES = new Set([10003, 50001, 50013]);

/** Discord answered that the bot cannot post in the channel at all: trying again is useless. */
export function isFatal(err: unknown): boolean {
  return err instanceof DiscordAPIError && FATAL_CODES.has(Number(err.code));
}
/**
 * How long a quiz waits for Discord's API (or the REST proxy in front of it) to become reachable
 * again: a proxy restart or a short network cut is waited out, a host cut off for good is not.
 */
const OUTAGE_WAIT_MS = 120_000;
const OUTAGE_PAUSE_MS = { first: 500, max: 5_000 };

/**
 * When a quiz's failed step (or a leaderboard post) is tried again, and when it is given up.
 * Discord answering with an error counts towards giving up (at once for a missing permission or
 * channel); a request that got no answer at all (connection refused, reset, DNS, a timeout) is
 * waited out with a capped pause for up to OUTAGE_WAIT_MS, logged once when that starts and once
 * when it ends.
 */
export class StepRetry {
  private failures = 0;
  private outage: { since: number; pause: number } | undefined;

  /**
   * `label` starts the log lines; `tries`: failures in a row (Discord answering with errors) that
   * give up, with a pause of `pauseMs` times the count between them.
   */
  constructor(
    private readonly log: Logger,
    private readonly label: string,
    private readonly tries = 5,
    private readonly pauseMs = 500,
  ) {}

  succeeded(): void {
    this.failures = 0;
    if (this.outage) {
      const seconds = Math.round((Date.now() - this.outage.since) / 1000);
      this.log.info(`${this.label}: Discord reachable again after ${seconds} s; going on`);
      this.outage = undefined;
    }
  }

  /** The pause before the next try, or undefined when it is time to give up. */
  failed(err: unknown): number | undefined {
    const network = networkFailure(err);
    if (network) {
      if (!this.outage) {
        this.outage = { since: Date.now(), pause: OUTAGE_PAUSE_MS.first };
        this.log.error(
          `${this.label}: cannot reach Discord (${network}); trying again for up to ${OUTAGE_WAIT_MS / 1000} s`,
        );
        return this.outage.pause;
      }
      if (Date.now() - this.outage.since < OUTAGE_WAIT_MS) {
        this.outage.pause = Math.min(this.outage.pause * 2, OUTAGE_PAUSE_MS.max);
        return this.outage.pause;
      }
      this.log.error(`${this.label}: Discord out of reach for ${OUTAGE_WAIT_MS / 1000} s`, err);
      return undefined;
    }
    this.failures++;
    this.log.error(`${this.label}: failed (try ${this.failures})`, err);
    return isFatal(err) || this.failures >= this.tries ? undefined : this.pauseMs * this.failures;
  }
}
