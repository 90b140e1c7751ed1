import { BANK_FILE_CODES, loadedBank, readBankFile } from '@quizdeck/bank-files';
import type { Bank, Diagnostic } from '@quizdeck/core';
import { AnkiExportError } from './errors';

/** What an export needs of a bank; tests and benches build it without a file. */
export interface LoadedBank {
  file: string;
  bank: Bank;
  /** Where each question starts, for messages. */
  locations: { questions: Record<string, { line: number; col: number }> };
  /** Warnings only: errors stop the load. */
  diagnostics: Diagnostic[];
}

const fileCodes: readonly string[] = BANK_FILE_CODES;

/** Reads and parses a bank file (md, yaml or json); throws BankError with every file:line problem. */
export async function loadBank(file: string): Promise<LoadedBank> {
  const result = await readBankFile(file);
  const [only, ...rest] = result.diagnostics;
  // A file that cannot be read at all is an export error, not a bank problem.
  if (result.bank === undefined && only && rest.length === 0 && fileCodes.includes(only.code)) {
    if (only.code === 'format') {
      throw new AnkiExportError(
        'BANK_FORMAT',
        `${file}: cannot tell the bank format from the name (use .md, .yaml, .yml or .json)`,
      );
    }
    throw new AnkiExportError('BANK_UNREADABLE', `${file}: cannot read the bank (${only.message})`);
  }
  return loadedBank(result, file);
}
