/**
 * One bot's global budget as Discord applies it: at most `limit` requests admitted in any window
 * of `windowMs` (a sliding window, not one that restarts every second: a client that spends 50 at
 * the end of its own second and 50 at the start of the next is refused, as Discord refuses it,
 * discord/discord-api-docs#5144). It also keeps what a test asserts the budget with: the most
 * requests that arrived in any window, refused ones included, and how many were refused.
 */
export class GlobalBudget {
  /** Arrival times of the admitted requests still inside the window, oldest first. */
  private readonly admitted: number[] = [];
  /** Arrival times of every request still inside the window, oldest first. */
  private readonly arrived: number[] = [];
  requests = 0;
  peak = 0;
  refused = 0;

  /** Counts a request arriving at `now`; 0 when admitted, else the ms until one would be. */
  take(now: number, limit: number, windowMs: number): number {
    const from = now - windowMs;
    this.requests += 1;
    dropUpTo(this.arrived, from);
    this.arrived.push(now);
    this.peak = Math.max(this.peak, this.arrived.length);
    dropUpTo(this.admitted, from);
    if (this.admitted.length >= limit) {
      this.refused += 1;
      const freeing = this.admitted[this.admitted.length - limit] ?? now;
      return Math.max(1, freeing + windowMs - now);
    }
    this.admitted.push(now);
    return 0;
  }
}

function dropUpTo(times: number[], from: number): void {
  let n = 0;
  while (n < times.length && (times[n] as number) <= from) n += 1;
  if (n) times.splice(0, n);
}
