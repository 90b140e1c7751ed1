import type { z } from 'zod';
import type { Diagnostic } from '../model/diagnostic';
import type { Position } from './position';

/** Where a model issue points, and how to name that place in a message. */
export type Locate = (path: readonly PropertyKey[]) => { at: Position; where: string } | undefined;

export const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? String(p) : `${s}.${String(p)}`),
    '',
  );

/** Turns zod issues on a bank into diagnostics at the place each one points to. */
export function modelDiagnostics(error: z.ZodError, file: string, locate: Locate): Diagnostic[] {
  return error.issues.map((issue) => {
    const found = locate(issue.path);
    const where = found?.where ?? (pathText(issue.path) || 'bank');
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    return {
      file,
      line: found?.at.line ?? 1,
      col: found?.at.col ?? 1,
      severity: 'error',
      code: `model/${issue.code}`,
      message: `${where}: ${missing ? 'required field is missing' : issue.message}`,
    };
  });
}
