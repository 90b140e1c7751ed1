import {
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { formatFromPath, hasQuestionLikeLine, MAX_BANK_BYTES } from '@quizdeck/core';
import { READ_FLAGS } from './regular-file';

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

const SNIFF_CHUNK = 64 * 1024;

/**
 * Whether a Markdown file in a folder holds no question-like line (a README, notes): read a chunk at
 * a time, stopping at the first question-like line, so a bank costs its first lines, not a second
 * full read (the bot asks this every few seconds). False for anything that is not a regular file
 * small enough to be a bank (symlinks, FIFOs, devices, too large): the bank reader reports those.
 */
function holdsNoQuestion(path: string): boolean {
  let fd: number | undefined;
  try {
    if (!lstatSync(path).isFile()) return false;
    fd = openSync(path, READ_FLAGS);
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_BANK_BYTES) return false;
    const decoder = new TextDecoder('utf-8');
    const chunk = Buffer.alloc(Math.min(SNIFF_CHUNK, Math.max(info.size, 1)));
    let rest = '';
    let at = 0;
    while (at < info.size) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, info.size - at), at);
      if (n === 0) break;
      at += n;
      const text = rest + decoder.decode(chunk.subarray(0, n), { stream: true });
      const cut = text.lastIndexOf('\n');
      if (cut !== -1 && hasQuestionLikeLine(text.slice(0, cut))) return false;
      rest = cut === -1 ? text : text.slice(cut + 1);
    }
    return !hasQuestionLikeLine(rest + decoder.decode());
  } catch {
    return false;
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
      if (formatFromPath(e.name) === 'md' && holdsNoQuestion(join(folder, rel))) {
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
