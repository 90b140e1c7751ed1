// Banks written as a BankPool loads them (exportDeck given its promises) against banks loaded
// first, then written: the same package, the same error.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankError, generateBank, serializeBank } from '@quizdeck/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnkiExportError, type ExportOptions, exportDeck, loadBank } from '../src/index';
import { BankPool } from '../src/notes/bank-pool';

const T = 1_750_000_000;
let dir: string;
let files: string[];
let pools: BankPool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

const bankFile = async (name: string, id: string, title: string, count: number) => {
  const bank = { ...generateBank({ count, seed: id }), id, title };
  const file = join(dir, name);
  await writeFile(file, serializeBank(bank, 'md'));
  return file;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizdeck-streaming-'));
  files = [];
  for (let i = 0; i < 5; i++)
    files.push(await bankFile(`bank-${i}.md`, `s-${i}`, `S ${i}`, 30 + i));
});

const job = { shuffle: true, tags: ['week 2'] };
const opts: ExportOptions = { time: T, ...job };

/** exportDeck of the files as the pool loads them, and of the same banks loaded first. */
async function both(list: readonly string[], more: Partial<ExportOptions> = {}, guids = false) {
  const pool = new BankPool(2);
  pools.push(pool);
  const streamed = await exportDeck(pool.loading(list, { guids, job }), { ...opts, ...more }).catch(
    (e: unknown) => e,
  );
  const loaded = await Promise.all(list.map((f) => loadBank(f))).catch((e: unknown) => e);
  const local = Array.isArray(loaded)
    ? await exportDeck(loaded, { ...opts, ...more }).catch((e: unknown) => e)
    : loaded;
  return { streamed, local };
}

const bytes = (r: unknown) => Buffer.from((r as { apkg: Uint8Array }).apkg);

describe('exportDeck of banks as they load', () => {
  it('gives the bytes of banks loaded first, progress once the count is known', async () => {
    const totals: number[] = [];
    const { streamed, local } = await both(files, { onTotal: (n) => totals.push(n) });
    expect(bytes(streamed).equals(bytes(local))).toBe(true);
    expect(totals).toEqual([160, 160]);
  }, 60_000);

  it('with many decks (a header larger than its page), the same bytes', async () => {
    const many = [];
    for (let i = 0; i < 24; i++) {
      many.push(await bankFile(`many-${i}.md`, `m-${i}`, `Deck ${i} ${'y'.repeat(60)}`, 3));
    }
    const { streamed, local } = await both(many);
    expect(bytes(streamed).equals(bytes(local))).toBe(true);
  }, 60_000);

  it('with a previous export, the same bytes and counts', async () => {
    const before = await exportDeck(await Promise.all(files.map((f) => loadBank(f))), opts);
    const previous = { file: 'before.apkg', apkg: before.apkg };
    const { streamed, local } = await both(
      files.slice(1),
      { time: T + 60, previous: Promise.resolve(previous) },
      true,
    );
    expect(bytes(streamed).equals(bytes(local))).toBe(true);
    expect((streamed as { counts: unknown }).counts).toEqual((local as { counts: unknown }).counts);
  }, 60_000);

  it('reports a bank that fails to load after earlier ones were written, leaving no file', async () => {
    const broken = join(dir, 'broken.md');
    await writeFile(broken, '# Broken\n\n1. A question without options?\n');
    const tmp = await mkdtemp(join(tmpdir(), 'quizdeck-streaming-tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const { streamed, local } = await both([...files, broken]);
      expect(streamed).toBeInstanceOf(BankError);
      expect((streamed as BankError).diagnostics).toEqual((local as BankError).diagnostics);
      // The collection's folder is gone (the workers' tsx keeps its cache there too).
      expect((await readdir(tmp)).filter((f) => f.startsWith('quizdeck-apkg-'))).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 60_000);

  it('reports a duplicate bank id found after earlier banks were written', async () => {
    const twin = await bankFile('twin.md', 's-1', 'Twin', 10);
    const { streamed, local } = await both([...files, twin]);
    expect(streamed).toBeInstanceOf(AnkiExportError);
    expect((streamed as AnkiExportError).code).toBe('BANK_DUPLICATE');
    expect((streamed as Error).message).toBe((local as Error).message);
  }, 60_000);

  it('reports the load error before a render error of an earlier bank', async () => {
    const md = `# No image\n\n1. What is shown? ![gone](gone.png)\n   - [x] A dot\n   - [ ] A line\n`;
    const noImage = join(dir, 'no-image.md');
    await writeFile(noImage, md.replace('# No image', '---\nid: no-image\n---\n# No image'));
    const missing = join(dir, 'missing.md');
    const rendered = await both([files[0] as string, noImage]);
    expect((rendered.streamed as AnkiExportError).code).toBe('MEDIA_MISSING');
    expect((rendered.streamed as Error).message).toBe((rendered.local as Error).message);
    const { streamed } = await both([files[0] as string, noImage, missing]);
    expect((streamed as AnkiExportError).code).toBe('BANK_UNREADABLE');
  }, 60_000);
});
