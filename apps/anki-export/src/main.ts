import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, QuizdeckError } from '@quizdeck/core';
import { defineCommand, runMain } from 'citty';
import { readEnv } from './env';
import { AnkiExportError } from './errors';
import { exportDeck } from './export-deck';
import { loadBank } from './load-bank';
import { identityReport } from './previous/identity-guard';

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

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** The previous export: the one named, else the package about to be replaced, if any. */
async function previousExport(
  named: string | undefined,
  output: string,
): Promise<{ file: string; apkg: Uint8Array } | undefined> {
  const file = named ?? ((await exists(output)) ? output : undefined);
  if (file === undefined) return undefined;
  return { file, apkg: await readPrevious(file) };
}

/** Written next to the target and renamed over it: the previous export stays whole until then. */
async function writeReplacing(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (cause) {
    await rm(temporary, { force: true });
    throw new AnkiExportError('OUTPUT_UNWRITABLE', `${file}: cannot write the package`, { cause });
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
    previous: {
      type: 'string',
      description:
        'The previous export (default: the output file, if it exists): unchanged notes keep its time, removed questions come along tagged quizdeck::retired',
    },
    'retire-from': { type: 'string', description: 'The same as --previous' },
    strict: {
      type: 'boolean',
      description: 'Stop when a question id now holds another question than in the previous export',
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
      const named = args.previous ?? args['retire-from'];
      const previous = await previousExport(
        named === undefined ? undefined : resolve(env.cwd, named),
        output,
      );
      const total = banks.reduce((n, b) => n + b.bank.questions.length, 0);
      const progress = total >= 10_000;
      if (progress) process.stderr.write(`rendering ${total} questions…\n`);
      const result = await exportDeck(banks, {
        deck: args.deck,
        shuffle: args.shuffle === true,
        tags: list(args.tag),
        time: env.time,
        fixedTime: env.fixedTime,
        strict: args.strict === true,
        ...(previous ? { previous } : {}),
        onProgress: (done, all) => {
          if (progress) process.stderr.write(`\rwriting notes: ${done}/${all}`);
        },
      });
      if (progress) process.stderr.write('\n');
      if (previous && result.identityChanges.length > 0) {
        console.error(`warning: ${identityReport(result.identityChanges, previous.file)}`);
      }
      if (result.time !== env.time) {
        console.error(
          `note: the clock is not past ${previous?.file}'s export time: exported as of ${new Date(result.time * 1000).toISOString()}`,
        );
      }
      await writeReplacing(output, result.apkg);
      const media = result.media ? `, ${result.media} image${result.media > 1 ? 's' : ''}` : '';
      console.log(`wrote ${output}: ${result.notes} notes${media}`);
      const c = result.counts;
      if (c) {
        console.log(
          `  ${c.changed} changed, ${c.unchanged} unchanged, ${c.new} new, ${c.retired} retired (against ${previous?.file})`,
        );
      }
    } catch (error) {
      if (!(error instanceof QuizdeckError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  },
});

await runMain(command);
