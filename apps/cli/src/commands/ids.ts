import { rename, stat, writeFile } from 'node:fs/promises';
import { defineCommand, print, printError } from '@quizdeck/cli-kit';
import {
  formatDiagnostic,
  formatFromPath,
  type IdStamp,
  QuizdeckError,
  stampIds,
} from '@quizdeck/core';
import { resolveUserPath } from '../env';
import { readBankFile, readBankText } from '../load-bank';

export class IdsError extends QuizdeckError {}

const describeStamp = (file: string, s: IdStamp) =>
  `${file}:${s.line}: question ${s.number ?? '?'}: ${s.was} → ${s.id} (${s.how === 'merged' ? 'into its quizdeck comment' : 'a new line after it'})`;

/** Replaces a file by a complete new version: a crash leaves the old one or the new one. */
async function replaceFile(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.quizdeck-ids.tmp`;
  const { mode } = await stat(path);
  await writeFile(temporary, bytes, { mode });
  await rename(temporary, path);
}

/** One file: how many ids it needs (0 when it has them all), or false when it cannot get them. */
async function idsFor(
  file: string,
  write: boolean,
  keepPositional: boolean,
): Promise<number | false> {
  if (formatFromPath(file) !== 'md') {
    if (formatFromPath(file) === undefined) {
      printError(`${file}: not a bank file (.md, .quiz.yaml, .quiz.json)\n`);
      return false;
    }
    printError(
      `${file}: YAML and JSON banks give every question its id already; nothing to stamp\n`,
    );
    return 0;
  }
  const parsed = await readBankFile(file);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) print(`${formatDiagnostic(d)}\n`);
    printError(`${file}: fix its errors first; no id stamped\n`);
    return false;
  }
  const text = await readBankText(file);
  const result = stampIds(text, file, { keepPositional });
  if (!result.ok) {
    for (const d of result.diagnostics) print(`${formatDiagnostic(d)}\n`);
    return false;
  }
  if (result.stamps.length === 0) {
    printError(`${file}: every question has its own id\n`);
    return 0;
  }
  for (const s of result.stamps) print(`${describeStamp(file, s)}\n`);
  if (write) {
    await replaceFile(resolveUserPath(file), new TextEncoder().encode(result.text));
    printError(
      `${file}: wrote ${result.stamps.length} id${result.stamps.length === 1 ? '' : 's'}\n`,
    );
  }
  return result.stamps.length;
}

/**
 * `quizdeck ids FILE… [--write]`: gives each question of a quiz-markdown bank that only has its
 * positional id (q1, q2, …) a stable id of its own, and changes nothing else in the file.
 */
export default defineCommand({
  meta: {
    name: 'ids',
    description: 'Stamp stable ids on questions that only have positional ids (q1, q2, …)',
  },
  args: {
    files: { type: 'positional', description: 'Quiz-markdown bank files', multiple: true },
    write: {
      type: 'boolean',
      description: 'Write the ids into the files (without it, only print what would change)',
      default: false,
    },
    'keep-positional': {
      type: 'boolean',
      description:
        "Write each question's current id (q3) rather than a slug: for a bank members already have in Anki, so their notes keep their review history",
      default: false,
    },
  },
  async run({ args }) {
    let ok = true;
    let planned = 0;
    for (const file of args.files) {
      const needed = await idsFor(file, args.write, args['keep-positional']);
      if (needed === false) ok = false;
      else planned += needed;
    }
    if (!args.write && planned > 0) printError('(nothing written: run again with --write)\n');
    if (!ok) throw new IdsError('IDS_FAILED', 'some files were left as they were');
  },
});
