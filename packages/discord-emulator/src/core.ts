import type { Gateway } from './gateway/gateway';
import type { ShardTuple } from './gateway/sharding';
import type { Holds } from './http/holds';
import type { RateLimiter } from './http/rate-limiter';
import type { ServerErrors } from './http/server-errors';
import type { Store } from './state/store';

/** The emulator's parts, as handed to route handlers and actions. */
export interface Core {
  store: Store;
  gateway: Gateway;
  rateLimiter: RateLimiter;
  serverErrors: ServerErrors;
  holds: Holds;
  /** A new snowflake; with `shard`, one on that shard (`[id, count]`). */
  nextId: (shard?: ShardTuple) => string;
  options: {
    interactionTimeoutMs: number;
    requireRegisteredCommands: boolean;
    /** How long a message's nonce keeps a create with `enforce_nonce` from repeating it. */
    nonceWindowMs: number;
  };
}
