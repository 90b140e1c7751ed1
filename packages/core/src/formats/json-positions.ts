import { MAX_NESTING } from './nesting';
import type { PosArray, PosObject, PosTree } from './pos-tree';

/**
 * The tree, and where each line starts (what lineStarts finds: JSON's line breaks are all between
 * tokens, so the scan passes each one).
 */
export type JsonPositions = { tree: PosTree; lineStarts: Int32Array } | { tooDeep: number };

/** Offsets in a typed array that doubles when full: a JSON bank starts a line every few bytes. */
class Offsets {
  list = new Int32Array(1024);
  count = 0;
  add(offset: number): void {
    if (this.count === this.list.length) {
      const bigger = new Int32Array(this.list.length * 2);
      bigger.set(this.list);
      this.list = bigger;
    }
    this.list[this.count++] = offset;
  }
}

const isValueEnd = (c: number) =>
  c === 44 /* , */ || c === 93 /* ] */ || c === 125 /* } */ || c <= 32 || c === 58; /* : */

/** Offset of the quote closing the JSON string that opens at `at` (the text's end if none). */
function stringEnd(text: string, at: number): number {
  let end = text.indexOf('"', at + 1);
  for (;;) {
    if (end === -1) return text.length;
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/**
 * Offset just after the container opening at `at`, `depth` containers down, following only quotes
 * and brackets; or, as -1 - offset, where a container inside first nests deeper than MAX_NESTING.
 */
function skipContainer(text: string, at: number, depth: number, lines: Offsets): number {
  const n = text.length;
  let open = depth + 1;
  for (let i = at + 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) continue;
    if (c === 34 /* " */) i = stringEnd(text, i);
    else if (c === 10 /* \n */) {
      lines.add(i + 1);
      while (text.charCodeAt(i + 1) === 32) i++; // the next line's indentation
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (open >= MAX_NESTING) return -1 - i;
      open++;
    } else if ((c === 125 /* } */ || c === 93) /* ] */ && --open === depth) return i + 1;
  }
  return n;
}

/**
 * Where every value of a JSON text starts, in one pass. The text must already be valid JSON
 * (JSON.parse read it): this only follows strings and brackets. Stops at the first container
 * nested deeper than MAX_NESTING and says where it opens. Only values at most `keep` levels down
 * are recorded (the root is level 0); containers below are passed over by their quotes and
 * brackets alone, so a caller that needs only where questions start pays for little more than
 * finding the brackets.
 */
export function jsonPositions(text: string, keep = Number.POSITIVE_INFINITY): JsonPositions {
  const stack: (PosObject | PosArray)[] = [];
  const lines = new Offsets();
  lines.add(0);
  let root: PosTree = 0;
  let key: string | undefined;
  let keyAt = 0;
  let expectKey = false;
  const attach = (node: PosTree) => {
    if (stack.length > keep) return;
    const top = stack[stack.length - 1];
    if (top === undefined) root = node;
    else if ('items' in top) top.items.push(node);
    else {
      top.keys.push(key ?? '');
      top.keyAt.push(keyAt);
      top.values.push(node);
    }
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 58 /* : */) {
      if (c === 10 /* \n */) lines.add(i + 1);
      i++;
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      expectKey = top !== undefined && !('items' in top);
      i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (stack.length >= MAX_NESTING) return { tooDeep: i };
      const node: PosObject | PosArray =
        c === 123 ? { at: i, keys: [], keyAt: [], values: [] } : { at: i, items: [] };
      attach(node);
      if (stack.length >= keep) {
        // Nothing inside is recorded.
        const end = skipContainer(text, i, stack.length, lines);
        if (end < 0) return { tooDeep: -1 - end };
        expectKey = false;
        i = end;
      } else {
        stack.push(node);
        expectKey = c === 123;
        i++;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        keyAt = i;
        expectKey = false;
      } else attach(i);
      i = end + 1;
    } else {
      attach(i);
      do i++;
      while (i < n && !isValueEnd(text.charCodeAt(i)));
    }
  }
  return { tree: root, lineStarts: lines.list.subarray(0, lines.count) };
}
