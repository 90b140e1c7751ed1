import { defineCommand, print, printError } from '@quizdeck/cli-kit';
import { BankFormatSchema, formatDiagnostic, QuizdeckError, serializeBank } from '@quizdeck/core';
import { loadBankFile } from '../load-bank';

export class ConvertError extends QuizdeckError {}

/** `quizdeck convert FILE --to json|yaml|md`: the bank on stdout, warnings on stderr. */
export default defineCommand({
  meta: { name: 'convert', description: 'Convert a bank to canonical JSON, YAML or quiz-markdown' },
  args: {
    file: {
      type: 'positional',
      description: 'Bank file (.md, .quiz.yaml, .quiz.json)',
      required: true,
    },
    to: { type: 'string', description: 'json | yaml | md', required: true },
  },
  async run({ args }) {
    const to = BankFormatSchema.safeParse(args.to);
    if (!to.success)
      throw new ConvertError('CONVERT_FORMAT', `--to must be json, yaml or md (got "${args.to}")`);
    const loaded = await loadBankFile(args.file);
    for (const d of loaded.diagnostics) printError(`${formatDiagnostic(d)}\n`);
    print(serializeBank(loaded.bank, to.data));
  },
});
