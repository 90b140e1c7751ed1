import * as bankFiles from '@quizdeck/bank-files';
import type { ParseResult } from '@quizdeck/core';
import { resolveUserPath } from './env';

export type { LoadedBank } from '@quizdeck/bank-files';

// User paths resolve against INIT_CWD here; diagnostics name files as the user typed them.

export const readBankFile = (file: string): Promise<ParseResult> =>
  bankFiles.readBankFile(resolveUserPath(file), { name: file });

export const loadBankFile = (file: string): Promise<bankFiles.LoadedBank> =>
  bankFiles.loadBankFile(resolveUserPath(file), { name: file });
