export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  error(message: string, err?: unknown): void;
}

/** Lines on stderr; never given secrets. */
export function createLogger(level: 'silent' | 'info' | 'debug'): Logger {
  const out = (tag: string, m: string) => process.stderr.write(`[bot] ${tag} ${m}\n`);
  return {
    info: (m) => level !== 'silent' && out('info', m),
    debug: (m) => level === 'debug' && out('debug', m),
    error: (m, err) => {
      if (level === 'silent') return;
      out('error', err instanceof Error ? `${m}: ${err.message}` : m);
    },
  };
}
