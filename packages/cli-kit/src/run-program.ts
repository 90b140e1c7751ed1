import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closestName, QuizdeckError } from '@quizdeck/core';
import type { AnyCommand, ArgDef } from './command';
import { renderHelp } from './help';
import { parseArgs, requestOf } from './parse-args';
import { print, printError } from './print';
import { UsageError } from './usage-error';

export interface ProgramOptions {
  /** How messages name the program: `quizdeck`, `quizdeck anki`. */
  name: string;
  /** What `--version` prints. */
  version: string;
  /** Defaults to process.argv.slice(2). */
  argv?: readonly string[];
}

/** The `version` of the package.json nearest above a module (`import.meta.url`). */
export function packageVersion(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        version?: string;
      };
      return pkg.version ?? '0.0.0';
    } catch {
      const up = dirname(dir);
      if (up === dir) return '0.0.0';
      dir = up;
    }
  }
}

/** Walks down the subcommands a command line names; the rest of the tokens are the command's. */
async function resolveCommand(root: AnyCommand, argv: readonly string[], name: string) {
  let cmd = root;
  let path = name;
  let tokens = argv;
  for (;;) {
    const subs = cmd.subCommands;
    const first = tokens[0];
    if (!subs || first === undefined || first.startsWith('-')) break;
    const load = subs[first];
    if (!load) {
      // A command that also runs by itself and takes arguments may be given one here.
      const takesPositionals = Object.values<ArgDef>(cmd.args ?? {}).some(
        (d) => d.type === 'positional',
      );
      if (cmd.run && takesPositionals) break;
      const near = closestName(first, Object.keys(subs));
      throw new UsageError(
        `unknown command "${first}"${near ? `; did you mean ${near}?` : `; the commands are ${Object.keys(subs).join(', ')}`}`,
      );
    }
    cmd = await load();
    path = `${path} ${first}`;
    tokens = tokens.slice(1);
  }
  return { cmd, path, tokens };
}

/** One line (or the bank's diagnostic lines) for a failure; a stack only for a bug. */
function describe(error: unknown): string {
  if (error instanceof QuizdeckError) return error.message;
  if (error instanceof Error) return `internal error: ${error.stack ?? error.message}`;
  return `internal error: ${String(error)}`;
}

/**
 * Runs a program: `--help` and `--version` on every command, strict flags, and the one place where
 * errors are caught and printed, as `<program> <command>: message`, with exit code 1 (2 for a
 * wrong command line). Commands throw QuizdeckError subclasses; they never print errors themselves.
 */
export async function runProgram(root: AnyCommand, options: ProgramOptions): Promise<void> {
  const argv = options.argv ?? process.argv.slice(2);
  // `quizdeck show … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  let path = options.name;
  try {
    const resolved = await resolveCommand(root, argv, options.name);
    path = resolved.path;
    const request = requestOf(resolved.tokens);
    if (request === 'help') {
      print(await renderHelp(resolved.cmd, resolved.path));
      return;
    }
    if (request === 'version') {
      print(`${options.name} ${options.version}\n`);
      return;
    }
    const args = parseArgs(resolved.tokens, resolved.cmd.args ?? {});
    if (!resolved.cmd.run) throw new UsageError(`a command is needed; run "${path} --help"`);
    await resolved.cmd.run({ args: args as never });
  } catch (error) {
    printError(`${path}: ${describe(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
