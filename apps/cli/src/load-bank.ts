import { readFile } from 'node:fs/promises';
import * as bankFiles from '@quizdeck/bank-files';
import type { ParseResult } from '@quizdeck/core';
import { resolveUserPath } from './env';

export type { LoadedBank } from '@quizdeck/bank-files';

// User paths resolve against INIT_CWD here; diagnostics name files as the user typed them.

export const readBankFile = (file: string): Promise<ParseResult> =>
  bankFiles.readBankFile(resolveUserPath(file), { name: file });

export const loadBankFile = (file: string): Promise<bankFiles.LoadedBank> =>
  bankFiles.loadBankFile(resolveUserPath(file), { name: file });

/** A bank file's text exactly as stored (a byte-order mark kept), for commands that rewrite it. */
export async function readBankText(file: string): Promise<string> {
  const bytes = await readFile(resolveUserPath(file));
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}
