import { Worker } from 'node:worker_threads';
import type { Bank } from '@quizdeck/core';
import { type ApkgMedia, type NoteRow, prepareNoteRow } from '../apkg';
import { NOTE_TYPE } from '../card/note-type';
import { AnkiExportError } from '../errors';
import { noteFields, noteTags, questionGuid } from './build-note';
import { IMG, MediaCollector } from './media';
import { type RowBlock, unpackRows } from './row-block';

export interface PrepareJob {
  bank: Bank;
  /** The bank file: images resolve against it, messages name it. */
  file: string;
  locations: { questions: Record<string, { line: number; col: number }> };
  deck: string;
  shuffle: boolean;
  /** Added to every note. */
  tags: readonly string[];
  /** The questions' GUIDs in bank order, when already computed (questionGuid). */
  guids?: readonly string[];
}

export interface PreparedNotes {
  rows: NoteRow[];
  media: ApkgMedia[];
}

/**
 * Fewer questions than this per thread, and a thread costs more than it saves: a worker loads
 * the command's modules (through tsx when run from source) and competes with V8's own background
 * threads (the measurements behind this count are in docs/anki.md, "For developers").
 */
const PER_THREAD_MIN = 60_000;

const HTML_FIELDS = [
  'Question',
  'Context',
  'Options',
  'Explanation',
  'ContextNotes',
  'Notes',
] as const;

/** Every question of the bank as a note row, with the images it references. */
export function prepareNotes(job: PrepareJob): PreparedNotes {
  const { bank, file, locations } = job;
  const collector = new MediaCollector();
  const rows = bank.questions.map((question, i) => {
    const where = () => {
      const line = locations.questions[question.id]?.line;
      return line === undefined ? file : `${file}:${line}`;
    };
    const fields = noteFields(bank, question, { shuffle: job.shuffle });
    const inOrder = () => NOTE_TYPE.fields.map((f) => fields[f as keyof typeof fields]);
    const note = {
      guid: job.guids?.[i] ?? questionGuid(bank, question),
      deck: job.deck,
      fields: inOrder(),
      tags: noteTags(bank, question, job.tags),
    };
    const row = prepareNoteRow(note, NOTE_TYPE);
    // Images are rare: one look at the joined fields tells whether any field has one to pack
    // (the separator cannot be part of `<img`).
    if (typeof row.flds === 'string' && !row.flds.includes(IMG)) return row;
    for (const name of HTML_FIELDS) fields[name] = collector.rewrite(fields[name], file, where);
    return prepareNoteRow({ ...note, fields: inOrder() }, NOTE_TYPE);
  });
  return { rows, media: collector.media };
}

/** Questions per block handed to a thread. */
const BLOCK = 1_000;

/**
 * prepareNotes for large banks, over worker threads: rendering Markdown is most of an export's
 * time. This thread and the workers take blocks of questions from one queue, so a thread that
 * starts late or runs slow takes fewer. With `onRows`, rows are handed over in bank order as soon as
 * they and all before them are ready (this thread writes them while the workers render more) and
 * are not kept in the result; without, the result holds them in bank order.
 */
export async function prepareNotesParallel(
  job: PrepareJob,
  threads: number,
  perThreadMin = PER_THREAD_MIN,
  onRows?: (rows: NoteRow[]) => void,
): Promise<PreparedNotes> {
  const count = job.bank.questions.length;
  const workers = Math.min(Math.floor(threads), Math.floor(count / perThreadMin)) - 1;
  if (workers < 1 && !onRows) return prepareNotes(job);
  // On this thread alone, blocks still go to `onRows` as they are done: rows are written (and
  // progress shown) while later ones render, and no more than a block is held at once.
  const size = workers < 1 ? BLOCK : Math.min(BLOCK, Math.ceil(count / (workers + 1) / 4));
  const blocks = Math.ceil(count / size);
  const results: PreparedNotes[] = [];
  const queue = { next: 0, failed: false, handed: 0 };
  const take = () => (queue.failed || queue.next >= blocks ? undefined : queue.next++);
  const block = (b: number): PrepareJob => ({
    ...job,
    bank: { ...job.bank, questions: job.bank.questions.slice(b * size, (b + 1) * size) },
    ...(job.guids ? { guids: job.guids.slice(b * size, (b + 1) * size) } : {}),
  });
  const handOver = () => {
    if (!onRows) return;
    for (let r = results[queue.handed]; r !== undefined; r = results[queue.handed]) {
      onRows(r.rows);
      results[queue.handed++] = { rows: [], media: r.media };
    }
  };
  const pool = Array.from({ length: Math.max(0, workers) }, async () => {
    const worker = new NoteWorker();
    // Two blocks in flight: the worker starts the next while this thread, busy with a block of its
    // own, has not yet read the last reply.
    const send = (): Promise<void> | undefined => {
      const b = take();
      if (b === undefined) return undefined;
      const done = worker.prepare(block(b)).then((prepared) => {
        results[b] = prepared;
        handOver();
      });
      done.catch(() => {}); // awaited below; a second failure in flight is not unhandled
      return done;
    };
    try {
      const inFlight = [send(), send()].filter((p) => p !== undefined);
      for (let p = inFlight.shift(); p !== undefined; p = inFlight.shift()) {
        await p;
        const next = send();
        if (next) inFlight.push(next);
      }
    } catch (error) {
      queue.failed = true;
      throw error;
    } finally {
      await worker.close();
    }
  });
  try {
    for (let b = take(); b !== undefined; b = take()) {
      results[b] = prepareNotes(block(b));
      handOver();
      await new Promise((resolve) => setImmediate(resolve)); // let the workers' replies in
    }
  } catch (error) {
    queue.failed = true;
    await Promise.allSettled(pool);
    throw error;
  }
  await Promise.all(pool);
  handOver();
  const media = new Map(results.flatMap((r) => r.media.map((m) => [m.name, m] as const)));
  return { rows: results.flatMap((r) => r.rows), media: [...media.values()] };
}

/** As TypeScript source (tsx, vitest), through tsx; in the command's bundle, its worker bundle. */
export const WORKER_ENTRY = import.meta.url.endsWith('.ts')
  ? './prepare-worker-boot.mjs'
  : './prepare-worker.js';

type WorkerReply =
  | { ok: { rows: RowBlock; media: ApkgMedia[] } }
  | { error: { code: string; message: string } };

/** One worker thread running prepareNotes on the jobs it is given, in the order given. */
class NoteWorker {
  readonly #worker = new Worker(new URL(WORKER_ENTRY, import.meta.url));
  /** Replies come in the order of the jobs. */
  readonly #pending: {
    deck: string;
    resolve: (p: PreparedNotes) => void;
    reject: (e: Error) => void;
  }[] = [];

  constructor() {
    this.#worker.on('message', (reply: WorkerReply) => {
      const waiting = this.#pending.shift();
      if ('ok' in reply) {
        waiting?.resolve({ rows: unpackRows(reply.ok.rows, waiting.deck), media: reply.ok.media });
      } else waiting?.reject(new AnkiExportError(reply.error.code, reply.error.message));
    });
    this.#worker.on('error', (error) => this.#failAll(error));
    this.#worker.on('exit', (code) =>
      this.#failAll(new Error(`note worker exited with code ${code}`)),
    );
  }

  #failAll(error: Error): void {
    for (const waiting of this.#pending.splice(0)) waiting.reject(error);
  }

  prepare(job: PrepareJob): Promise<PreparedNotes> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ deck: job.deck, resolve, reject });
      this.#worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
