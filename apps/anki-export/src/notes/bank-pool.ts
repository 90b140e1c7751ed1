import { Worker } from 'node:worker_threads';
import { BankError, type Diagnostic } from '@quizdeck/core';
import type { ApkgMedia, NoteRow } from '../apkg';
import { AnkiExportError } from '../errors';
import { WORKER_ENTRY } from './prepare-notes';
import type { RowBlock } from './row-block';
import { RowStream } from './row-stream';

/** What a bank renders with, besides its questions. */
export interface RenderJob {
  deck: string;
  shuffle: boolean;
  /** Added to every note. */
  tags: readonly string[];
}

/** A bank file to load, then render: its rows follow its summary, a block at a time. */
export type PoolRequest = {
  kind: 'load';
  key: number;
  file: string;
  guids: boolean;
  job: Omit<RenderJob, 'deck'>;
};

/** A bank's diagnostics (a BankError), or an export error's code and message. */
export type WorkerFailure = { bank: Diagnostic[] } | { code: string; message: string };

export interface BankSummary {
  id: string;
  title: string;
  count: number;
  /** Warnings only: errors stop the load. */
  diagnostics: Diagnostic[];
  /** The notes' GUIDs, in question order, when asked for. */
  guids?: string[];
}

/** To a load: an error, or the summary, then blocks of rows, then the images (or an error). */
export type PoolReply =
  | { key: number; loaded: BankSummary }
  | { key: number; rows: RowBlock }
  | { key: number; done: ApkgMedia[] }
  | { key: number; error: WorkerFailure };

const rethrown = (failure: WorkerFailure): Error =>
  'bank' in failure
    ? new BankError(failure.bank)
    : new AnkiExportError(failure.code, failure.message);

/** A bank loaded on one of the pool's threads, which renders it there and sends its rows. */
export interface PooledBank extends BankSummary {
  file: string;
  /** What its notes were rendered with (all but the deck, which is given when they are sent). */
  job: Omit<RenderJob, 'deck'>;
  /**
   * Its rows (sent by its thread as they render, from the load on); `drain` hands them over in
   * order, a block at a time, in `deck`, and returns its images. Rows that come before `drain` is
   * called wait for it. Once per bank.
   */
  send(deck: string): { drain(onRows: (rows: NoteRow[]) => void): Promise<ApkgMedia[]> };
}

type Handler = (reply: PoolReply) => void;

function pooled(
  file: string,
  job: Omit<RenderJob, 'deck'>,
  summary: BankSummary,
  rows: RowStream,
): PooledBank {
  return {
    ...summary,
    file,
    job,
    send: (deck) => ({ drain: (onRows) => rows.drain(deck, onRows) }),
  };
}

/** One worker thread; replies are routed by the key of the request they answer. */
class PoolWorker {
  readonly #worker = new Worker(new URL(WORKER_ENTRY, import.meta.url));
  readonly #handlers = new Map<number, Handler>();
  #failed: Error | undefined;
  /** Banks loaded here whose rows are not yet all sent. */
  #held = 0;
  /** No more banks will be loaded here. */
  #sealed = false;
  #closed: Promise<void> | undefined;

  constructor() {
    this.#worker.on('message', (reply: PoolReply) => this.#handlers.get(reply.key)?.(reply));
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) =>
      this.#fail(new Error(`note worker exited with code ${code}`)),
    );
  }

  #fail(error: Error): void {
    this.#failed ??= error;
    for (const [key, handler] of this.#handlers) {
      handler({ key, error: { code: 'WORKER_FAILED', message: error.message } });
    }
    this.#handlers.clear();
  }

  send(request: PoolRequest, handler: Handler): void {
    if (this.#failed) {
      handler({
        key: request.key,
        error: { code: 'WORKER_FAILED', message: this.#failed.message },
      });
      return;
    }
    this.#handlers.set(request.key, handler);
    this.#worker.postMessage(request);
  }

  done(key: number): void {
    this.#handlers.delete(key);
  }

  /** A bank loaded here: the thread stays until its rows are sent. */
  hold(): void {
    this.#held++;
  }

  /** A bank's rows were sent (or failed): its last one lets the thread (and its heap) go. */
  release(): void {
    this.#held--;
    this.#closeWhenIdle();
  }

  seal(): void {
    this.#sealed = true;
    this.#closeWhenIdle();
  }

  #closeWhenIdle(): void {
    if (this.#sealed && this.#held <= 0) this.close().catch(() => {});
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#failed ??= new Error('note worker closed');
      this.#handlers.clear();
      await this.#worker.terminate();
    })();
    return this.#closed;
  }
}

/**
 * Bank files loaded and rendered on worker threads, a bank per thread at a time: loading and
 * rendering are most of an export's time, and banks are independent of each other. Each thread
 * renders the banks it loaded, so a bank's questions never cross between threads; only its rows do
 * (as UTF-8 bytes, moved, not copied), to this thread, a block at a time as they are rendered:
 * this thread writes the first banks' rows while the threads still load and render later ones.
 */
export class BankPool {
  readonly #workers: PoolWorker[];
  #nextKey = 0;

  constructor(threads: number) {
    this.#workers = Array.from(
      { length: Math.max(1, Math.floor(threads)) },
      () => new PoolWorker(),
    );
  }

  /**
   * Loads the files, the next file going to the first thread free: a bank per file, in file
   * order, each settled once it and those before it are loaded (after `onLoaded` saw it, so
   * `onLoaded` sees the banks in file order). A file that fails to load rejects its bank and every
   * later one, with its own error: awaited in order, the first failure (in file order) comes
   * first, as loading on this thread would report it.
   */
  loading(
    files: readonly string[],
    opts: { guids: boolean; job: Omit<RenderJob, 'deck'>; onLoaded?: (bank: PooledBank) => void },
  ): Promise<PooledBank>[] {
    const settle: { resolve: (b: PooledBank) => void; reject: (e: Error) => void }[] = [];
    const loaded = files.map(
      () =>
        new Promise<PooledBank>((resolve, reject) => {
          settle.push({ resolve, reject });
        }),
    );
    let next = 0;
    const take = (worker: PoolWorker) => {
      const i = next++;
      const file = files[i];
      if (file === undefined) {
        worker.seal();
        return;
      }
      const key = this.#nextKey++;
      const { job } = opts;
      const { resolve, reject } = settle[i] as (typeof settle)[number];
      const rows = new RowStream();
      let summary = false;
      worker.send({ kind: 'load', key, file, guids: opts.guids, job }, (reply) => {
        if ('loaded' in reply && !summary) {
          summary = true;
          worker.hold();
          resolve(pooled(file, job, reply.loaded, rows));
          take(worker);
        } else if (!summary) {
          worker.done(key);
          reject('error' in reply ? rethrown(reply.error) : new Error('note worker: no bank'));
          take(worker);
        } else if ('rows' in reply) rows.push(reply.rows);
        else {
          worker.done(key);
          worker.release();
          rows.end(
            'done' in reply
              ? { media: reply.done }
              : {
                  error:
                    'error' in reply ? rethrown(reply.error) : new Error('note worker: no rows'),
                },
          );
        }
      });
    };
    for (const worker of this.#workers) take(worker);
    const banks: Promise<PooledBank>[] = [];
    let before: Promise<unknown> = Promise.resolve();
    for (const bank of loaded) {
      const after = before;
      const inOrder = (async () => {
        await after;
        const b = await bank;
        opts.onLoaded?.(b);
        return b;
      })();
      inOrder.catch(() => {}); // awaited by the caller, in order; later ones need not be
      banks.push(inOrder);
      before = inOrder;
    }
    for (const b of loaded) b.catch(() => {});
    return banks;
  }

  /** loading(), awaited: every bank, or the first (in file order) that fails to load, thrown. */
  async load(
    files: readonly string[],
    opts: { guids: boolean; job: Omit<RenderJob, 'deck'>; onLoaded?: (bank: PooledBank) => void },
  ): Promise<PooledBank[]> {
    const banks: PooledBank[] = [];
    for (const bank of this.loading(files, opts)) banks.push(await bank);
    return banks;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.close()));
  }
}

/**
 * Below this many bytes of bank files in all, a pool costs more than it saves: each thread loads
 * the command's modules and warms up its own copy of the parsing and rendering code (the figures
 * behind this size are in docs/anki.md, "For developers").
 */
const POOL_MIN_BYTES = 64 << 20;

/**
 * How many threads to load and render these bank files on (their sizes in bytes): 0 for this
 * thread alone. At most a thread per file, and per CPU.
 */
export function poolThreads(sizes: readonly number[], cpus: number): number {
  const total = sizes.reduce((n, s) => n + s, 0);
  if (sizes.length < 2 || cpus < 2 || total < POOL_MIN_BYTES) return 0;
  return Math.min(sizes.length, cpus);
}
