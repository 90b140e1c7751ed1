import { availableParallelism } from 'node:os';
import { type ApkgNote, writeApkg } from './apkg';
import { NOTE_TYPE } from './card/note-type';
import { AnkiExportError } from './errors';
import type { LoadedBank } from './load-bank';
import { noteTags, questionGuid } from './notes/build-note';
import { MediaCollector } from './notes/media';
import { renderAllFields } from './notes/render-fields';

export interface ExportOptions {
  /** Every card goes to this deck (`Parent::Child`); by default each bank's title. */
  deck?: string | undefined;
  shuffle?: boolean;
  /** Added to every note. */
  tags?: readonly string[];
  /** Export time in seconds (SOURCE_DATE_EPOCH makes it fixed). */
  time: number;
  onProgress?: (done: number, total: number) => void;
  /** Threads rendering large banks; default: the machine's available parallelism. */
  threads?: number;
}

export interface ExportResult {
  apkg: Uint8Array;
  notes: number;
  media: number;
}

/** One note per question, banks in order, into a single `.apkg`. */
export async function exportDeck(
  banks: readonly LoadedBank[],
  opts: ExportOptions,
): Promise<ExportResult> {
  const seen = new Map<string, string>();
  for (const { bank, file } of banks) {
    const other = seen.get(bank.id);
    if (other !== undefined) {
      throw new AnkiExportError(
        'BANK_DUPLICATE',
        `${file}: bank id "${bank.id}" is also the id of ${other}; notes would share GUIDs`,
      );
    }
    seen.set(bank.id, file);
  }
  const collector = new MediaCollector();
  const notes: ApkgNote[] = [];
  const shuffle = opts.shuffle ?? false;
  const threads = opts.threads ?? availableParallelism();
  const total = banks.reduce((n, b) => n + b.bank.questions.length, 0);
  for (const { bank, file, locations } of banks) {
    const deck = opts.deck ?? bank.title;
    const allFields = await renderAllFields({ bank, shuffle }, threads);
    for (const [i, question] of bank.questions.entries()) {
      const line = locations.questions[question.id]?.line;
      const where = line === undefined ? file : `${file}:${line}`;
      const fields = allFields[i];
      if (!fields) throw new RangeError(`no fields for question ${question.id}`);
      for (const name of [
        'Question',
        'Context',
        'Options',
        'Explanation',
        'ContextNotes',
        'Notes',
      ] as const) {
        fields[name] = collector.rewrite(fields[name], file, where);
      }
      notes.push({
        guid: questionGuid(bank, question),
        deck,
        fields: NOTE_TYPE.fields.map((f) => fields[f as keyof typeof fields]),
        tags: noteTags(bank, question, opts.tags ?? []),
      });
      if (notes.length % 10_000 === 0) opts.onProgress?.(notes.length, total);
    }
  }
  const media = collector.media;
  const apkg = await writeApkg({
    noteType: NOTE_TYPE,
    notes,
    media,
    time: opts.time,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return { apkg, notes: notes.length, media: media.length };
}
