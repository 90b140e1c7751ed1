import { statSync } from 'node:fs';
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bankFilesAt } from '@quizdeck/bank-files';
import { defineCommand, packageVersion, print, printError, runProgram } from '@quizdeck/cli-kit';
import { type Diagnostic, formatDiagnostic } from '@quizdeck/core';
import { type AnkiEnv, readEnv } from './env';
import { AnkiExportError } from './errors';
import { type ExportBank, exportDeck } from './export-deck';
import { loadBank } from './load-bank';
import { BankPool, poolThreads } from './notes/bank-pool';
import { identityReport } from './previous/identity-guard';

// Found next to the source, not the cwd, so `pnpm anki` works from any folder.
const BUNDLED_BANK = fileURLToPath(new URL('../../../banks/rnn-quiz.md', import.meta.url));

const list = (values: readonly string[]) =>
  values.flatMap((v) => v.split(',')).filter((v) => v.trim() !== '');

/** Files named on the command line, and the banks in folders named there, as `check` finds them. */
function bankFiles(paths: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const found = bankFilesAt(resolve(cwd, path), { name: path });
    for (const s of found.skipped) printError(`${s.file}: skipped: ${s.reason}\n`);
    if (found.files.length === 0)
      throw new AnkiExportError(
        'NO_BANKS',
        `${path}: no bank files (.md, .quiz.yaml, .quiz.json) in this folder`,
      );
    files.push(...found.files.map((f) => f.path));
  }
  return files;
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
    name: 'quizdeck anki',
    description: 'Export question banks (md, yaml, json) to an Anki deck (.apkg)',
  },
  args: {
    banks: {
      type: 'positional',
      required: false,
      multiple: true,
      valueHint: 'BANK',
      description:
        'Bank files or folders of banks; the bundled banks/rnn-quiz.md when none is given',
    },
    output: { type: 'string', alias: 'o', description: 'The .apkg to write' },
    deck: { type: 'string', description: 'Deck for every card, "Parent::Child" for subdecks' },
    shuffle: { type: 'boolean', description: 'Shuffle options at each review (pinned stay last)' },
    tag: { type: 'string', multiple: true, description: 'Tag added to every note' },
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
    const env = readEnv();
    const files = args.banks.length > 0 ? bankFiles(args.banks, env.cwd) : [BUNDLED_BANK];
    // Named after the first bank or folder given: `pnpm anki banks/` writes banks.apkg.
    const first = args.banks[0] ? resolve(env.cwd, args.banks[0]) : BUNDLED_BANK;
    const output = resolve(env.cwd, args.output ?? `${basename(first, extname(first))}.apkg`);
    const named = args.previous ?? args['retire-from'];
    const threads = poolThreads(files.map(fileSize), availableParallelism());
    const pool = threads > 0 ? new BankPool(threads) : undefined;
    try {
      const printDiagnostics = (b: { diagnostics: readonly Diagnostic[] }) => {
        for (const d of b.diagnostics) printError(`${formatDiagnostic(d)}\n`);
      };
      let banks: ExportBank[] | Promise<ExportBank>[];
      if (pool) {
        // A previous export needs every question's GUID before rendering (to find retired ones).
        const guids = named !== undefined || (await exists(output));
        const job = { shuffle: args.shuffle === true, tags: list(args.tag) };
        // Written as they load and render, while later ones do.
        banks = pool.loading(files, { guids, job, onLoaded: printDiagnostics });
      } else {
        const local: ExportBank[] = [];
        for (const file of files) {
          const loaded = await loadBank(file);
          printDiagnostics(loaded);
          local.push(loaded);
        }
        banks = local;
      }
      await exportBanks(banks, { env, output, named, args });
    } finally {
      await pool?.close();
    }
  },
});

const fileSize = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0; // reported by the load, as it reports any unreadable file
  }
};

interface ExportArgs {
  deck?: string | undefined;
  shuffle?: boolean | undefined;
  tag: readonly string[];
  strict?: boolean | undefined;
}

async function exportBanks(
  banks: readonly ExportBank[] | readonly Promise<ExportBank>[],
  run: { env: AnkiEnv; output: string; named: string | undefined; args: ExportArgs },
): Promise<void> {
  const { env, output, named, args } = run;
  // Read while the banks load; its errors come after theirs, as exportDeck awaits it.
  const previous = previousExport(
    named === undefined ? undefined : resolve(env.cwd, named),
    output,
  );
  let unreadable: unknown;
  previous.catch((error: unknown) => {
    unreadable = error;
  });
  let progress = false;
  const result = await exportDeck(banks, {
    deck: args.deck,
    shuffle: args.shuffle === true,
    tags: list(args.tag),
    time: env.time,
    fixedTime: env.fixedTime,
    strict: args.strict === true,
    previous,
    onTotal: (total) => {
      progress = total >= 10_000;
      if (progress) process.stderr.write(`rendering ${total} questions…\n`);
    },
    onProgress: (done, all) => {
      if (progress) process.stderr.write(`\rwriting notes: ${done}/${all}`);
    },
  }).catch((error: unknown) => {
    if (named !== undefined || !(error instanceof AnkiExportError) || error === unreadable) {
      throw error;
    }
    if (error.code !== 'PREVIOUS_UNREADABLE') throw error;
    throw new AnkiExportError(
      error.code,
      `${error.message} (read as the previous export, since the export would replace it: move it away, or write elsewhere with -o)`,
    );
  });
  const file = (await previous)?.file;
  if (progress) process.stderr.write('\n');
  if (file !== undefined && result.identityChanges.length > 0) {
    printError(`warning: ${identityReport(result.identityChanges, file ?? '')}\n`);
  }
  if (result.time !== env.time) {
    printError(
      `note: the clock is not past ${file}'s export time: exported as of ${new Date(result.time * 1000).toISOString()}\n`,
    );
  }
  await writeReplacing(output, result.apkg);
  const media = result.media ? `, ${result.media} image${result.media > 1 ? 's' : ''}` : '';
  print(`wrote ${output}: ${result.notes} notes${media}\n`);
  const c = result.counts;
  if (c) {
    print(
      `  ${c.changed} changed, ${c.unchanged} unchanged, ${c.new} new, ${c.retired} retired (against ${file})\n`,
    );
  }
}

await runProgram(command, { name: 'quizdeck anki', version: packageVersion(import.meta.url) });
