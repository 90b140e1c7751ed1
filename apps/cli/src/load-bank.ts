import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Bank,
  BankError,
  type BankLocations,
  type Diagnostic,
  formatFromPath,
  MAX_BANK_BYTES,
  type ParseResult,
  parseBank,
} from '@quizdeck/core';
import { resolveUserPath } from './env';

export interface LoadedBank {
  /** The path as the user gave it, used in diagnostics. */
  file: string;
  bank: Bank;
  /** Warnings only: a bank with errors is not loaded. */
  diagnostics: Diagnostic[];
  locations: BankLocations;
}

const failed = (file: string, code: string, message: string): ParseResult => ({
  bank: undefined,
  diagnostics: [{ file, line: 1, col: 1, severity: 'error', code, message }],
  locations: { questions: {}, contexts: {} },
});

/**
 * Reads and parses a bank file. Never throws for a bad bank or an unreadable file: every problem
 * comes back as a diagnostic.
 */
export async function readBankFile(file: string): Promise<ParseResult> {
  const format = formatFromPath(file);
  if (format === undefined) {
    return failed(file, 'format', 'unknown bank format (use .md, .quiz.yaml or .quiz.json)');
  }
  const path = resolveUserPath(file);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return failed(file, 'read', 'is a folder, not a bank file');
    if (info.size > MAX_BANK_BYTES) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      return failed(
        file,
        'too-large',
        `file is ${mb} MB; a bank may be at most ${MAX_BANK_BYTES / 1024 / 1024} MB`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    return failed(file, 'read', why);
  }
  return parseBank(bytes, { file, format });
}

/** Loads a bank file, throwing a BankError with every diagnostic when the bank is not valid. */
export async function loadBankFile(file: string): Promise<LoadedBank> {
  const result = await readBankFile(file);
  if (result.bank === undefined) throw new BankError(result.diagnostics);
  return { file, bank: result.bank, diagnostics: result.diagnostics, locations: result.locations };
}

const BANK_FILE_RE = /\.(?:md|markdown|quiz\.ya?ml|quiz\.json)$/i;

/** Bank files under a folder (recursively, sorted), skipping dot folders and node_modules. */
export async function findBankFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(resolveUserPath(folder), { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = join(folder, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules')
        out.push(...(await findBankFiles(rel)));
    } else if (BANK_FILE_RE.test(e.name)) out.push(rel);
  }
  return out;
}
