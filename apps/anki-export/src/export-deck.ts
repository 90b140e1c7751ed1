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
import { AnkiExportError } from './errors';
import { bankSummary, EarlyBanks, planDecks } from './export-plan';
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
  previous?: PreviousExport | Promise<PreviousExport | undefined>;
  /**
   * Called once every bank is loaded, with their questions in all, before the checks on them
   * (with banks given as promises, some may be written by then).
   */
  onTotal?: (questions: number) => void;
  /** A note id that now holds another question than in `previous` stops the export. */
  strict?: boolean;
  /** The note type; another version of the card in tests. */
  noteType?: NoteTypeSpec;
}

/** A previous export's file name and bytes. */
export interface PreviousExport {
  file: string;
  apkg: Uint8Array;
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

/** A bank in memory's GUIDs, computed once: for its notes, and to find the retired ones. */
const memoryGuids = new WeakMap<LoadedBank, readonly string[]>();

function guidsOf(b: ExportBank): readonly string[] {
  if ('bank' in b) {
    let guids = memoryGuids.get(b);
    if (!guids) {
      guids = b.bank.questions.map((q) => questionGuid(b.bank, q));
      memoryGuids.set(b, guids);
    }
    return guids;
  }
  if (!b.guids)
    throw new Error(`${b.file}: loaded without its GUIDs, needed with a previous export`);
  return b.guids;
}

/** The previous export read, and the export time it settles (done once, as soon as it is given). */
function historyOf(opts: ExportOptions, noteType: NoteTypeSpec) {
  const settled = Promise.resolve(opts.previous).then(async (previous) => {
    if (!previous) return undefined;
    const history = new ExportHistory(previous.file, await readPrevious(previous), noteType);
    return { history, time: history.settle(opts.time, opts.fixedTime ?? false) };
  });
  settled.catch(() => {}); // awaited in its turn, after the checks before it
  return settled;
}

/**
 * One note per question, banks in order, into a single `.apkg`. Banks given as promises (a
 * BankPool's, settled in file order) are written as they come, while later ones still load; the
 * package, and the error reported (the checks come in the order below), are the same.
 */
export async function exportDeck(
  banks: readonly ExportBank[] | readonly Promise<ExportBank>[],
  opts: ExportOptions,
): Promise<ExportResult> {
  const noteType = opts.noteType ?? NOTE_TYPE;
  const threads = opts.threads ?? availableParallelism();
  const shuffle = opts.shuffle ?? false;
  const tags = opts.tags ?? [];
  const sameOptions = (b: ExportBank) =>
    'bank' in b || (b.job.shuffle === shuffle && b.job.tags.join('\n') === tags.join('\n'));
  const settling = historyOf(opts, noteType);
  const writing: { writer?: ApkgWriter; history?: ExportHistory } = {};
  const writerFor = (settled: Awaited<typeof settling>) =>
    storage(
      () =>
        new ApkgWriter({
          noteType,
          time: settled?.time ?? opts.time,
          ...(settled ? { takenIds: settled.history.takenIds } : {}),
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        }),
    );
  const media = new Map<string, ApkgMedia>();
  const add = (rows: NoteRow[]) => {
    writing.history?.stamp(rows);
    storage(() => writing.writer?.add(rows));
  };
  // Notes are written a block at a time as they are rendered, while later blocks render (on this
  // thread, on worker threads for very large banks, or on the pool's threads holding the banks).
  const write = async (source: ExportBank, deck: string) => {
    const prepared =
      'bank' in source
        ? (
            await prepareNotesParallel(
              // With a previous export, its GUIDs are needed again to find the retired notes.
              {
                ...source,
                deck,
                shuffle,
                tags,
                ...(opts.previous ? { guids: guidsOf(source) } : {}),
              },
              threads,
              undefined,
              add,
            )
          ).media
        : await source.send(deck).drain(add);
    for (const m of prepared) media.set(m.name, m);
  };
  try {
    const early = new EarlyBanks(opts.deck);
    const loaded: ExportBank[] = [];
    for (const pending of banks) {
      const source = await pending;
      loaded.push(source);
      const deck = pending instanceof Promise ? early.next(source, sameOptions(source)) : undefined;
      if (deck === undefined) continue;
      try {
        if (!writing.writer) {
          const settled = await settling;
          writing.writer = writerFor(settled);
          if (settled) writing.history = settled.history;
        }
      } catch {
        early.stop(); // thrown again in its turn
        continue;
      }
      if (!early.headerFits(noteType, opts.time)) {
        early.stop();
        continue;
      }
      try {
        await write(source, deck);
        early.written++;
      } catch (error) {
        early.fail(error);
      }
    }
    const previous = await opts.previous;
    opts.onTotal?.(loaded.reduce((n, b) => n + bankSummary(b).count, 0));
    const { jobs, names } = planDecks(loaded, opts.deck);
    const settled = await settling;
    const retired =
      previous && settled
        ? settled.history.retired(new Set(jobs.flatMap((j) => guidsOf(j.source))), (name) =>
            names.name(name, previous.file),
          )
        : [];
    const count = jobs.reduce((n, j) => n + bankSummary(j.source).count, retired.length);
    if (count === 0) {
      throw new AnkiExportError('EXPORT_EMPTY', 'nothing to export: the banks hold no questions');
    }
    const contents = { decks: [...jobs.map((j) => j.deck), ...retired.map((n) => n.deck)], count };
    const writer = writing.writer ?? writerFor(settled);
    writing.writer = writer;
    if (settled) writing.history = settled.history;
    storage(() => writer.announce(contents));
    const other = jobs.find((j) => !sameOptions(j.source));
    if (other)
      throw new Error(`${other.source.file}: rendered with other options than this export's`);
    early.rethrow();
    for (const { source, deck } of jobs.slice(early.written)) await write(source, deck);
    storage(() => writer.add(retired));
    const identityChanges = settled?.history.identityChanges ?? [];
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
      ...(settled ? { counts: settled.history.counts } : {}),
      identityChanges,
      time: settled?.time ?? opts.time,
    };
  } finally {
    writing.writer?.close();
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
