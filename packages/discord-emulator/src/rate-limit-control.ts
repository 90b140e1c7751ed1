import type {
  GlobalBudgetFigures,
  RateLimiter,
  RateLimitHit,
  RateLimitInjection,
  RateLimitOptions,
} from './http/rate-limiter';

/** `emu.rateLimits`: inject 429s, read the ones answered, tune the windows. */
export class RateLimitControl {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly defaultBotId: string,
  ) {}

  /**
   * What `botId` (default `emu.bot`) spent of its global budget: requests, the peak in any
   * 1-second window (refused ones included) and the global 429s it was answered.
   */
  budget(botId = this.defaultBotId): GlobalBudgetFigures {
    return this.limiter.budget(botId);
  }

  /** The next `count` requests matching `route` get a 429 with `retry_after`. */
  inject(injection: RateLimitInjection): void {
    this.limiter.inject(injection);
  }

  clearInjections(): void {
    this.limiter.clearInjections();
  }

  /** Every 429 answered (real or injected), in order. */
  get hits(): readonly RateLimitHit[] {
    return this.limiter.hits;
  }

  get options(): RateLimitOptions {
    return this.limiter.options;
  }

  configure(options: Partial<RateLimitOptions>): void {
    this.limiter.options = { ...this.limiter.options, ...options };
  }
}
