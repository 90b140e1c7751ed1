import { dirname } from 'node:path';
import {
  type Bank,
  BankError,
  type BankFormat,
  type BankLocations,
  bankSizeMessage,
  type Diagnostic,
  formatFromPath,
  MAX_BANK_BYTES,
  type ParseResult,
  parseBank,
} from '@quizdeck/core';
import {
  type FileRefusal,
  type ReadBytes,
  type ReadLimits,
  readRegularFile,
  readRegularFileSync,
  realFolder,
  realFolderSync,
} from './regular-file';

export interface ReadBankOptions {
  /** How diagnostics name the file, e.g. the path as the user typed it. Defaults to the path. */
  name?: string;
  /**
   * The folder being read: a symlinked bank is followed only while it stays inside it. Defaults to
   * the file's own folder.
   */
  folder?: string;
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
export const BANK_FILE_CODES = ['format', 'read', 'too-large', 'outside'] as const;
export type BankFileCode = (typeof BANK_FILE_CODES)[number];

const failed = (file: string, code: BankFileCode, message: string): ParseResult => ({
  bank: undefined,
  diagnostics: [{ file, line: 1, col: 1, severity: 'error', code, message }],
  locations: { questions: {}, contexts: {} },
});

const unknownFormat = (file: string) =>
  failed(file, 'format', 'unknown bank format (use .md, .quiz.yaml or .quiz.json)');

const limits = (folder: string): ReadLimits => ({
  folder,
  maxBytes: MAX_BANK_BYTES,
  tooLarge: bankSizeMessage,
  outside: 'is a symlink to a file outside the folder being read; it is not read',
  what: 'a bank file',
});

const parsed = (read: ReadBytes, file: string, format: BankFormat): ParseResult =>
  'bytes' in read
    ? parseBank(read.bytes, { file, format })
    : failed(file, (read as FileRefusal).code, read.message);

/**
 * Reads and parses a bank file at an already resolved path: only a regular file, inside the folder
 * being read, of at most MAX_BANK_BYTES (counted on what is read). Never throws for a bad bank or
 * an unreadable file: every problem comes back as a diagnostic.
 */
export async function readBankFile(
  path: string,
  options: ReadBankOptions = {},
): Promise<ParseResult> {
  const file = options.name ?? path;
  const format = formatFromPath(path);
  if (format === undefined) return unknownFormat(file);
  const folder = await realFolder(options.folder ?? dirname(path));
  return parsed(await readRegularFile(path, limits(folder)), file, format);
}

/** `readBankFile` for synchronous callers (the bot loads its catalog before it starts). */
export function readBankFileSync(path: string, options: ReadBankOptions = {}): ParseResult {
  const file = options.name ?? path;
  const format = formatFromPath(path);
  if (format === undefined) return unknownFormat(file);
  const folder = realFolderSync(options.folder ?? dirname(path));
  return parsed(readRegularFileSync(path, limits(folder)), file, format);
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
