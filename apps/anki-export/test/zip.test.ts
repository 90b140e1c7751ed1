import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FileDeflate } from '../src/apkg/file-deflate';
import { zipEntries } from '../src/index';

const sha1 = (data: Uint8Array) => createHash('sha1').update(data).digest('hex');

/** 40 MB that compresses like a collection: repeated markup with varying numbers. */
function collectionLike(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const enc = new TextEncoder();
  let at = 0;
  for (let i = 0; at < bytes; i++) {
    const row = enc.encode(`<li data-key="A"><span>${(i * 7919) % 100_003}</span></li>\u001f`);
    out.set(row.subarray(0, bytes - at), at);
    at += row.length;
  }
  return out;
}

describe('zipEntries', () => {
  it('packs entries larger than one deflate piece into a ZIP that reads back, reproducibly', async () => {
    const big = collectionLike(40 << 20);
    const small = new TextEncoder().encode('{"0":"a.png"}');
    const empty = new Uint8Array(0);
    const date = new Date(1_750_000_000_000);
    const entries = [
      { name: 'collection.anki2', data: big },
      { name: 'media', data: small },
      { name: '0', data: empty },
    ];
    const zip = await zipEntries(entries, date);
    expect(zip.length).toBeLessThan(big.length / 4);
    const read = await JSZip.loadAsync(zip);
    const entry = (name: string) => {
      const file = read.file(name);
      if (!file) throw new Error(`${name} missing from the zip`);
      return file.async('uint8array');
    };
    expect(sha1(await entry('collection.anki2'))).toBe(sha1(big));
    expect(Buffer.from(await entry('media')).toString()).toBe('{"0":"a.png"}');
    expect((await entry('0')).length).toBe(0);
    expect(Buffer.from(await zipEntries(entries, date)).equals(Buffer.from(zip))).toBe(true);
    // The same entry read from a file, a piece at a time: the same bytes.
    const dir = await mkdtemp(join(tmpdir(), 'quizdeck-zip-'));
    await writeFile(join(dir, 'big'), big);
    const fromFile = await zipEntries(
      [{ name: 'collection.anki2', file: join(dir, 'big') }, ...entries.slice(1)],
      date,
    );
    expect(Buffer.from(fromFile).equals(Buffer.from(zip))).toBe(true);
    await rm(dir, { recursive: true });
  });

  it('packs a file whose first pieces were started while it grew, its first piece patched', async () => {
    const whole = collectionLike(50 << 20);
    const patched = Buffer.from(whole);
    patched.write('patched', 3);
    const date = new Date(1_750_000_000_000);
    const expected = await zipEntries([{ name: 'c', data: patched }], date);
    const dir = await mkdtemp(join(tmpdir(), 'quizdeck-zip-'));
    const file = join(dir, 'growing');
    await writeFile(file, whole.subarray(0, 35 << 20));
    const deflating = new FileDeflate(file, (first) => first.write('patched', 3));
    deflating.startBefore(35 << 20); // the second piece, [16 MiB, 32 MiB), is final
    await appendFile(file, whole.subarray(35 << 20));
    const zip = await zipEntries([{ name: 'c', file: deflating }], date);
    expect(Buffer.from(zip).equals(Buffer.from(expected))).toBe(true);
    await rm(dir, { recursive: true });
  });
});
