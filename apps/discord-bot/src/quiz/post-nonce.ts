import type { RoundRow, SessionRow } from '../db/rows';

// Enforced nonces of the bot's posts (DiscordIo.send appends `.<i>` per message, 25 at most):
// Discord answers a repeated create within a few minutes with the message it already made.

/**
 * A round's question (`q`), reveal (`r`) or skip notice (`s`, `d`) posts: from the round's random
 * seed, which is stored with the round, so a restarted bot repeats it.
 */
export function roundNonce(round: RoundRow, post: 'q' | 'r' | 's' | 'd'): string {
  return `${post}${round.seed.replaceAll('-', '').slice(0, 20)}`;
}

/** A session's final leaderboard. */
export function boardNonce(session: SessionRow): string {
  return `b${session.startedAt.toString(36)}${session.id}`.slice(0, 22);
}
