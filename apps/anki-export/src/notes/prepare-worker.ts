import { parentPort } from 'node:worker_threads';
import { QuizdeckError } from '@quizdeck/core';
import { type PrepareJob, prepareNotes } from './prepare-notes';

const utf8 = new TextEncoder();

parentPort?.on('message', (job: PrepareJob) => {
  try {
    const { rows, media } = prepareNotes(job);
    // Text as UTF-8 arrays that own their buffers (TextEncoder): moved to the writing thread, not
    // copied, and bound as they are.
    const buffers: ArrayBuffer[] = [];
    const encoded = rows.map((row) => {
      const flds = utf8.encode(String(row.flds));
      const sfld = utf8.encode(String(row.sfld));
      buffers.push(flds.buffer, sfld.buffer);
      return { ...row, flds, sfld };
    });
    parentPort?.postMessage({ ok: { rows: encoded, media } }, buffers);
  } catch (error) {
    if (!(error instanceof QuizdeckError)) throw error;
    parentPort?.postMessage({ error: { code: error.code, message: error.message } });
  }
});
