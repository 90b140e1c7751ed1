import { availableParallelism } from 'node:os';
import {
  type ApkgMedia,
  type ApkgNote,
  ApkgWriter,
  nativeSql,
  type PackagedNote,
  readApkgNotes,
} from './apkg';
import { NOTE_TYPE } from './card/note-type';
import { AnkiExportError } from './errors';
import type { LoadedBank } from './load-bank';
import { questionGuid } from './notes/build-note';
import { prepareNotesParallel } from './notes/prepare-notes';

export interface ExportOptions {
  /** Every card goes to this deck (`Parent::Child`); by default each bank's title. */
  deck?: string | undefined;
  shuffle?: boolean;
  /** Added to every note. */
  tags?: readonly string[];
  /** Export time in seconds (SOURCE_DATE_EPOCH makes it fixed). */
  time: number;
  /** Called every 10,000 notes written to the package. */
  onProgress?: (done: number, total: number) => void;
  /** Threads rendering large banks; default: the machine's available parallelism. */
  threads?: number;
  /**
   * A previous export: its quizdeck notes whose question is gone are carried over, tagged
   * `quizdeck::retired`, so that importing updates them (Anki never deletes notes on import).
   */
  previous?: { file: string; apkg: Uint8Array };
}

export interface ExportResult {
  apkg: Uint8Array;
  notes: number;
  media: number;
  /** Notes carried over from `previous` as retired. */
  retired: number;
}

export const RETIRED_TAG = 'quizdeck::retired';

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
  const threads = opts.threads ?? availableParallelism();
  const jobs = banks.map(({ bank, file, locations }) => ({
    bank,
    file,
    locations,
    deck: deckName(opts.deck ?? bank.title, opts.deck === undefined ? file : '--deck'),
    shuffle: opts.shuffle ?? false,
    tags: opts.tags ?? [],
  }));
  const retired = opts.previous
    ? await retiredNotes(
        opts.previous,
        new Set(jobs.flatMap((j) => j.bank.questions.map((q) => questionGuid(j.bank, q)))),
      )
    : [];
  const count = jobs.reduce((n, j) => n + j.bank.questions.length, retired.length);
  if (count === 0) {
    throw new AnkiExportError('EXPORT_EMPTY', 'nothing to export: the banks hold no questions');
  }
  // Notes are written a block at a time as they are rendered, while later blocks render (on this
  // thread, or on worker threads for very large banks).
  const writer = new ApkgWriter(nativeSql(), {
    noteType: NOTE_TYPE,
    decks: [...jobs.map((j) => j.deck), ...retired.map((n) => n.deck)],
    count,
    time: opts.time,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const media = new Map<string, ApkgMedia>();
  try {
    for (const job of jobs) {
      const prepared = await prepareNotesParallel(job, threads, undefined, (rows) =>
        writer.add(rows),
      );
      for (const m of prepared.media) media.set(m.name, m);
    }
    writer.add(retired);
    const apkg = await writer.finish([...media.values()]);
    return { apkg, notes: count, media: media.size, retired: retired.length };
  } finally {
    writer.close();
  }
}

/** Anki deck names: `::` separates levels, and no level may be empty. */
function deckName(name: string, source: string): string {
  const parts = name.split('::').map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    throw new AnkiExportError(
      'DECK_NAME',
      `${source}: deck name "${name}" has an empty level (write "Parent::Child")`,
    );
  }
  return parts.join('::');
}

async function retiredNotes(
  previous: { file: string; apkg: Uint8Array },
  exported: ReadonlySet<string>,
): Promise<ApkgNote[]> {
  let old: PackagedNote[];
  try {
    old = await readApkgNotes(previous.apkg);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new AnkiExportError('PREVIOUS_UNREADABLE', `${previous.file}: ${why}`, { cause });
  }
  return old
    .filter((n) => n.mid === NOTE_TYPE.id && !exported.has(n.guid))
    .map((n) => {
      if (n.fields.length !== NOTE_TYPE.fields.length) {
        throw new AnkiExportError(
          'PREVIOUS_FIELDS',
          `${previous.file}: note ${n.guid} has ${n.fields.length} fields, the note type ${NOTE_TYPE.fields.length}`,
        );
      }
      return { guid: n.guid, deck: n.deck, fields: n.fields, tags: [...n.tags, RETIRED_TAG] };
    });
}
