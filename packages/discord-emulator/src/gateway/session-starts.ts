export interface SessionStartLimitOptions {
  /** IDENTIFYs a bot may send per window (Discord: 1000 a day). */
  total: number;
  /** Shards that may identify at once (`max_concurrency`; 1 for most bots). */
  maxConcurrency: number;
  /** Length of the window (Discord: 24 hours). */
  resetAfterMs: number;
}

interface Window {
  startedAt: number;
  used: number;
}

/**
 * Each bot's session starts in the current window, for `session_start_limit`: every IDENTIFY that
 * opens a session counts, RESUMEs do not; the window opens at a bot's first IDENTIFY.
 */
export class SessionStarts {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly options: SessionStartLimitOptions) {}

  count(botId: string): void {
    const window = this.current(botId);
    if (window) window.used += 1;
    else this.windows.set(botId, { startedAt: Date.now(), used: 1 });
  }

  /** `session_start_limit` as `GET /gateway/bot` answers it. */
  limit(botId: string) {
    const { total, maxConcurrency, resetAfterMs } = this.options;
    const window = this.current(botId);
    return {
      total,
      remaining: Math.max(0, total - (window?.used ?? 0)),
      reset_after: window ? window.startedAt + resetAfterMs - Date.now() : resetAfterMs,
      max_concurrency: maxConcurrency,
    };
  }

  private current(botId: string): Window | undefined {
    const window = this.windows.get(botId);
    if (window && Date.now() - window.startedAt >= this.options.resetAfterMs) {
      this.windows.delete(botId);
      return undefined;
    }
    return window;
  }
}
