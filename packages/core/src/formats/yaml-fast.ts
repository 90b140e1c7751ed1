import { MAX_NESTING } from './nesting';
import type { PosArray, PosObject, PosTree } from './pos-tree';
import { resolvePlain, unescapeDoubleQuoted } from './yaml-scalars';

/** Thrown inside the reader when the text leaves the subset it reads; never escapes it. */
const OUTSIDE = Symbol('outside the fast YAML subset');

export interface FastYaml {
  value: unknown;
  tree: PosTree;
}

/**
 * Reads the YAML that banks are written in (block mappings and sequences, plain, quoted and block
 * scalars, comments, `[]`/`{}`) in one pass over the lines, much faster than the full parser
 * (docs/bank-format.md, "Speed"). Anything else (anchors, aliases, tags, flow collections, multi-line plain or quoted
 * scalars, directives, several documents, tabs or CR line ends, errors) gives undefined: the caller
 * then reads the text with the full parser, which knows every rule and every error message.
 * Positions are recorded for values at most `keep` levels down (the root is level 0).
 */
export function readFastYaml(text: string, keep = Number.POSITIVE_INFINITY): FastYaml | undefined {
  if (text.includes('\r')) return undefined;
  try {
    return new Reader(text, keep).document();
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}

const isSpecialStart = (c: number) =>
  // ? : , [ ] { } # & * ! | > % @ ` and quotes; `-` is handled by the callers
  c === 63 ||
  c === 58 ||
  c === 44 ||
  c === 91 ||
  c === 93 ||
  c === 123 ||
  c === 125 ||
  c === 35 ||
  c === 38 ||
  c === 42 ||
  c === 33 ||
  c === 124 ||
  c === 62 ||
  c === 37 ||
  c === 64 ||
  c === 96;

class Reader {
  readonly text: string;
  readonly n: number;
  /** Start of the current line, and its end (the offset of its `\n`, or n). */
  p = 0;
  end = 0;
  /** Spaces before the current line's content. */
  indent = 0;

  readonly keep: number;
  /** Where the value the last read returned starts (its position tree). */
  last: PosTree = 0;

  set(value: unknown, tree: PosTree): unknown {
    this.last = tree;
    return value;
  }

  constructor(text: string, keep: number) {
    this.text = text;
    this.n = text.length;
    this.keep = keep;
  }

  document(): FastYaml {
    this.setLine(0);
    if (!this.skipBlank()) throw OUTSIDE;
    const first = this.text.slice(this.p, this.end).trimEnd();
    if (first === '---') {
      this.nextLine();
      if (!this.skipBlank()) throw OUTSIDE;
    }
    if (this.indent !== 0) throw OUTSIDE;
    const value = this.node(-1, 0);
    if (this.skipBlank()) throw OUTSIDE; // something after the root: another document, or an error
    return { value, tree: this.last };
  }

  setLine(p: number): void {
    this.p = p;
    const nl = this.text.indexOf('\n', p);
    this.end = nl === -1 ? this.n : nl;
    let i = p;
    while (this.text.charCodeAt(i) === 32) i++;
    this.indent = i - p;
  }

  nextLine(): void {
    this.setLine(this.end + 1);
  }

  eof(): boolean {
    return this.p >= this.n;
  }

  /** Moves past empty and comment-only lines; false at the end of the text. */
  skipBlank(): boolean {
    for (; !this.eof(); this.nextLine()) {
      const at = this.p + this.indent;
      if (at >= this.end) continue;
      const c = this.text.charCodeAt(at);
      if (c === 35) continue;
      if (c === 9) {
        if (this.text.slice(at, this.end).trim() === '') continue;
        throw OUTSIDE; // a tab in indentation
      }
      return true;
    }
    return false;
  }

  /** The block node whose first line is the current line, indented more than `parent`. */
  node(parent: number, depth: number): unknown {
    if (depth >= MAX_NESTING) throw OUTSIDE;
    const ind = this.indent;
    if (ind <= parent) throw OUTSIDE;
    const at = this.p + ind;
    if (this.isSeqItem(at)) return this.seq(ind, depth);
    if (this.keyEnd(at) !== -1) return this.map(ind, at, depth);
    throw OUTSIDE;
  }

  isSeqItem(at: number): boolean {
    if (this.text.charCodeAt(at) !== 45) return false;
    const next = at + 1;
    return next >= this.end || this.text.charCodeAt(next) === 32;
  }

  /** When a mapping key starts at `at`, the offset of its `:`; else -1. */
  keyEnd(at: number): number {
    const { text, end } = this;
    const c = text.charCodeAt(at);
    let from = at;
    if (c === 34 || c === 39) {
      from = this.quotedEnd(at);
      let k = from;
      while (text.charCodeAt(k) === 32) k++;
      return text.charCodeAt(k) === 58 && (k + 1 === end || text.charCodeAt(k + 1) === 32) ? k : -1;
    }
    if (isSpecialStart(c) || (c === 45 && this.isSeqItem(at))) return -1;
    for (let k = from; k < end; k++) {
      if (text.charCodeAt(k) === 58 && (k + 1 === end || text.charCodeAt(k + 1) === 32)) return k;
    }
    return -1;
  }

  /** Offset just after the closing quote of a quoted scalar on this line. */
  quotedEnd(at: number): number {
    const { text, end } = this;
    const q = text.charCodeAt(at);
    let k = at + 1;
    for (;;) {
      k = text.indexOf(q === 34 ? '"' : "'", k);
      if (k === -1 || k >= end) throw OUTSIDE; // runs on to another line
      if (q === 34) {
        let slashes = 0;
        while (text.charCodeAt(k - 1 - slashes) === 92) slashes++;
        if (slashes % 2 === 0) return k + 1;
      } else if (text.charCodeAt(k + 1) === 39) k += 1;
      else return k + 1;
      k++;
    }
  }

  map(ind: number, start: number, depth: number): unknown {
    const value: Record<string, unknown> = {};
    const tree: PosObject | undefined =
      depth <= this.keep ? { at: start, keys: [], keyAt: [], values: [] } : undefined;
    let at = start;
    for (;;) {
      const colon = this.keyEnd(at);
      if (colon === -1) throw OUTSIDE;
      const key = this.keyText(at, colon);
      if (key === '__proto__' || Object.hasOwn(value, key)) throw OUTSIDE;
      value[key] = this.valueAfter(colon + 1, ind, depth);
      if (tree) {
        tree.keys.push(key);
        tree.keyAt.push(at);
        tree.values.push(this.last);
      }
      if (!this.skipBlank() || this.indent < ind) break;
      if (this.indent > ind) throw OUTSIDE;
      at = this.p + ind;
      if (this.isSeqItem(at)) break; // the parent's indentless sequence, or an error it finds
    }
    return this.set(value, tree ?? start);
  }

  keyText(at: number, colon: number): string {
    const c = this.text.charCodeAt(at);
    if (c === 34 || c === 39) return this.quoted(at, this.quotedEnd(at));
    const key = this.text.slice(at, colon).trimEnd();
    if (key.includes(' #') || key.includes('\t')) throw OUTSIDE;
    return key;
  }

  seq(ind: number, depth: number): unknown {
    const value: unknown[] = [];
    const at = this.p + ind;
    const tree: PosArray | undefined = depth <= this.keep ? { at, items: [] } : undefined;
    for (;;) {
      let j = this.p + ind + 1;
      while (j < this.end && this.text.charCodeAt(j) === 32) j++;
      let item: unknown;
      if (j >= this.end || this.text.charCodeAt(j) === 35) {
        this.nextLine();
        item =
          this.skipBlank() && this.indent > ind ? this.node(ind, depth + 1) : this.set(null, j);
      } else if (this.isSeqItem(j)) {
        throw OUTSIDE;
      } else if (this.keyEnd(j) !== -1) {
        if (depth + 1 >= MAX_NESTING) throw OUTSIDE;
        item = this.map(j - this.p, j, depth + 1);
      } else {
        item = this.scalar(j, ind);
      }
      value.push(item);
      tree?.items.push(this.last);
      if (!this.skipBlank() || this.indent < ind) break;
      if (this.indent > ind) throw OUTSIDE;
      if (!this.isSeqItem(this.p + ind)) break;
    }
    return this.set(value, tree ?? at);
  }

  /** The value after a key's `:` at `from`, for a key of a mapping indented `ind`. */
  valueAfter(from: number, ind: number, depth: number): unknown {
    let j = from;
    while (j < this.end && this.text.charCodeAt(j) === 32) j++;
    if (j < this.end && this.text.charCodeAt(j) !== 35) return this.scalar(j, ind);
    this.nextLine();
    if (!this.skipBlank()) return this.set(null, from);
    if (this.indent > ind) return this.node(ind, depth + 1);
    if (this.indent === ind && this.isSeqItem(this.p + ind)) {
      if (depth + 1 >= MAX_NESTING) throw OUTSIDE;
      return this.seq(ind, depth + 1);
    }
    return this.set(null, from);
  }

  /** A scalar starting at `at` on the current line; leaves the reader on the line after it. */
  scalar(at: number, ind: number): unknown {
    const { text, end } = this;
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const close = this.quotedEnd(at);
      this.assertRestIsComment(close);
      const value = this.quoted(at, close);
      this.nextLine();
      return this.set(value, at);
    }
    if (c === 124 || c === 62) return this.set(this.block(at, ind), at);
    if (c === 91 || c === 123) {
      const close = at + 1;
      if (text.charCodeAt(close) !== (c === 91 ? 93 : 125)) throw OUTSIDE;
      this.assertRestIsComment(close + 1);
      this.nextLine();
      return this.set(c === 91 ? [] : {}, at);
    }
    if (isSpecialStart(c) || (c === 45 && this.isSeqItem(at))) throw OUTSIDE;
    let raw = text.slice(at, end);
    const hash = raw.indexOf('#');
    if (hash !== -1) {
      const before = raw.charCodeAt(hash - 1);
      if (before === 9) throw OUTSIDE;
      if (before === 32) raw = raw.slice(0, hash);
      else if (raw.includes(' #') || raw.includes('\t#')) throw OUTSIDE;
    }
    if (raw.charCodeAt(raw.length - 1) <= 32) raw = raw.trimEnd();
    if (raw.charCodeAt(raw.length - 1) === 58 || raw.includes(': ')) throw OUTSIDE;
    this.nextLine();
    return this.set(resolvePlain(raw), at);
  }

  assertRestIsComment(from: number): void {
    let k = from;
    while (k < this.end && this.text.charCodeAt(k) === 32) k++;
    if (k < this.end && (this.text.charCodeAt(k) !== 35 || k === from)) throw OUTSIDE;
  }

  quoted(at: number, close: number): string {
    const inner = this.text.slice(at + 1, close - 1);
    if (this.text.charCodeAt(at) === 39) return inner.replaceAll("''", "'");
    const value = inner.includes('\\') ? unescapeDoubleQuoted(inner) : inner;
    if (value === undefined) throw OUTSIDE;
    return value;
  }

  /** A `|` or `>` block scalar whose header is at `at`, in a node indented `ind`. */
  block(at: number, ind: number): string {
    const { text } = this;
    const folded = text.charCodeAt(at) === 62;
    let k = at + 1;
    const chomp = text.charCodeAt(k) === 45 ? 'strip' : text.charCodeAt(k) === 43 ? 'keep' : 'clip';
    if (chomp !== 'clip') k++;
    this.assertRestIsComment(k);
    if (this.end >= this.n) throw OUTSIDE;
    this.nextLine();
    const lines: string[] = [];
    let m = -1;
    while (!this.eof()) {
      const blank = this.p + this.indent >= this.end;
      if (m === -1) {
        if (blank) {
          if (this.indent > 0) throw OUTSIDE; // leading spaces that may set the indentation
          lines.push('');
          this.nextLine();
          continue;
        }
        if (this.indent <= ind) break;
        m = this.indent;
      }
      if (!blank && this.indent < m) break;
      if (blank && this.indent > m) throw OUTSIDE; // trailing spaces that the rules keep or drop
      if (text.charCodeAt(this.p + Math.min(this.indent, m)) === 9) throw OUTSIDE;
      if (this.end >= this.n) throw OUTSIDE; // no line break after the last line
      lines.push(blank ? '' : text.slice(this.p + m, this.end));
      this.nextLine();
    }
    if (m === -1) throw OUTSIDE;
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    const content = lines.slice(0, last);
    let body: string;
    if (folded) {
      if (content[0] === '') throw OUTSIDE;
      body = '';
      let empty = 0;
      for (const line of content) {
        if (line.startsWith(' ') || line.startsWith('\t')) throw OUTSIDE;
        if (line === '') empty++;
        else {
          body += body === '' ? line : empty > 0 ? `${'\n'.repeat(empty)}${line}` : ` ${line}`;
          empty = 0;
        }
      }
    } else body = content.join('\n');
    if (chomp === 'strip' || content.length === 0)
      return chomp === 'keep' ? '\n'.repeat(lines.length) : body;
    return chomp === 'clip' ? `${body}\n` : `${body}\n${'\n'.repeat(lines.length - last)}`;
  }
}
