import { routeMatches } from './route-filter';

/** A 5xx the next matching requests get, as Discord's edge gives them at times. */
export interface ServerErrorInjection {
  /** A route template (`'POST /channels/:channelId/messages'`) or a RegExp tested against
   * `'<METHOD> <path>'` (path without `/api/v10`). Omitted: any route. */
  route?: string | RegExp;
  /** How many matching requests get it (default 1). */
  count?: number;
  /** The status (default 502). */
  status?: number;
  /**
   * Carry the request out first and lose only the answer (default false: nothing happens). A
   * create answered so has taken place, and a client that retries it makes a second one.
   */
  afterHandling?: boolean;
}

export interface ServerErrorHit {
  method: string;
  path: string;
  route: string;
  status: number;
  afterHandling: boolean;
  at: number;
}

/** `emu.serverErrors`: 5xx answers injected by tests, and the ones given. */
export class ServerErrors {
  private readonly injections: (ServerErrorInjection & { left: number })[] = [];
  /** Every injected 5xx answered, in order. */
  readonly hits: ServerErrorHit[] = [];

  /** The next `count` requests matching `route` are answered with `status`. */
  inject(injection: ServerErrorInjection): void {
    this.injections.push({ ...injection, left: injection.count ?? 1 });
  }

  clear(): void {
    this.injections.length = 0;
  }

  /** The injection this request meets, counted as used, if any. */
  take(method: string, path: string, route: string): ServerErrorHit | undefined {
    const found = this.injections.find(
      (i) => i.left > 0 && routeMatches(i.route, method, path, route),
    );
    if (!found) return undefined;
    found.left -= 1;
    const hit = {
      method,
      path,
      route,
      status: found.status ?? 502,
      afterHandling: found.afterHandling ?? false,
      at: Date.now(),
    };
    this.hits.push(hit);
    return hit;
  }
}
