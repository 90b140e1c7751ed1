import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnkiExportError, exportDeck, loadBank } from '../src/index';
import { readApkg } from './read-apkg';

const T1 = 1_750_000_000;
const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-anki-media-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const folder = join(tmp, 'banks');
mkdirSync(folder);
copyFileSync(new URL('./fixtures/dot.png', import.meta.url), join(folder, 'dot.png'));
symlinkSync('dot.png', join(folder, 'inside.png'));
symlinkSync('/etc/passwd', join(folder, 'out.png'));
writeFileSync(join(tmp, 'x.png'), 'a file next to the folder, not in it');

const bankWith = (name: string, images: string[]) => {
  const file = join(folder, name);
  writeFileSync(
    file,
    `# Media\n\n1. Which picture? ${images.map((src) => `![pic](${src})`).join(' ')}\n\n- A RIGHT. this\n- B. that\n`,
  );
  return file;
};

describe('images in a deck come only from the bank folder', () => {
  it('packs a file of the folder, and a symlink that stays inside it, once', async () => {
    const file = bankWith('ok.md', ['dot.png', 'inside.png']);
    const deck = await readApkg((await exportDeck([await loadBank(file)], { time: T1 })).apkg);
    const packed = Object.values(deck.mediaFiles);
    expect(packed).toHaveLength(1);
    expect(
      Buffer.from(packed[0] ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  for (const src of ['/etc/passwd', '../x.png', 'out.png', '../../../../../../etc/hostname']) {
    it(`refuses ${src}: no deck, and the message does not say whether it exists`, async () => {
      const file = bankWith('bad.md', ['dot.png', src]);
      const error = await exportDeck([await loadBank(file)], { time: T1 }).catch((e) => e);
      expect(error).toBeInstanceOf(AnkiExportError);
      expect((error as AnkiExportError).message).toBe(
        `${file}:3: image "${src}" is outside the bank's folder; an image must be a file in the bank's folder or below it`,
      );
    });
  }

  it('says the same for a missing path outside the folder as for an existing one', async () => {
    const file = bankWith('gone.md', ['../no-such-file.png']);
    const error = await exportDeck([await loadBank(file)], { time: T1 }).catch((e) => e);
    expect((error as Error).message).toContain(
      `"../no-such-file.png" is outside the bank's folder`,
    );
  });
});
