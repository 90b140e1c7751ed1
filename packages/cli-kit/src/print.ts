import { terminalSafe } from '@quizdeck/core';

// The print edge: everything a program writes goes through here, so text from a bank never
// reaches the terminal with escape sequences or other control characters in it.

/** Writes to stdout, made terminal-safe. */
export function print(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Writes to stderr, made terminal-safe. */
export function printError(text: string): void {
  process.stderr.write(terminalSafe(text));
}
