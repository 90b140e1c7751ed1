import type { Gateway } from './gateway/gateway';
import type { RateLimiter } from './http/rate-limiter';
import type { Store } from './state/store';

/** The emulator's parts, as handed to route handlers and actions. */
export interface Core {
  store: Store;
  gateway: Gateway;
  rateLimiter: RateLimiter;
  nextId: () => string;
  options: { interactionTimeoutMs: number; requireRegisteredCommands: boolean };
}
