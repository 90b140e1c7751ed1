import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, QuizdeckError } from '@quizdeck/core';
import { defineCommand, runMain } from 'citty';
import { readEnv } from './env';
import { AnkiExportError } from './errors';
import { exportDeck } from './export-deck';
import { loadBank } from './load-bank';

// Found next to the source, not the cwd, so `pnpm anki` works from any folder.
const BUNDLED_BANK = fileURLToPath(new URL('../../../banks/rnn-quiz.md', import.meta.url));

function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((v) => String(v).split(',')).filter((v) => v.trim() !== '');
}

async function readPrevious(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new AnkiExportError('PREVIOUS_UNREADABLE', `${file}: cannot read the previous export`, {
      cause,
    });
  }
}

const command = defineCommand({
  meta: {
    name: 'quizdeck-anki',
    description: 'Export question banks (md, yaml, json) to an Anki deck (.apkg)',
  },
  args: {
    banks: {
      type: 'positional',
      required: false,
      description: 'Bank files; the bundled banks/rnn-quiz.md when none is given',
    },
    output: { type: 'string', alias: 'o', description: 'The .apkg to write' },
    deck: { type: 'string', description: 'Deck for every card, "Parent::Child" for subdecks' },
    shuffle: { type: 'boolean', description: 'Shuffle options at each review (pinned stay last)' },
    tag: { type: 'string', description: 'Tag added to every note (repeatable)' },
    'retire-from': {
      type: 'string',
      description:
        'A previous .apkg: notes of removed questions come along tagged quizdeck::retired',
    },
  },
  async run({ args }) {
    try {
      const env = readEnv();
      const files = args._.length > 0 ? args._.map((f) => resolve(env.cwd, f)) : [BUNDLED_BANK];
      const banks = [];
      for (const file of files) {
        const loaded = await loadBank(file);
        for (const d of loaded.diagnostics) console.error(formatDiagnostic(d));
        banks.push(loaded);
      }
      const first = files[0] ?? BUNDLED_BANK;
      const output = resolve(env.cwd, args.output ?? `${basename(first, extname(first))}.apkg`);
      const previousFile = args['retire-from'] ? resolve(env.cwd, args['retire-from']) : undefined;
      const previous = previousFile
        ? { file: previousFile, apkg: await readPrevious(previousFile) }
        : undefined;
      const total = banks.reduce((n, b) => n + b.bank.questions.length, 0);
      const progress = total >= 10_000;
      if (progress) process.stderr.write(`rendering ${total} questions…\n`);
      const result = await exportDeck(banks, {
        deck: args.deck,
        shuffle: args.shuffle === true,
        tags: list(args.tag),
        time: env.time,
        ...(previous ? { previous } : {}),
        onProgress: (done, all) => {
          if (progress) process.stderr.write(`\rwriting notes: ${done}/${all}`);
        },
      });
      if (progress) process.stderr.write('\n');
      await writeFile(output, result.apkg);
      const media = result.media ? `, ${result.media} image${result.media > 1 ? 's' : ''}` : '';
      const retired = result.retired ? ` (${result.retired} retired)` : '';
      console.log(`wrote ${output}: ${result.notes} notes${retired}${media}`);
    } catch (error) {
      if (!(error instanceof QuizdeckError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  },
});

await runMain(command);
