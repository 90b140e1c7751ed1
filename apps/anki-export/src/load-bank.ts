import { readFile } from 'node:fs/promises';
import { type Bank, BankError, type Diagnostic, formatFromPath, parseBank } from '@quizdeck/core';
import { AnkiExportError } from './errors';

export interface LoadedBank {
  file: string;
  bank: Bank;
  /** Where each question starts, for messages. */
  locations: { questions: Record<string, { line: number; col: number }> };
  /** Warnings only: errors stop the load. */
  diagnostics: Diagnostic[];
}

/** Reads and parses a bank file (md, yaml or json); throws BankError with every file:line problem. */
export async function loadBank(file: string): Promise<LoadedBank> {
  const format = formatFromPath(file);
  if (!format) {
    throw new AnkiExportError(
      'BANK_FORMAT',
      `${file}: cannot tell the bank format from the name (use .md, .yaml, .yml or .json)`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new AnkiExportError('BANK_UNREADABLE', `${file}: cannot read the bank`, { cause });
  }
  const result = parseBank(bytes, { file, format });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.bank || errors.length > 0) throw new BankError(result.diagnostics);
  return {
    file,
    bank: result.bank,
    locations: result.locations,
    diagnostics: result.diagnostics,
  };
}
