import { parentPort } from 'node:worker_threads';
import { QuizdeckError } from '@quizdeck/core';
import { type PrepareJob, prepareNotes } from './prepare-notes';

parentPort?.on('message', (job: PrepareJob) => {
  try {
    const prepared = prepareNotes(job);
    // The UTF-8 arrays own their buffers (TextEncoder): move them instead of copying.
    const buffers = prepared.rows.flatMap((r) => [r.flds.buffer, r.sfld.buffer]);
    parentPort?.postMessage({ ok: prepared }, buffers as ArrayBuffer[]);
  } catch (error) {
    if (!(error instanceof QuizdeckError)) throw error;
    parentPort?.postMessage({ error: { code: error.code, message: error.message } });
  }
});
