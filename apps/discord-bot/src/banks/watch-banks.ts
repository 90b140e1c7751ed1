import type { Logger } from '../log';
import type { BankCatalog } from './bank-catalog';

/**
 * Re-reads the catalog every `intervalMs` (0: never) and logs what changed: added, changed and
 * removed bank files, and every file that now fails to load. Returns the function that stops it.
 */
export function watchBanks(catalog: BankCatalog, intervalMs: number, log: Logger): () => void {
  if (intervalMs <= 0) return () => {};
  let reported = new Set(catalog.problems);
  const timer = setInterval(() => {
    try {
      const { added, changed, removed } = catalog.reload();
      for (const f of added) log.info(`banks: added ${f}`);
      for (const f of changed) log.info(`banks: reloaded ${f}`);
      for (const f of removed) log.info(`banks: removed ${f}`);
      for (const p of catalog.problems) if (!reported.has(p)) log.error(`bank: ${p}`);
      reported = new Set(catalog.problems);
    } catch (err) {
      log.error('banks: could not re-read the banks', err);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
