import {
  BankFormatSchema,
  CellSchema,
  ConventionSchema,
  generateBank,
  QuizdeckError,
  ShapeSpecError,
  serializeBank,
} from '@quizdeck/core';
import { defineCommand } from 'citty';
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
    try {
      const to = BankFormatSchema.safeParse(args.to);
      if (!to.success) {
        throw new ShapeSpecError(`--to must be md, json or yaml (got "${args.to}")`);
      }
      const cells = listFlag('cells', args.cells, CellSchema);
      const conventions = listFlag('conventions', args.conventions, ConventionSchema);
      const bank = generateBank({
        count: intFlag('count', args.count) as number,
        seed: args.seed,
        ...(cells ? { cells } : {}),
        ...(conventions ? { conventions } : {}),
      });
      process.stdout.write(serializeBank(bank, to.data));
    } catch (error) {
      if (!(error instanceof QuizdeckError)) throw error;
      process.stderr.write(`quizdeck generate: ${error.message}\n`);
      process.exitCode = 1;
    }
  },
});
