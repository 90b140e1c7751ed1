import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBank } from '@quizdeck/core';
import { describe, expect, it } from 'vitest';
import {
  AnkiExportError,
  type NoteRow,
  type PrepareJob,
  prepareNotes,
  prepareNotesParallel,
  questionGuid,
} from '../src/index';

const job = (over: Partial<PrepareJob> = {}): PrepareJob => ({
  bank: generateBank({ count: 90, seed: 'threads' }),
  file: join(tmpdir(), 'generated.json'),
  locations: { questions: {} },
  deck: 'Drills',
  shuffle: true,
  tags: ['extra'],
  ...over,
});

const decoder = new TextDecoder();
const text = (value: string | Uint8Array) =>
  typeof value === 'string' ? value : decoder.decode(value);
/** Rows with their text as strings: from worker threads it comes as UTF-8 bytes. */
const asText = (rows: readonly NoteRow[]) =>
  rows.map((r) => ({ ...r, flds: text(r.flds), sfld: text(r.sfld) }));

describe('prepareNotes', () => {
  it('takes the GUIDs it is given (computed once for a load summary) instead of its own', () => {
    const one = job();
    const own = prepareNotes(one).rows;
    expect(own.map((r) => r.guid)).toEqual(
      one.bank.questions.map((q) => questionGuid(one.bank, q)),
    );
    expect(prepareNotes({ ...one, guids: own.map((r) => r.guid) }).rows).toEqual(own);
    const given = one.bank.questions.map((_, i) => `given${i}`);
    const rows = prepareNotes({ ...one, guids: given }).rows;
    expect(rows.map((r) => r.guid)).toEqual(given);
    expect(rows.map((r) => ({ ...r, guid: '' }))).toEqual(own.map((r) => ({ ...r, guid: '' })));
  });
});

describe('prepareNotesParallel', () => {
  it('gives the same rows, in order, on worker threads as on one thread', async () => {
    const one = job();
    const sequential = prepareNotes(one);
    const parallel = await prepareNotesParallel(one, 3, 30);
    expect(parallel.rows).toHaveLength(90);
    expect(parallel.rows.some((r) => r.flds instanceof Uint8Array)).toBe(true);
    expect(asText(parallel.rows)).toEqual(sequential.rows);
    expect(new Set(parallel.rows.map((r) => r.guid)).size).toBe(90);
  });

  it('gives each block of questions its own GUIDs when they are given', async () => {
    const one = job();
    const guids = one.bank.questions.map((_, i) => `given${i}`);
    const parallel = await prepareNotesParallel({ ...one, guids }, 3, 30);
    expect(asText(parallel.rows)).toEqual(prepareNotes({ ...one, guids }).rows);
    expect(parallel.rows.map((r) => r.guid)).toEqual(guids);
  });

  it('hands rows over in bank order as they are ready when given onRows, keeping none', async () => {
    const one = job();
    const handed: NoteRow[][] = [];
    const parallel = await prepareNotesParallel(one, 3, 30, (rows) => handed.push(rows));
    expect(parallel.rows).toEqual([]);
    expect(handed.length).toBeGreaterThan(1);
    expect(asText(handed.flat())).toEqual(prepareNotes(one).rows);
  });

  it('hands rows over a block at a time on one thread too', async () => {
    const one = job({ bank: generateBank({ count: 2_500, seed: 'blocks' }) });
    const handed: NoteRow[][] = [];
    await prepareNotesParallel(one, 1, undefined, (rows) => handed.push(rows));
    expect(handed.map((rows) => rows.length)).toEqual([1_000, 1_000, 500]);
    expect(handed.flat()).toEqual(prepareNotes(one).rows);
  });

  // Block 0 always goes to the first worker: the error crosses the thread boundary.
  it('packs each image once and reports a missing one from a worker as AnkiExportError', async () => {
    const dir = tmpdir();
    await writeFile(join(dir, 'qd-pixel.png'), Buffer.from('not really a png'));
    const bank = generateBank({ count: 60, seed: 'pics' });
    const withImage = bank.questions.map((q, i) => ({
      ...q,
      explanation: `${q.explanation ?? ''} ![](${i === 0 ? 'qd-missing.png' : 'qd-pixel.png'})`,
    }));
    const error = await prepareNotesParallel(
      job({ bank: { ...bank, questions: withImage } }),
      2,
      30,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnkiExportError);
    expect((error as Error).message).toMatch(/image "qd-missing.png" cannot be read/);

    const fine = withImage.map((q) => ({
      ...q,
      explanation: (q.explanation ?? '').replace('qd-missing', 'qd-pixel'),
    }));
    const ok = await prepareNotesParallel(job({ bank: { ...bank, questions: fine } }), 2, 30);
    const name = `${createHash('sha1').update('not really a png').digest('hex')}.png`;
    expect(ok.media.map((m) => m.name)).toEqual([name]);
    expect(ok.rows.every((r) => text(r.flds).includes(`src="${name}"`))).toBe(true);
  });
});
