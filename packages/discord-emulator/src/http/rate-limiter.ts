import { createHash } from 'node:crypto';
import { GlobalBudget } from './global-budget';

export interface RateLimitOptions {
  /** Window of the reaction routes' 1-request bucket (Discord: 250 ms). */
  reactionWindowMs: number;
  /** Requests per window for every other route bucket (per route and major parameter). */
  routeLimit: number;
  routeWindowMs: number;
  /**
   * Requests per bot in any 1-second window across routes (sliding, see GlobalBudget);
   * interaction callbacks and webhooks are exempt, as on Discord.
   */
  globalPerSecond: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  reactionWindowMs: 250,
  routeLimit: 50,
  routeWindowMs: 1000,
  globalPerSecond: 50,
};

export interface RateLimitInjection {
  /** A route template (`'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me'`) or a
   * RegExp tested against `'<METHOD> <path>'` (path without `/api/v10`). Omitted: any route. */
  route?: string | RegExp;
  /** How many matching requests get a 429 (default 1). */
  count?: number;
  /** `retry_after` in milliseconds (default 100). */
  retryAfter?: number;
  /** A global rate limit (`X-RateLimit-Global`) instead of a per-route one. */
  global?: boolean;
}

export interface RateLimitHit {
  botId: string | null;
  method: string;
  path: string;
  route: string;
  global: boolean;
  injected: boolean;
  retryAfterMs: number;
  at: number;
}

export interface RateLimitedRequest {
  method: string;
  path: string;
  route: string;
  major: string;
  botId: string | null;
}

export interface RateLimitDecision {
  headers: Record<string, string>;
  /** Set when the request must be answered 429. */
  limited?: { body: Record<string, unknown>; headers: Record<string, string> };
}

/** What one bot spent of its global budget (requests that count against it). */
export interface GlobalBudgetFigures {
  /** Requests that counted against the global limit, refused ones included. */
  requests: number;
  /** The most of them that arrived within any 1-second window, refused ones included. */
  peakPerSecond: number;
  /** How many were answered with a global 429 (not counting injected ones). */
  global429s: number;
}

interface Window {
  remaining: number;
  resetAt: number;
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** Discord's rate limits, fixed windows per bucket, plus 429s injected by tests. */
export class RateLimiter {
  readonly hits: RateLimitHit[] = [];
  private readonly injections: (RateLimitInjection & { left: number })[] = [];
  private readonly buckets = new Map<string, Window>();
  private readonly globals = new Map<string, GlobalBudget>();

  constructor(public options: RateLimitOptions) {}

  inject(injection: RateLimitInjection): void {
    this.injections.push({ ...injection, left: injection.count ?? 1 });
  }

  clearInjections(): void {
    this.injections.length = 0;
  }

  check(req: RateLimitedRequest, now = Date.now()): RateLimitDecision {
    const injected = this.takeInjection(req);
    if (injected) {
      const retryAfter = injected.retryAfter ?? 100;
      return this.limit(req, retryAfter, injected.global ?? false, true, now, {});
    }
    if (req.botId && !isInteractionRoute(req.route)) {
      let g = this.globals.get(req.botId);
      if (!g) {
        g = new GlobalBudget();
        this.globals.set(req.botId, g);
      }
      const wait = g.take(now, this.options.globalPerSecond, 1000);
      if (wait > 0) return this.limit(req, wait, true, false, now, {});
    }
    const reaction = isReactionRoute(req);
    const limit = reaction ? 1 : this.options.routeLimit;
    const windowMs = reaction ? this.options.reactionWindowMs : this.options.routeWindowMs;
    const key = `${req.route}|${req.major}`;
    const w = this.window(this.buckets, key, limit, windowMs, now);
    const headers = (remaining: number) => ({
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': (w.resetAt / 1000).toFixed(3),
      'X-RateLimit-Reset-After': seconds(w.resetAt - now),
      'X-RateLimit-Bucket': bucketHash(req.route),
    });
    if (w.remaining <= 0) return this.limit(req, w.resetAt - now, false, false, now, headers(0));
    w.remaining -= 1;
    return { headers: headers(w.remaining) };
  }

  budget(botId: string): GlobalBudgetFigures {
    const g = this.globals.get(botId);
    return { requests: g?.requests ?? 0, peakPerSecond: g?.peak ?? 0, global429s: g?.refused ?? 0 };
  }

  private window(
    map: Map<string, Window>,
    key: string,
    limit: number,
    windowMs: number,
    now: number,
  ): Window {
    let w = map.get(key);
    if (!w || w.resetAt <= now) {
      w = { remaining: limit, resetAt: now + windowMs };
      map.set(key, w);
    }
    return w;
  }

  private takeInjection(req: RateLimitedRequest) {
    const target = `${req.method} ${req.path}`;
    const found = this.injections.find(
      (i) =>
        i.left > 0 &&
        (i.route === undefined ||
          (typeof i.route === 'string' ? i.route === req.route : i.route.test(target))),
    );
    if (found) found.left -= 1;
    return found;
  }

  private limit(
    req: RateLimitedRequest,
    retryAfterMs: number,
    global: boolean,
    injected: boolean,
    now: number,
    headers: Record<string, string>,
  ): RateLimitDecision {
    const retry = seconds(retryAfterMs);
    this.hits.push({
      botId: req.botId,
      method: req.method,
      path: req.path,
      route: req.route,
      global,
      injected,
      retryAfterMs,
      at: now,
    });
    const limitedHeaders: Record<string, string> = {
      ...headers,
      // Discord's global 429 gives the header in whole seconds (the body keeps the fraction), and
      // discord.js waits what the header says.
      'Retry-After': global ? String(Math.ceil(retryAfterMs / 1000)) : retry,
      'X-RateLimit-Scope': global ? 'global' : 'user',
      ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
    };
    return {
      headers: limitedHeaders,
      limited: {
        body: { message: 'You are being rate limited.', retry_after: Number(retry), global },
        headers: limitedHeaders,
      },
    };
  }
}

function isReactionRoute(req: RateLimitedRequest): boolean {
  return (
    (req.method === 'PUT' || req.method === 'DELETE') &&
    req.route.includes('/reactions/') &&
    req.route.endsWith('/@me')
  );
}

function isInteractionRoute(route: string): boolean {
  return route.includes('/interactions/') || route.includes('/webhooks/');
}

function bucketHash(route: string): string {
  return createHash('sha1').update(route).digest('hex').slice(0, 16);
}
