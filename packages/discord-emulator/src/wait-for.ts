import { EmulatorError } from './errors';
import type { Store } from './state/store';

export interface WaitOptions {
  /** Default 5000 ms. */
  timeoutMs?: number;
  /** Named in the timeout error. */
  description?: string;
}

/**
 * Resolves with the first truthy value of `probe`, evaluated now and after every change of the
 * emulator's state (REST request, gateway event, scenario call).
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
