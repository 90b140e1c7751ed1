import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { formatFromPath, hasQuestionLikeLine, MAX_BANK_BYTES } from '@quizdeck/core';

const BANK_FILE_RE = /\.(?:md|markdown|quiz\.ya?ml|quiz\.json)$/i;

// The one rule for which files in a folder are banks, shared by `quizdeck check`, `pnpm anki` and
// the bot's catalog. A file named on the command line is always a bank; only folders are searched.

export interface FindOptions {
  /** Globs of files or folders to leave out, relative to the folder (`drafts/**`, `*.notes.md`). */
  ignore?: readonly string[];
}

/** A Markdown file in a folder that is left out, and why (for a note, never an error). */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface FoundBankFiles {
  /** Bank files, sorted, relative to the folder (`a.md`, `sub/b.quiz.yaml`). */
  files: string[];
  skipped: SkippedFile[];
}

/** `*` within a name, `**` across folders, `?` one character, `{a,b}` alternatives. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && re.includes('(?:')) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Ignore rules as in .gitignore: a glob without `/` matches a name at any depth. */
function ignoreMatcher(globs: readonly string[]): (rel: string, isDir: boolean) => boolean {
  const rules = globs.map((g) => {
    const dirOnly = g.endsWith('/');
    const body = g.replace(/^\.\//, '').replace(/\/+$/, '');
    return { re: globToRegExp(body.replace(/^\//, '')), byName: !body.includes('/'), dirOnly };
  });
  return (rel, isDir) => {
    const path = rel.split(sep).join('/');
    const name = path.slice(path.lastIndexOf('/') + 1);
    return rules.some((r) => (!r.dirOnly || isDir) && r.re.test(r.byName ? name : path));
  };
}

/**
 * A Markdown file's text when it is a regular file small enough to be a bank; undefined for
 * anything else (symlinks, FIFOs, devices, too large), which is left to the bank reader to report.
 */
function sniffText(path: string): string | undefined {
  let fd: number | undefined;
  try {
    if (!lstatSync(path).isFile()) return undefined;
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_BANK_BYTES) return undefined;
    const bytes = Buffer.alloc(info.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Bank files under a folder, recursively and sorted, skipping dot folders, node_modules and what
 * `ignore` names. A Markdown file without a single question-like line (a README, notes) is
 * skipped with a reason rather than checked as a broken bank. Throws when the folder cannot be read.
 */
export function findBankFiles(folder: string, options: FindOptions = {}): FoundBankFiles {
  const ignored = ignoreMatcher(options.ignore ?? []);
  const found: FoundBankFiles = { files: [], skipped: [] };
  const walk = (prefix: string) => {
    const entries = readdirSync(join(folder, prefix), { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = join(prefix, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules' && !ignored(rel, true)) walk(rel);
        continue;
      }
      if (ignored(rel, false)) continue;
      if (!BANK_FILE_RE.test(e.name)) {
        // Not a bank name, yet YAML or JSON by its extension (Markdown names are all bank names).
        if (formatFromPath(e.name) !== undefined)
          found.skipped.push({
            file: rel,
            reason: 'in a folder, YAML and JSON banks are named *.quiz.yaml or *.quiz.json',
          });
        continue;
      }
      const text = formatFromPath(e.name) === 'md' ? sniffText(join(folder, rel)) : undefined;
      if (text !== undefined && !hasQuestionLikeLine(text)) {
        found.skipped.push({ file: rel, reason: 'no question-like line, so not a bank' });
      } else found.files.push(rel);
    }
  };
  walk('');
  return found;
}

export interface NamedFile {
  /** Where it is read from. */
  path: string;
  /** How messages name it: as the user gave it. */
  name: string;
}

/**
 * What a path names: itself when it is not a folder (a missing path is the bank reader's to
 * report), else the bank files found under it, named after `name` (default: the path).
 */
export function bankFilesAt(
  path: string,
  options: FindOptions & { name?: string } = {},
): { files: NamedFile[]; skipped: SkippedFile[] } {
  const name = options.name ?? path;
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    folder = false;
  }
  if (!folder) return { files: [{ path, name }], skipped: [] };
  const found = findBankFiles(path, options);
  return {
    files: found.files.map((f) => ({ path: join(path, f), name: join(name, f) })),
    skipped: found.skipped.map((s) => ({ ...s, file: join(name, s.file) })),
  };
}
