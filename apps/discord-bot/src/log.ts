import { terminalSafe } from '@quizdeck/core';
import { DiscordAPIError } from 'discord.js';

export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  error(message: string, err?: unknown): void;
}

/**
 * Lines on stderr (or `write`). Messages are never built from secrets; `secrets` (the token) are
 * blanked out anyway, should an error message from a library ever quote one. Lines quote bank text
 * (file names, diagnostics, skip reasons), so terminal control characters are stripped.
 */
export function createLogger(
  level: 'silent' | 'info' | 'debug',
  secrets: string[] = [],
  write: (line: string) => void = (line) => process.stderr.write(line),
  program = 'bot',
): Logger {
  const hide = (m: string) =>
    secrets.reduce((text, s) => (s ? text.replaceAll(s, '[token]') : text), m);
  const out = (tag: string, m: string) => write(`[${program}] ${tag} ${terminalSafe(hide(m))}\n`);
  return {
    info: (m) => level !== 'silent' && out('info', m),
    debug: (m) => level === 'debug' && out('debug', m),
    error: (m, err) => {
      if (level === 'silent') return;
      out('error', err === undefined ? m : `${m}: ${describeError(err)}`);
    },
  };
}

/** One line for an error: Discord's error code and HTTP status when it is Discord's. */
export function describeError(err: unknown): string {
  if (err instanceof DiscordAPIError) {
    return `Discord ${err.status} code ${err.code}: ${err.message} (${err.method} ${loggablePath(err.url)})`;
  }
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' || typeof code === 'number'
      ? `${err.message} (${code})`
      : err.message;
  }
  return String(err);
}

/**
 * A Discord API URL or path as it may be logged: without the API prefix and version, and without
 * the interaction token that interaction and webhook paths carry.
 */
export function loggablePath(url: string): string {
  return url
    .replace(/^.*?\/v\d+(?=\/)/, '')
    .replace(/\/(interactions|webhooks)\/(\d+)\/[^/?]+/, '/$1/$2/:token');
}
