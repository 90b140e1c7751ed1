import { Worker } from 'node:worker_threads';
import type { Bank } from '@quizdeck/core';
import { type ApkgMedia, type NoteRow, prepareNoteRow } from '../apkg';
import { NOTE_TYPE } from '../card/note-type';
import { AnkiExportError } from '../errors';
import { noteFields, noteTags, questionGuid } from './build-note';
import { MediaCollector } from './media';

export interface PrepareJob {
  bank: Bank;
  /** The bank file: images resolve against it, messages name it. */
  file: string;
  locations: { questions: Record<string, { line: number; col: number }> };
  deck: string;
  shuffle: boolean;
  /** Added to every note. */
  tags: readonly string[];
}

export interface PreparedNotes {
  rows: NoteRow[];
  media: ApkgMedia[];
}

/** Fewer questions than this per thread, and a thread costs more to start than it saves. */
const PER_THREAD_MIN = 10_000;

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
  const rows = bank.questions.map((question) => {
    const line = locations.questions[question.id]?.line;
    const where = line === undefined ? file : `${file}:${line}`;
    const fields = noteFields(bank, question, { shuffle: job.shuffle });
    for (const name of HTML_FIELDS) fields[name] = collector.rewrite(fields[name], file, where);
    const note = {
      guid: questionGuid(bank, question),
      deck: job.deck,
      fields: NOTE_TYPE.fields.map((f) => fields[f as keyof typeof fields]),
      tags: noteTags(bank, question, job.tags),
    };
    return prepareNoteRow(note, NOTE_TYPE);
  });
  return { rows, media: collector.media };
}

/**
 * prepareNotes for large banks, split over worker threads: rendering Markdown is most of an
 * export's time. This thread takes the first share itself; rows come back in bank order.
 */
export async function prepareNotesParallel(
  job: PrepareJob,
  threads: number,
  perThreadMin = PER_THREAD_MIN,
): Promise<PreparedNotes> {
  const count = job.bank.questions.length;
  const parts = Math.min(Math.max(1, Math.floor(threads)), Math.floor(count / perThreadMin));
  if (parts <= 1) return prepareNotes(job);
  const size = Math.ceil(count / parts);
  const chunk = (i: number): PrepareJob => ({
    ...job,
    bank: { ...job.bank, questions: job.bank.questions.slice(i * size, (i + 1) * size) },
  });
  const others = Array.from({ length: parts - 1 }, (_, i) => inWorker(chunk(i + 1)));
  let mine: PreparedNotes;
  try {
    mine = prepareNotes(chunk(0));
  } finally {
    // Settle the workers before leaving, so none is left running on an error here.
    await Promise.allSettled(others);
  }
  const results = [mine, ...(await Promise.all(others))];
  const media = new Map(results.flatMap((r) => r.media.map((m) => [m.name, m] as const)));
  return { rows: results.flatMap((r) => r.rows), media: [...media.values()] };
}

type WorkerReply = { ok: PreparedNotes } | { error: { code: string; message: string } };

function inWorker(job: PrepareJob): Promise<PreparedNotes> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./prepare-worker-boot.mjs', import.meta.url), {
      workerData: job,
    });
    worker.once('message', (reply: WorkerReply) => {
      if ('ok' in reply) resolve(reply.ok);
      else reject(new AnkiExportError(reply.error.code, reply.error.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`note worker exited with code ${code}`));
    });
  });
}
