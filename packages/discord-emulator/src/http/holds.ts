import { type RouteFilter, routeMatches } from './route-filter';

export interface HoldInjection {
  /** Which requests (see `RouteFilter`); omitted: any route. */
  route?: RouteFilter;
  /** How many matching requests are held (default 1). */
  count?: number;
  /**
   * Carry the request out first and hold only its answer (default false: hold it before anything
   * happens). A create held so exists, and gateway events about it (a member's reaction) can reach
   * the client before the client has the create's answer, as on Discord.
   */
  afterHandling?: boolean;
}

/** One held request: wait for it to arrive, then let it go on. */
export class Hold {
  readonly afterHandling: boolean;
  /** The request that met the hold, once one has (after handling: once it was carried out). */
  readonly reached: Promise<{ method: string; path: string }>;
  private arrive!: (r: { method: string; path: string }) => void;
  private free!: () => void;
  private readonly freed = new Promise<void>((resolve) => {
    this.free = resolve;
  });

  constructor(afterHandling: boolean) {
    this.afterHandling = afterHandling;
    this.reached = new Promise((resolve) => {
      this.arrive = resolve;
    });
  }

  /** Lets every request held by this hold go on. */
  release(): void {
    this.free();
  }

  /** Called by the server: marks the request as arrived and waits for `release()`. */
  hold(method: string, path: string): Promise<void> {
    this.arrive({ method, path });
    return this.freed;
  }
}

/** `emu.holds`: requests (or their answers) kept waiting until the test releases them. */
export class Holds {
  private readonly injections: { route: RouteFilter; left: number; hold: Hold }[] = [];

  inject(injection: HoldInjection = {}): Hold {
    const hold = new Hold(injection.afterHandling ?? false);
    this.injections.push({ route: injection.route, left: injection.count ?? 1, hold });
    return hold;
  }

  /** The hold this request meets, counted as used, if any. */
  take(method: string, path: string, route: string): Hold | undefined {
    const found = this.injections.find(
      (i) => i.left > 0 && routeMatches(i.route, method, path, route),
    );
    if (!found) return undefined;
    found.left -= 1;
    return found.hold;
  }

  /** Releases every hold (the emulator stops). */
  releaseAll(): void {
    for (const i of this.injections) i.hold.release();
    this.injections.length = 0;
  }
}
