import { Worker } from 'node:worker_threads';
import type { Bank } from '@quizdeck/core';
import type { FieldName } from '../card/note-type';
import { noteFields } from './build-note';

export type NoteFieldValues = Record<FieldName, string>;

/** Fewer questions than this per thread, and a thread costs more to start than it saves. */
const PER_THREAD_MIN = 10_000;

export interface RenderJob {
  bank: Bank;
  shuffle: boolean;
}

/** Fields of every question of `bank`, in order; large banks are rendered on several threads. */
export async function renderAllFields(
  job: RenderJob,
  threads: number,
  perThreadMin = PER_THREAD_MIN,
): Promise<NoteFieldValues[]> {
  const { bank, shuffle } = job;
  const count = bank.questions.length;
  const parts = Math.min(Math.max(1, Math.floor(threads)), Math.floor(count / perThreadMin));
  if (parts <= 1) return bank.questions.map((q) => noteFields(bank, q, { shuffle }));
  const size = Math.ceil(count / parts);
  const chunk = (i: number): RenderJob => ({
    bank: { ...bank, questions: bank.questions.slice(i * size, (i + 1) * size) },
    shuffle,
  });
  // Rendering Markdown is most of an export's time; this thread takes the first share itself.
  const others = Array.from({ length: parts - 1 }, (_, i) => inWorker(chunk(i + 1)));
  const first = chunk(0);
  const mine = first.bank.questions.map((q) => noteFields(bank, q, { shuffle }));
  return mine.concat(...(await Promise.all(others)));
}

function inWorker(job: RenderJob): Promise<NoteFieldValues[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker-boot.mjs', import.meta.url), {
      workerData: job,
    });
    worker.once('message', (fields: NoteFieldValues[]) => {
      resolve(fields);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`render worker exited with code ${code}`));
    });
  });
}
