import { resolve } from 'node:path';
import { QuizdeckError } from '@quizdeck/core';
import { z } from 'zod';

// pnpm runs scripts from the package folder and sets INIT_CWD to where the command was typed.
const EnvSchema = z.object({
  INIT_CWD: z.string().min(1).optional(),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  throw new QuizdeckError('ENV_INVALID', `invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = {
  /** The folder user-given paths are relative to. */
  cwd: parsed.data.INIT_CWD ?? process.cwd(),
};

/** A path as the user typed it, made absolute against the folder they typed it in. */
export const resolveUserPath = (path: string) => resolve(env.cwd, path);
