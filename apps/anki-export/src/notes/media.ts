import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { ApkgMedia } from '../apkg';
import { AnkiExportError } from '../errors';

const IMG_SRC = /(<img\b[^>]*?\bsrc=")([^"]*)(")/gi;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function unescapeAttribute(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path; // not percent-encoded after all
  }
}

/**
 * Collects the images a bank references. Each file is packed once, named by the sha1 of its bytes
 * (so two banks using the same picture share it and a changed picture gets a new name).
 */
export class MediaCollector {
  readonly #byPath = new Map<string, string>();
  readonly #byName = new Map<string, ApkgMedia>();

  get media(): ApkgMedia[] {
    return [...this.#byName.values()];
  }

  /** Rewrites local `<img src>` in `html` to packed names; `where` is `file:line` for errors. */
  rewrite(html: string, bankFile: string, where: string): string {
    if (!html.includes('<img')) return html;
    return html.replace(IMG_SRC, (whole, open: string, src: string, close: string) => {
      const path = unescapeAttribute(src);
      if (path === '' || HAS_SCHEME.test(path) || path.startsWith('//')) return whole;
      return `${open}${this.#add(resolve(dirname(bankFile), decodePath(path)), path, where)}${close}`;
    });
  }

  #add(absolute: string, written: string, where: string): string {
    const known = this.#byPath.get(absolute);
    if (known) return known;
    let data: Buffer;
    try {
      data = readFileSync(absolute);
    } catch (cause) {
      throw new AnkiExportError(
        'MEDIA_MISSING',
        `${where}: image "${written}" cannot be read (${absolute})`,
        { cause },
      );
    }
    const ext = extname(absolute)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '');
    const name = `${createHash('sha1').update(data).digest('hex')}${ext}`;
    this.#byPath.set(absolute, name);
    this.#byName.set(name, { name, data });
    return name;
  }
}
