import { statSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { bankFilesAt, readBankFileSync } from '@quizdeck/bank-files';
import { type Bank, type Diagnostic, formatDiagnostic } from '@quizdeck/core';

/** One bank file as last read: what `stat` said then, and what it gave. */
interface FileEntry {
  stamp: string;
  bank: Bank | undefined;
  /** The file's errors (file:line:col: …), empty when it loaded. */
  problems: string[];
}

export interface CatalogChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * The banks under `QUIZDECK_BANKS` (a folder, searched with its subfolders by bank-files' one rule,
 * or one file), kept current: `reload` reads the files that were added or changed since the last
 * one and drops the removed ones. A quiz keeps the Bank object it started with, so a reload never
 * changes a running quiz.
 */
export class BankCatalog {
  /** Loaded banks by id, in file order; replaced, never mutated, by `reload`. */
  banks: ReadonlyMap<string, Bank> = new Map();
  /** Files that did not load, with their diagnostics (file:line:col: …), for `/quiz banks` and logs. */
  problems: string[] = [];
  private readonly files = new Map<string, FileEntry>();
  private readonly fileOfBank = new WeakMap<Bank, string>();

  constructor(readonly path: string) {}

  /** The file a bank was read from (also for a version a reload has replaced). */
  fileOf(bank: Bank): string | undefined {
    return this.fileOfBank.get(bank);
  }

  /** Reads what changed on disk; returns the files added, changed and removed (by name). */
  reload(): CatalogChanges {
    const changes: CatalogChanges = { added: [], changed: [], removed: [] };
    let found: string[];
    const problems: string[] = [];
    try {
      found = bankFilesAt(this.path).files.map((f) => f.path);
    } catch (err) {
      found = [];
      problems.push(`${this.path}: ${(err as Error).message}`);
    }
    const base = statSync(this.path, { throwIfNoEntry: false })?.isDirectory()
      ? this.path
      : dirname(this.path);
    const seen = new Set(found);
    for (const file of [...this.files.keys()]) {
      if (!seen.has(file)) {
        this.files.delete(file);
        changes.removed.push(relative(base, file));
      }
    }
    for (const file of found) {
      const name = relative(base, file) || file;
      const stamp = stampOf(file);
      const known = this.files.get(file);
      if (known?.stamp === stamp) continue;
      this.files.set(file, { stamp, ...read(file, name) });
      (known ? changes.changed : changes.added).push(name);
    }
    const banks = new Map<string, Bank>();
    for (const [file, entry] of this.files) {
      problems.push(...entry.problems);
      if (!entry.bank) continue;
      if (banks.has(entry.bank.id)) {
        problems.push(
          `${relative(base, file)}: bank id "${entry.bank.id}" is already used by another file`,
        );
        continue;
      }
      banks.set(entry.bank.id, entry.bank);
      this.fileOfBank.set(entry.bank, file);
    }
    this.banks = banks;
    this.problems = problems;
    return changes;
  }
}

/** Loads every bank file (md, yaml, json) under a folder and its subfolders, or one file. */
export function loadBankCatalog(path: string): BankCatalog {
  const catalog = new BankCatalog(path);
  catalog.reload();
  return catalog;
}

// What tells a changed file apart: size, modification time and inode (an editor's save-as-rename).
function stampOf(file: string): string {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}:${s.ino}` : 'missing';
}

function read(file: string, name: string): Omit<FileEntry, 'stamp'> {
  const result = readBankFileSync(file, { name });
  const errors = result.diagnostics.filter((d: Diagnostic) => d.severity === 'error');
  if (!result.bank || errors.length > 0) {
    return {
      bank: undefined,
      problems: (errors.length ? errors : result.diagnostics).map(formatDiagnostic),
    };
  }
  return { bank: result.bank, problems: [] };
}
