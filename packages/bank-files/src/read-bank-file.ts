import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import {
  type Bank,
  BankError,
  type BankFormat,
  type BankLocations,
  type Diagnostic,
  formatFromPath,
  MAX_BANK_BYTES,
  type ParseResult,
  parseBank,
} from '@quizdeck/core';

export interface ReadBankOptions {
  /** How diagnostics name the file, e.g. the path as the user typed it. Defaults to the path. */
  name?: string;
}

export interface LoadedBank {
  /** The file's name in diagnostics (`options.name`, else the path). */
  file: string;
  bank: Bank;
  /** Warnings only: a bank with errors is not loaded. */
  diagnostics: Diagnostic[];
  locations: BankLocations;
}

/** Diagnostic codes for a file that could not be read at all (never produced by the parser). */
export const BANK_FILE_CODES = ['format', 'read', 'too-large'] as const;
export type BankFileCode = (typeof BANK_FILE_CODES)[number];

const failed = (file: string, code: BankFileCode, message: string): ParseResult => ({
  bank: undefined,
  diagnostics: [{ file, line: 1, col: 1, severity: 'error', code, message }],
  locations: { questions: {}, contexts: {} },
});

const unknownFormat = (file: string) =>
  failed(file, 'format', 'unknown bank format (use .md, .quiz.yaml or .quiz.json)');

/** The problem with a file's stat, or undefined when it can be read. */
function statProblem(
  file: string,
  info: { isDirectory(): boolean; size: number },
): ParseResult | undefined {
  if (info.isDirectory()) return failed(file, 'read', 'is a folder, not a bank file');
  if (info.size <= MAX_BANK_BYTES) return undefined;
  const mb = (info.size / 1024 / 1024).toFixed(1);
  return failed(
    file,
    'too-large',
    `file is ${mb} MB; a bank may be at most ${MAX_BANK_BYTES / 1024 / 1024} MB`,
  );
}

function readProblem(file: string, error: unknown): ParseResult {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
  return failed(file, 'read', why);
}

const parse = (bytes: Uint8Array, file: string, format: BankFormat) =>
  parseBank(bytes, { file, format });

/**
 * Reads and parses a bank file at an already resolved path. Never throws for a bad bank or an
 * unreadable file: every problem comes back as a diagnostic.
 */
export async function readBankFile(
  path: string,
  options: ReadBankOptions = {},
): Promise<ParseResult> {
  const file = options.name ?? path;
  const format = formatFromPath(path);
  if (format === undefined) return unknownFormat(file);
  let bytes: Uint8Array;
  try {
    const problem = statProblem(file, await stat(path));
    if (problem) return problem;
    bytes = await readFile(path);
  } catch (error) {
    return readProblem(file, error);
  }
  return parse(bytes, file, format);
}

/** `readBankFile` for synchronous callers (the bot loads its catalog before it starts). */
export function readBankFileSync(path: string, options: ReadBankOptions = {}): ParseResult {
  const file = options.name ?? path;
  const format = formatFromPath(path);
  if (format === undefined) return unknownFormat(file);
  let bytes: Uint8Array;
  try {
    const problem = statProblem(file, statSync(path));
    if (problem) return problem;
    bytes = readFileSync(path);
  } catch (error) {
    return readProblem(file, error);
  }
  return parse(bytes, file, format);
}

/** The loaded bank, or a BankError with every diagnostic when the bank has errors. */
export function loadedBank(result: ParseResult, file: string): LoadedBank {
  if (result.bank === undefined || result.diagnostics.some((d) => d.severity === 'error')) {
    throw new BankError(result.diagnostics);
  }
  return { file, bank: result.bank, diagnostics: result.diagnostics, locations: result.locations };
}

/** Loads a bank file, throwing a BankError with every diagnostic when the bank is not valid. */
export async function loadBankFile(
  path: string,
  options: ReadBankOptions = {},
): Promise<LoadedBank> {
  return loadedBank(await readBankFile(path, options), options.name ?? path);
}
