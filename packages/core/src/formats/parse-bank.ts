import { decodeBank } from './decode';
import type { BankFormat } from './format';
import { parseMarkdown } from './parse-markdown';
import type { ParseResult } from './parse-result';
import { parseStructured } from './parse-structured';

export interface ParseOptions {
  /** Shown in diagnostics. */
  file: string;
  format: BankFormat;
}

/** Reads a bank in any format. Never throws on bad input: problems come back as diagnostics. */
export function parseBank(input: string | Uint8Array, opts: ParseOptions): ParseResult {
  const decoded = decodeBank(input, opts.file);
  if (decoded.text === undefined) {
    return {
      bank: undefined,
      diagnostics: decoded.diagnostics,
      locations: { questions: {}, contexts: {} },
    };
  }
  return opts.format === 'md'
    ? parseMarkdown(decoded.text, opts.file)
    : parseStructured(decoded.text, opts.file, opts.format);
}
