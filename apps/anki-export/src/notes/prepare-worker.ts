import { parentPort } from 'node:worker_threads';
import { BankError, QuizdeckError } from '@quizdeck/core';
import type { ApkgMedia, NoteRow } from '../apkg';
import { type LoadedBank, loadBank } from '../load-bank';
import type { PoolReply, PoolRequest, RenderJob, WorkerFailure } from './bank-pool';
import { questionGuid } from './build-note';
import { type PrepareJob, prepareNotes } from './prepare-notes';

const utf8 = new TextEncoder();

/**
 * Text as UTF-8 arrays that own their buffers (TextEncoder): moved to the writing thread, not
 * copied, and bound as they are.
 */
function encoded(rows: readonly NoteRow[]): { rows: NoteRow[]; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const out = rows.map((row) => {
    const flds = utf8.encode(String(row.flds));
    const sfld = utf8.encode(String(row.sfld));
    buffers.push(flds.buffer, sfld.buffer);
    return { ...row, flds, sfld };
  });
  return { rows: out, buffers };
}

/** Errors the command reports as they are (a bank's diagnostics, an export error) cross over. */
function failure(error: unknown): WorkerFailure {
  if (error instanceof BankError) return { bank: [...error.diagnostics] };
  if (error instanceof QuizdeckError) return { code: error.code, message: error.message };
  throw error;
}

/** Rows of the banks this thread loaded and rendered, kept until they are asked for. */
const held = new Map<
  number,
  { blocks: ReturnType<typeof encoded>[]; media: ApkgMedia[] } | WorkerFailure
>();

/** Questions per block of rows. */
const BLOCK = 1_000;

/** The bank's rows, rendered a block at a time, held as UTF-8 bytes (a fraction of its objects). */
function render(loaded: LoadedBank, job: RenderJob) {
  const { bank } = loaded;
  const blocks: ReturnType<typeof encoded>[] = [];
  const media: ApkgMedia[] = [];
  for (let at = 0; at < bank.questions.length; at += BLOCK) {
    const block = prepareNotes({
      ...loaded,
      ...job,
      bank: { ...bank, questions: bank.questions.slice(at, at + BLOCK) },
    });
    media.push(...block.media);
    blocks.push(encoded(block.rows));
  }
  return { blocks, media };
}

async function handle(request: PoolRequest): Promise<void> {
  const post = (reply: PoolReply, transfer: ArrayBuffer[] = []) =>
    parentPort?.postMessage(reply, transfer);
  const { key } = request;
  if (request.kind === 'load') {
    let loaded: LoadedBank;
    try {
      loaded = await loadBank(request.file);
    } catch (error) {
      post({ key, error: failure(error) });
      return;
    }
    const { bank } = loaded;
    post({
      key,
      loaded: {
        id: bank.id,
        title: bank.title,
        count: bank.questions.length,
        diagnostics: loaded.diagnostics,
        ...(request.guids ? { guids: bank.questions.map((q) => questionGuid(bank, q)) } : {}),
      },
    });
    // Rendered now, while the other threads load: the deck is set by the writing thread.
    try {
      held.set(key, render(loaded, { ...request.job, deck: '' }));
    } catch (error) {
      held.set(key, failure(error));
    }
    return;
  }
  const rendered = held.get(key);
  held.delete(key);
  if (rendered === undefined) throw new Error(`note worker: bank ${key} is not held here`);
  if (!('blocks' in rendered)) {
    post({ key, error: rendered });
    return;
  }
  for (const { rows, buffers } of rendered.blocks) post({ key, rows }, buffers);
  post({ key, done: rendered.media });
}

// Requests are handled one after another, in the order sent: a bank renders after its load.
let queue = Promise.resolve();
parentPort?.on('message', (message: PoolRequest | PrepareJob) => {
  if (!('kind' in message)) {
    try {
      const { rows, media } = prepareNotes(message);
      const { rows: out, buffers } = encoded(rows);
      parentPort?.postMessage({ ok: { rows: out, media } }, buffers);
    } catch (error) {
      if (!(error instanceof QuizdeckError)) throw error;
      parentPort?.postMessage({ error: { code: error.code, message: error.message } });
    }
    return;
  }
  queue = queue.then(() => handle(message));
});
