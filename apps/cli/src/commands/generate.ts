import { defineCommand, print, printError } from '@quizdeck/cli-kit';
import {
  BankFormatSchema,
  CellSchema,
  ConventionSchema,
  generateBank,
  MAX_BANK_BYTES,
  ShapeSpecError,
  serializeBank,
} from '@quizdeck/core';
import type { z } from 'zod';
import { intFlag } from './shapes';

/** `--cells rnn,gru`: a comma-separated list, each item checked against the allowed values. */
function listFlag<T extends string>(
  name: string,
  value: string | undefined,
  schema: z.ZodEnum<Record<T, T>>,
): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !schema.safeParse(s).success);
  if (bad.length > 0 || items.length === 0) {
    throw new ShapeSpecError(
      `--${name} takes a comma-separated list of ${schema.options.join(', ')} (got "${value}")`,
    );
  }
  return items as T[];
}

/**
 * `quizdeck generate --count N --seed S --to md|json|yaml`: a bank of shape drills on stdout. The
 * same flags print the same bytes.
 */
export default defineCommand({
  meta: { name: 'generate', description: 'Generate a bank of RNN shape drills' },
  args: {
    count: { type: 'string', description: 'Number of questions', required: true },
    seed: {
      type: 'string',
      description: 'Seed: the same seed gives the same bank',
      required: true,
    },
    cells: { type: 'string', description: 'Comma-separated: rnn,gru,lstm (default all)' },
    conventions: {
      type: 'string',
      description: 'Comma-separated: textbook,pytorch,keras (default all)',
    },
    to: { type: 'string', description: 'md | json | yaml', required: true },
  },
  run({ args }) {
    const to = BankFormatSchema.safeParse(args.to);
    if (!to.success) {
      throw new ShapeSpecError(`--to must be md, json or yaml (got "${args.to}")`);
    }
    const cells = listFlag('cells', args.cells, CellSchema);
    const conventions = listFlag('conventions', args.conventions, ConventionSchema);
    const count = intFlag('count', args.count) as number;
    const bank = generateBank({
      count,
      seed: args.seed,
      ...(cells ? { cells } : {}),
      ...(conventions ? { conventions } : {}),
    });
    const text = serializeBank(bank, to.data);
    print(text);
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_BANK_BYTES) {
      // Still printed: the bytes are what was asked for, but no quizdeck tool will load them.
      const fit = Math.floor((count * MAX_BANK_BYTES) / bytes);
      printError(
        `quizdeck generate: warning: this bank is ${(bytes / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_BANK_BYTES / 1024 / 1024} MiB a bank file may be, so quizdeck check and the other tools will refuse it; generate at most about ${fit.toLocaleString('en-US')} questions per file\n`,
      );
    }
  },
});
