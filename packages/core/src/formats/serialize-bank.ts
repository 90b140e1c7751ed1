import { stringify } from 'yaml';
import type { Bank } from '../model/bank';
import type { BankFormat } from './format';
import { writeMarkdown } from './markdown/write-markdown';

/** Writes a bank in a format; parseBank reads the result back to an equal bank. */
export function serializeBank(bank: Bank, format: BankFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(bank, null, 2)}\n`;
    case 'yaml':
      return stringify(bank, { lineWidth: 0 });
    case 'md':
      return writeMarkdown(bank);
  }
}
