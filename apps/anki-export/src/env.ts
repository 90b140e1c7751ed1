import { QuizdeckError } from '@quizdeck/core';
import { z } from 'zod';

const EnvSchema = z.object({
  /** Set by pnpm to the folder the command was typed in. */
  INIT_CWD: z.string().min(1).optional(),
  /** Reproducible builds: a fixed export time, in seconds since 1970. */
  SOURCE_DATE_EPOCH: z
    .string()
    .regex(/^\d{1,12}$/, 'SOURCE_DATE_EPOCH must be whole seconds since 1970')
    .transform(Number)
    .optional(),
});

export interface AnkiEnv {
  /** Folder that relative paths resolve against. */
  cwd: string;
  /** Export time in seconds. */
  time: number;
  /** The time comes from SOURCE_DATE_EPOCH, not the clock. */
  fixedTime: boolean;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): AnkiEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new QuizdeckError('ENV_INVALID', `${issue?.path.join('.')}: ${issue?.message}`);
  }
  const epoch = parsed.data.SOURCE_DATE_EPOCH;
  return {
    cwd: parsed.data.INIT_CWD ?? process.cwd(),
    time: epoch ?? Math.floor(Date.now() / 1000),
    fixedTime: epoch !== undefined,
  };
}
