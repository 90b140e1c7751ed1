import { importMarkdown } from './markdown/import-markdown';
import { validateImport } from './markdown/validate-import';
import type { ParseResult } from './parse-result';

/** Reads quiz-markdown and validates it against the bank model; issues point at the source lines. */
export function parseMarkdown(text: string, file: string): ParseResult {
  return validateImport(importMarkdown(text, file), file);
}
