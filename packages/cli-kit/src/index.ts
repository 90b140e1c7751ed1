// Public entry of @quizdeck/cli-kit: what every quizdeck program shares at its edge.

// --- commands ---

export type {
  AnyCommand,
  ArgDef,
  ArgsDef,
  BooleanDef,
  CommandDef,
  ParsedArgs,
  PositionalDef,
  StringDef,
} from './command';
export { defineCommand } from './command';
export { renderHelp } from './help';
export { parseArgs } from './parse-args';
export type { ProgramOptions } from './run-program';
export { packageVersion, runProgram } from './run-program';
export { UsageError } from './usage-error';

// --- output ---

export { print, printError } from './print';
