import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { HeldLease } from '../db/shard-leases';
import type { Store } from '../db/store';
import { LeaseLostError } from '../errors';
import type { Logger } from '../log';
import { sleep } from '../quiz/sleep';

/** Renewals (and tries of a waiting process) per TTL. */
const RENEWALS_PER_TTL = 4;

/**
 * The leases of this process's shards in a PostgreSQL store, renewed every TTL / 4. The process
 * acts for its shards only while its own clock says the leases hold: until TTL × 3/4 after the
 * last renewal that succeeded was sent, a quarter of the TTL before the database lets another
 * process take them (room for a step that passed the check to reach Discord, and for the hosts'
 * clocks to differ). The store's fence (Store.fenced) refuses the writes of a holder that missed
 * even that, such as a process that was paused.
 */
export class ShardLeases {
  #heldUntil: number;
  #timer: NodeJS.Timeout | undefined;
  #renewing = false;
  #lost: LeaseLostError | undefined;
  readonly #onLost: ((err: LeaseLostError) => void)[] = [];

  private constructor(
    private readonly store: Store,
    readonly shards: readonly number[],
    readonly owner: string,
    sentAt: number,
    private readonly ttlMs: number,
    private readonly log: Logger,
  ) {
    this.#heldUntil = this.#deadline(sentAt);
    this.#timer = setInterval(() => void this.#renew(), ttlMs / RENEWALS_PER_TTL);
    this.#timer.unref();
  }

  /**
   * Takes the leases of `shards`, all of them or none, waiting while another process holds one:
   * the process is then a standby, or the replacement of one that died (its leases expire within
   * a TTL of its last renewal). All or none, so that two standbys never hold half each.
   */
  static async acquire(
    store: Store,
    shards: readonly number[],
    ttlMs: number,
    log: Logger,
  ): Promise<ShardLeases> {
    const owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    const sorted = [...new Set(shards)].sort((a, b) => a - b);
    const which = `${sorted.length === 1 ? 'shard' : 'shards'} ${sorted.join(', ')}`;
    let told = false;
    for (;;) {
      const sentAt = performance.now();
      const got: number[] = [];
      for (const shard of sorted) {
        if (!(await store.acquireLease(shard, owner, ttlMs, Date.now()))) break;
        got.push(shard);
      }
      if (got.length === sorted.length) {
        log.info(`holding the leases of ${which} (owner ${owner})`);
        return new ShardLeases(store, sorted, owner, sentAt, ttlMs, log);
      }
      for (const shard of got) await store.releaseLease(shard, owner);
      if (!told) {
        const holders = (await store.shardLeases())
          .filter((l) => sorted.includes(l.shardId) && l.owner !== owner)
          .map((l) => `shard ${l.shardId} by ${l.owner}`);
        log.info(
          `waiting for the leases of ${which}: held (${holders.join(', ')}); taken over once not renewed for ${ttlMs} ms`,
        );
        told = true;
      }
      await sleep(ttlMs / RENEWALS_PER_TTL);
    }
  }

  /** The lease of `shard` as the store fences writes with it. */
  lease(shard: number): HeldLease {
    return { shardId: shard, owner: this.owner };
  }

  /** Whether this process may still act for `shard`: a lease it holds, by its own clock. */
  holds(shard: number): boolean {
    return this.shards.includes(shard) && !this.#lost && performance.now() < this.#heldUntil;
  }

  /** Throws LeaseLostError unless `holds(shard)`. */
  assertHeld(shard: number): void {
    if (!this.holds(shard)) throw new LeaseLostError(shard);
  }

  /** Called once, when the leases are lost (not renewed in time, or taken over). */
  onLost(listener: (err: LeaseLostError) => void): void {
    this.#onLost.push(listener);
  }

  /** Stops renewing and gives the leases up, for a waiting process to take at once. */
  async release(): Promise<void> {
    this.#stop();
    if (this.#lost) return;
    this.#lost = new LeaseLostError(this.shards[0] ?? 0);
    for (const shard of this.shards) await this.store.releaseLease(shard, this.owner);
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #deadline(sentAt: number): number {
    return sentAt + (this.ttlMs * (RENEWALS_PER_TTL - 1)) / RENEWALS_PER_TTL;
  }

  async #renew(): Promise<void> {
    if (this.#lost || !this.#timer || this.#renewing) return;
    this.#renewing = true;
    const sentAt = performance.now();
    try {
      for (const shard of this.shards) {
        if (!(await this.store.renewLease(shard, this.owner, this.ttlMs, Date.now()))) {
          return this.#lose(new LeaseLostError(shard), 'expired, or taken over');
        }
      }
      this.#heldUntil = this.#deadline(sentAt);
    } catch (err) {
      this.log.error('could not renew the shard leases', err);
    } finally {
      this.#renewing = false;
    }
    if (performance.now() >= this.#heldUntil) {
      this.#lose(new LeaseLostError(this.shards[0] ?? 0), 'not renewed in time');
    }
  }

  #lose(err: LeaseLostError, why: string): void {
    if (this.#lost) return;
    this.#lost = err;
    this.#stop();
    this.log.error(`shard lease lost (${why}): ${err.message}`);
    for (const listener of this.#onLost) listener(err);
  }
}
