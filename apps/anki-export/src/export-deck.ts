import { availableParallelism, tmpdir } from 'node:os';
import {
  type ApkgMedia,
  ApkgWriter,
  type NoteRow,
  type NoteTypeSpec,
  type PackagedCollection,
  readPackage,
} from './apkg';
import { NOTE_TYPE } from './card/note-type';
import { DeckNames } from './deck-names';
import { AnkiExportError } from './errors';
import type { LoadedBank } from './load-bank';
import type { PooledBank } from './notes/bank-pool';
import { questionGuid } from './notes/build-note';
import { prepareNotesParallel } from './notes/prepare-notes';
import { type ExportCounts, ExportHistory } from './previous/export-history';
import { type IdentityChange, identityReport } from './previous/identity-guard';

export interface ExportOptions {
  /** Every card goes to this deck (`Parent::Child`); by default each bank's title. */
  deck?: string | undefined;
  shuffle?: boolean;
  /** Added to every note. */
  tags?: readonly string[];
  /** Export time in seconds. */
  time: number;
  /**
   * The time is fixed (SOURCE_DATE_EPOCH): it is used as given, and refused when notes change but
   * it is not later than the previous export's. A clock time is moved past the previous export's.
   */
  fixedTime?: boolean;
  /** Called every 10,000 notes written to the package. */
  onProgress?: (done: number, total: number) => void;
  /** Threads rendering large banks; default: the machine's available parallelism. */
  threads?: number;
  /**
   * The previous export: unchanged notes keep its `mod`, and its notes whose question is gone are
   * carried over, tagged `quizdeck::retired` (Anki never deletes notes on import).
   */
  previous?: { file: string; apkg: Uint8Array };
  /** A note id that now holds another question than in `previous` stops the export. */
  strict?: boolean;
  /** The note type; another version of the card in tests. */
  noteType?: NoteTypeSpec;
}

export interface ExportResult {
  apkg: Uint8Array;
  notes: number;
  media: number;
  /** With a previous export: how its notes fared. */
  counts?: ExportCounts;
  /** With a previous export: notes whose id now holds another question (reported, not fatal). */
  identityChanges: IdentityChange[];
  /** The export time used: later than `time` when the clock was behind the previous export. */
  time: number;
}

/** A bank in memory, or one held by a BankPool thread (loaded and rendered there). */
export type ExportBank = LoadedBank | PooledBank;

const summary = (b: ExportBank) =>
  'bank' in b ? { id: b.bank.id, title: b.bank.title, count: b.bank.questions.length } : b;

function guidsOf(b: ExportBank): readonly string[] {
  if ('bank' in b) return b.bank.questions.map((q) => questionGuid(b.bank, q));
  if (!b.guids)
    throw new Error(`${b.file}: loaded without its GUIDs, needed with a previous export`);
  return b.guids;
}

/** One note per question, banks in order, into a single `.apkg`. */
export async function exportDeck(
  banks: readonly ExportBank[],
  opts: ExportOptions,
): Promise<ExportResult> {
  const noteType = opts.noteType ?? NOTE_TYPE;
  const seen = new Map<string, string>();
  for (const b of banks) {
    const { id } = summary(b);
    const other = seen.get(id);
    if (other !== undefined) {
      throw new AnkiExportError(
        'BANK_DUPLICATE',
        `${b.file}: bank id "${id}" is also the id of ${other}; notes would share GUIDs`,
      );
    }
    seen.set(id, b.file);
  }
  const threads = opts.threads ?? availableParallelism();
  const decks = new DeckNames();
  const jobs = banks.map((b) => ({
    source: b,
    count: summary(b).count,
    deck: decks.name(opts.deck ?? summary(b).title, opts.deck === undefined ? b.file : '--deck'),
    shuffle: opts.shuffle ?? false,
    tags: opts.tags ?? [],
  }));
  const previous = opts.previous;
  const history = previous
    ? new ExportHistory(previous.file, await readPrevious(previous), noteType)
    : undefined;
  const time = history ? history.settle(opts.time, opts.fixedTime ?? false) : opts.time;
  const retired =
    previous && history
      ? history.retired(new Set(jobs.flatMap((j) => guidsOf(j.source))), (name) =>
          decks.name(name, previous.file),
        )
      : [];
  const count = jobs.reduce((n, j) => n + j.count, retired.length);
  if (count === 0) {
    throw new AnkiExportError('EXPORT_EMPTY', 'nothing to export: the banks hold no questions');
  }
  // Notes are written a block at a time as they are rendered, while later blocks render (on this
  // thread, on worker threads for very large banks, or on the pool's threads holding the banks).
  const writer = storage(
    () =>
      new ApkgWriter({
        noteType,
        decks: [...jobs.map((j) => j.deck), ...retired.map((n) => n.deck)],
        count,
        time,
        ...(history ? { takenIds: history.takenIds } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      }),
  );
  const add = (rows: NoteRow[]) => {
    history?.stamp(rows);
    storage(() => writer.add(rows));
  };
  const media = new Map<string, ApkgMedia>();
  try {
    // Every pooled bank starts rendering at once (each thread takes its own in order); rows are
    // written in bank order as they come.
    const pooled = jobs.map(({ source, deck, shuffle, tags }) => {
      if ('bank' in source) return undefined;
      const rendered = source.job;
      if (rendered.shuffle !== shuffle || rendered.tags.join('\n') !== tags.join('\n'))
        throw new Error(`${source.file}: rendered with other options than this export's`);
      return source.send(deck);
    });
    for (const [i, { source, deck, shuffle, tags }] of jobs.entries()) {
      const rendering = pooled[i];
      const prepared =
        'bank' in source
          ? (
              await prepareNotesParallel(
                {
                  bank: source.bank,
                  file: source.file,
                  locations: source.locations,
                  deck,
                  shuffle,
                  tags,
                },
                threads,
                undefined,
                add,
              )
            ).media
          : await (rendering as NonNullable<typeof rendering>).drain(add);
      for (const m of prepared) media.set(m.name, m);
    }
    storage(() => writer.add(retired));
    const identityChanges = history?.identityChanges ?? [];
    if (opts.strict && previous && identityChanges.length > 0) {
      throw new AnkiExportError('IDENTITY_CHANGED', identityReport(identityChanges, previous.file));
    }
    const apkg = await writer.finish([...media.values()]).catch((error: unknown) => {
      throw storageError(error);
    });
    return {
      apkg,
      notes: count,
      media: media.size,
      ...(history ? { counts: history.counts } : {}),
      identityChanges,
      time,
    };
  } finally {
    writer.close();
  }
}

/** The collection is a file in the temporary folder: a full disk or a missing folder is told. */
function storageError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^(SQLITE_|E[A-Z]+$)/.test(code)) return error;
  const why = error instanceof Error ? error.message : code;
  return new AnkiExportError(
    'COLLECTION_UNWRITABLE',
    `cannot write the collection in ${tmpdir()} (${why}); set TMPDIR to a folder with room`,
    { cause: error },
  );
}

function storage<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw storageError(error);
  }
}

async function readPrevious(previous: {
  file: string;
  apkg: Uint8Array;
}): Promise<PackagedCollection> {
  try {
    return await readPackage(previous.apkg);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new AnkiExportError('PREVIOUS_UNREADABLE', `${previous.file}: ${why}`, { cause });
  }
}
