import { parentPort } from 'node:worker_threads';
import { BankError, QuizdeckError } from '@quizdeck/core';
import type { ApkgMedia } from '../apkg';
import { type LoadedBank, loadBank } from '../load-bank';
import type { PoolReply, PoolRequest, RenderJob, WorkerFailure } from './bank-pool';
import { questionGuid } from './build-note';
import { type PrepareJob, prepareNotes } from './prepare-notes';
import { packRows } from './row-block';

/** Errors the command reports as they are (a bank's diagnostics, an export error) cross over. */
function failure(error: unknown): WorkerFailure {
  if (error instanceof BankError) return { bank: [...error.diagnostics] };
  if (error instanceof QuizdeckError) return { code: error.code, message: error.message };
  throw error;
}

/**
 * Questions per block of rows. A block's rows are held until it is sent: at 1,000, young-generation
 * collections found most of them alive and moved them to the old generation, whose collections
 * cost far more; at 250 most are sent (and their strings dead) before one runs.
 */
const BLOCK = 250;

type Post = (reply: PoolReply, transfer?: ArrayBuffer[]) => void;

/**
 * The bank's rows, rendered a block at a time, each block sent as it is done as UTF-8 bytes (a
 * fraction of its objects): the writing thread writes them while this one renders the next.
 */
function render(
  key: number,
  loaded: LoadedBank,
  job: RenderJob,
  guids: readonly string[] | undefined,
  post: Post,
): void {
  const { bank } = loaded;
  const media: ApkgMedia[] = [];
  for (let at = 0; at < bank.questions.length; at += BLOCK) {
    const block = prepareNotes({
      ...loaded,
      ...job,
      bank: { ...bank, questions: bank.questions.slice(at, at + BLOCK) },
      ...(guids ? { guids: guids.slice(at, at + BLOCK) } : {}),
    });
    media.push(...block.media);
    const { block: rows, transfer } = packRows(block.rows);
    post({ key, rows }, transfer);
  }
  post({ key, done: media });
}

async function handle(request: PoolRequest): Promise<void> {
  const post: Post = (reply, transfer = []) => parentPort?.postMessage(reply, transfer);
  const { key } = request;
  let loaded: LoadedBank;
  try {
    loaded = await loadBank(request.file);
  } catch (error) {
    post({ key, error: failure(error) });
    return;
  }
  const { bank } = loaded;
  const guids = request.guids ? bank.questions.map((q) => questionGuid(bank, q)) : undefined;
  post({
    key,
    loaded: {
      id: bank.id,
      title: bank.title,
      count: bank.questions.length,
      diagnostics: loaded.diagnostics,
      ...(guids ? { guids } : {}),
    },
  });
  // Rendered now, while the other threads load: the deck is set by the writing thread.
  try {
    render(key, loaded, { ...request.job, deck: '' }, guids, post);
  } catch (error) {
    post({ key, error: failure(error) });
  }
}

// Loads are handled one after another, in the order sent: a bank renders after its load.
let queue = Promise.resolve();
parentPort?.on('message', (message: PoolRequest | PrepareJob) => {
  if (!('kind' in message)) {
    try {
      const { rows, media } = prepareNotes(message);
      const { block, transfer } = packRows(rows);
      parentPort?.postMessage({ ok: { rows: block, media } }, transfer);
    } catch (error) {
      if (!(error instanceof QuizdeckError)) throw error;
      parentPort?.postMessage({ error: { code: error.code, message: error.message } });
    }
    return;
  }
  queue = queue.then(() => handle(message));
});
