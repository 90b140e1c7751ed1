import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { mediaSource, readMediaFile, unescapeAttribute } from '@quizdeck/bank-files';
import type { ApkgMedia } from '../apkg';
import { AnkiExportError } from '../errors';

const IMG_SRC = /(<img\b[^>]*?\bsrc=")([^"]*)(")/gi;
/** Rendered HTML writes images as `<img`: HTML without it has nothing to rewrite. */
export const IMG = '<img';

const ERROR_CODE = {
  outside: 'MEDIA_OUTSIDE',
  remote: 'MEDIA_REMOTE',
  missing: 'MEDIA_MISSING',
  unreadable: 'MEDIA_MISSING',
} as const;

/**
 * Collects the images a bank references. Each file is packed once, named by the sha1 of its bytes
 * (so two banks using the same picture share it and a changed picture gets a new name). Paths
 * resolve by bank-files' one rule: only files inside the bank's folder are ever read.
 */
export class MediaCollector {
  readonly #byPath = new Map<string, string>();
  readonly #byName = new Map<string, ApkgMedia>();

  get media(): ApkgMedia[] {
    return [...this.#byName.values()];
  }

  /** Rewrites `<img src>` in `html` to packed names; `where` gives `file:line` for errors. */
  rewrite(html: string, bankFile: string, where: () => string): string {
    if (!html.includes(IMG)) return html;
    return html.replace(IMG_SRC, (whole, open: string, src: string, close: string) => {
      const written = unescapeAttribute(src);
      if (written === '' || mediaSource(bankFile, written).kind === 'inline') return whole;
      return `${open}${this.#add(bankFile, written, where)}${close}`;
    });
  }

  #add(bankFile: string, written: string, where: () => string): string {
    const source = mediaSource(bankFile, written);
    const key = source.kind === 'file' ? source.path : written;
    const known = this.#byPath.get(key);
    if (known) return known;
    const read = readMediaFile(bankFile, written);
    if (!('data' in read)) {
      throw new AnkiExportError(ERROR_CODE[read.code], `${where()}: ${read.message}`);
    }
    const ext = extname(read.path)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '');
    const name = `${createHash('sha1').update(read.data).digest('hex')}${ext}`;
    this.#byPath.set(key, name);
    this.#byName.set(name, { name, data: Buffer.from(read.data) });
    return name;
  }
}
