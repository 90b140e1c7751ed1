import { bankFilesAt, readBankFileSync } from '@quizdeck/bank-files';
import { type Bank, formatDiagnostic } from '@quizdeck/core';

export interface BankCatalog {
  banks: Map<string, Bank>;
  /** Files that did not load, with their diagnostics (file:line:col: …), for `/quiz banks` and logs. */
  problems: string[];
  /** Files in the folder that are not banks (a README), with why: `file: skipped: reason`. */
  skipped: string[];
}

/** Loads every bank file in a folder (found as `quizdeck check` finds them), or one file. */
export function loadBankCatalog(path: string): BankCatalog {
  const catalog: BankCatalog = { banks: new Map(), problems: [], skipped: [] };
  let files: string[];
  try {
    const found = bankFilesAt(path);
    files = found.files.map((f) => f.path);
    catalog.skipped = found.skipped.map((s) => `${s.file}: skipped: ${s.reason}`);
  } catch (err) {
    catalog.problems.push(`${path}: ${(err as Error).message}`);
    return catalog;
  }
  for (const file of files) {
    const result = readBankFileSync(file);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (!result.bank || errors.length > 0) {
      catalog.problems.push(...(errors.length ? errors : result.diagnostics).map(formatDiagnostic));
      continue;
    }
    if (catalog.banks.has(result.bank.id)) {
      catalog.problems.push(`${file}: bank id "${result.bank.id}" is already used by another file`);
      continue;
    }
    catalog.banks.set(result.bank.id, result.bank);
  }
  return catalog;
}
