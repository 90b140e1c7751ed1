import { readFile } from 'node:fs/promises';
import { BANK_FILE_CODES } from '@quizdeck/bank-files';
import {
  explainMarkdown,
  formatDiagnostic,
  formatExplanation,
  formatFromPath,
} from '@quizdeck/core';
import { resolveUserPath } from './env';
import { readBankFile } from './load-bank';

const fileCodes: readonly string[] = BANK_FILE_CODES;

/**
 * What the importer understood of a quiz-markdown file, line by line (`check --explain`, and `show`
 * of a bank with errors). Returns the text to print and whether the bank loads.
 */
export async function explainBankFile(file: string): Promise<{ output: string; ok: boolean }> {
  // The shared reader decides what cannot be read at all (missing, a folder, too large).
  const result = await readBankFile(file);
  const unreadable = result.diagnostics.filter((d) => fileCodes.includes(d.code));
  if (unreadable.length > 0 || formatFromPath(file) !== 'md') {
    const note =
      unreadable.length > 0
        ? ''
        : `${file}: --explain reads quiz-markdown; a YAML or JSON bank's problems are these:\n`;
    const lines = result.diagnostics.map(formatDiagnostic).join('\n');
    return { output: `${note}${lines}${lines ? '\n' : ''}`, ok: result.bank !== undefined };
  }
  const bytes = await readFile(resolveUserPath(file));
  const x = explainMarkdown(bytes, file);
  return { output: formatExplanation(x), ok: result.bank !== undefined };
}
