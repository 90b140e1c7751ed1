import { z } from 'zod';

export const BankFormatSchema = z.enum(['md', 'yaml', 'json']);
export type BankFormat = z.infer<typeof BankFormatSchema>;

/** The format a bank file is written in, from its name; undefined when the name says nothing. */
export function formatFromPath(path: string): BankFormat | undefined {
  const name = path.toLowerCase();
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'md';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (name.endsWith('.json')) return 'json';
  return undefined;
}
