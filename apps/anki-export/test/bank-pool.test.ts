import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankError, generateBank, serializeBank } from '@quizdeck/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnkiExportError, exportDeck, type LoadedBank, loadBank } from '../src/index';
import { BankPool, type PooledBank, poolThreads } from '../src/notes/bank-pool';
import { readApkg } from './read-apkg';

const T = 1_750_000_000;
let dir: string;
let files: string[];
let pools: BankPool[] = [];
const pool = (threads: number) => {
  const p = new BankPool(threads);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizdeck-pool-'));
  files = [];
  for (const [i, format] of (['md', 'json', 'md', 'yaml'] as const).entries()) {
    const bank = { ...generateBank({ count: 40 + i, seed: `pool-${i}` }), id: `pool-${i}` };
    const file = join(dir, `bank-${i}.${format === 'md' ? 'md' : `quiz.${format}`}`);
    let text = serializeBank({ ...bank, title: `Pool ${i}` }, format);
    // A key the schema does not know: the bank loads, with a warning.
    if (format === 'json') text = text.replace('{', '{\n  "colour": "blue",');
    await writeFile(file, text);
    files.push(file);
  }
  const fixtures = new URL('./fixtures/', import.meta.url);
  await copyFile(new URL('fixture-bank.json', fixtures), join(dir, 'fixture.json'));
  await copyFile(new URL('dot.png', fixtures), join(dir, 'dot.png'));
  files.push(join(dir, 'fixture.json'));
});

const inProcess = () => Promise.all(files.map((f) => loadBank(f)));
const opts = { time: T, shuffle: true, tags: ['exam week'] };

describe('BankPool', () => {
  it('exports the same bytes as banks loaded and rendered on this thread', async () => {
    const seen: string[] = [];
    const pooled = await pool(2).load(files, {
      guids: false,
      job: { shuffle: true, tags: ['exam week'] },
      onLoaded: (b) => seen.push(b.file),
    });
    expect(seen).toEqual(files);
    const local = await inProcess();
    expect(pooled.map((b) => b.diagnostics)).toEqual(local.map((b) => b.diagnostics));
    expect(pooled[1]?.diagnostics.map((d) => d.code)).toEqual(['unknown-key']);
    const a = await exportDeck(pooled, opts);
    const b = await exportDeck(local, opts);
    expect(a.media).toBe(1);
    expect(Buffer.from(a.apkg).equals(Buffer.from(b.apkg))).toBe(true);
  }, 60_000);

  it('with a previous export, retires and stamps as on this thread', async () => {
    const previous = {
      file: 'before.apkg',
      apkg: (await exportDeck(await inProcess(), opts)).apkg,
    };
    const some = files.slice(1);
    const pooled = await pool(3).load(some, {
      guids: true,
      job: { shuffle: true, tags: ['exam week'] },
    });
    const local = await Promise.all(some.map((f) => loadBank(f)));
    const later = { ...opts, time: T + 60, previous };
    const a = await exportDeck(pooled, later);
    const b = await exportDeck(local, later);
    expect(a.counts).toEqual(b.counts);
    expect(a.counts?.retired).toBe(40);
    expect(Buffer.from(a.apkg).equals(Buffer.from(b.apkg))).toBe(true);
  }, 60_000);

  it('throws the first bank (in file order) that fails to load, as this thread would', async () => {
    const broken = join(dir, 'broken.md');
    await writeFile(broken, '# Broken\n\n1. A question without options?\n');
    const order = [files[0] as string, broken, join(dir, 'missing.md')];
    const local = await loadBank(broken).catch((e: unknown) => e);
    const error = await pool(2)
      .load(order, { guids: false, job: { shuffle: false, tags: [] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    expect((error as BankError).diagnostics).toEqual((local as BankError).diagnostics);
    const missing = await pool(2)
      .load([files[0] as string, join(dir, 'missing.md')], {
        guids: false,
        job: { shuffle: false, tags: [] },
      })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AnkiExportError);
    expect((missing as AnkiExportError).code).toBe('BANK_UNREADABLE');
  }, 60_000);

  it('reports a bank that cannot render (a missing image) when its rows are written', async () => {
    const bank = JSON.parse(await readFile(join(dir, 'fixture.json'), 'utf8'));
    bank.id = 'no-image';
    bank.questions[1].explanation = 'See ![gone](gone.png).';
    const file = join(dir, 'no-image.json');
    await writeFile(file, JSON.stringify(bank));
    const pooled = await pool(2).load([files[0] as string, file], {
      guids: false,
      job: { shuffle: false, tags: [] },
    });
    const error = await exportDeck(pooled, { time: T }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnkiExportError);
    expect((error as AnkiExportError).code).toBe('MEDIA_MISSING');
  }, 60_000);

  it('refuses banks rendered with other options than the export', async () => {
    const pooled: PooledBank[] = await pool(1).load([files[0] as string], {
      guids: false,
      job: { shuffle: false, tags: [] },
    });
    await expect(exportDeck(pooled, { time: T, shuffle: true })).rejects.toThrow(/other options/);
  }, 60_000);

  it('reads the package back whole', async () => {
    const pooled = await pool(2).load(files, { guids: false, job: { shuffle: false, tags: [] } });
    const local: LoadedBank[] = await inProcess();
    const deck = await readApkg((await exportDeck(pooled, { time: T })).apkg);
    const count = local.reduce((n, b) => n + b.bank.questions.length, 0);
    expect(deck.notes).toHaveLength(count);
    expect(new Set(deck.cards.map((c) => c.did)).size).toBe(files.length);
  }, 60_000);
});

describe('poolThreads', () => {
  const MB = 1 << 20;
  it('keeps one file, few bytes or one CPU on this thread', () => {
    expect(poolThreads([500 * MB], 8)).toBe(0);
    expect(poolThreads([MB, MB], 8)).toBe(0);
    expect(poolThreads([100 * MB, 100 * MB], 1)).toBe(0);
  });
  it('takes a thread per file, at most one per CPU', () => {
    expect(poolThreads([60 * MB, 60 * MB], 8)).toBe(2);
    expect(
      poolThreads(
        Array.from({ length: 8 }, () => 13 * MB),
        2,
      ),
    ).toBe(2);
  });
});
