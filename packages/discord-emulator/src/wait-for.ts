import { EmulatorError } from './errors';
import type { Store } from './state/store';

export interface WaitOptions {
  /** Default 5000 ms. */
  timeoutMs?: number;
  /** Named in the timeout error. */
  description?: string;
}

/**
 * Resolves with the first truthy value of `probe`, evaluated now, after every change of the
 * emulator's state (REST request, gateway event, scenario call) and every 10 ms (for probes that
 * read the bot's own state).
 */
export function waitFor<T>(
  store: Store,
  probe: () => T | undefined | null | false,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      off();
      fn();
    };
    const check = () => {
      if (done) return;
      try {
        const value = probe();
        if (value) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const off = store.onChange(check);
    const poll = setInterval(check, 10);
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new EmulatorError(
            'EMU_WAIT_TIMEOUT',
            `timed out after ${timeoutMs} ms waiting for ${options.description ?? 'a condition'}`,
          ),
        ),
      );
    }, timeoutMs);
    check();
  });
}
