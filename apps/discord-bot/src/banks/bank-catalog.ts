import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readBankFileSync } from '@quizdeck/bank-files';
import { type Bank, formatDiagnostic, formatFromPath } from '@quizdeck/core';

export interface BankCatalog {
  banks: Map<string, Bank>;
  /** Files that did not load, with their diagnostics (file:line:col: …), for `/quiz banks` and logs. */
  problems: string[];
}

/** Loads every bank file (md, yaml, json) in a folder, or one file. */
export function loadBankCatalog(path: string): BankCatalog {
  const catalog: BankCatalog = { banks: new Map(), problems: [] };
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (err) {
    catalog.problems.push(`${path}: ${(err as Error).message}`);
    return catalog;
  }
  for (const file of files) {
    if (!formatFromPath(file)) continue;
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
