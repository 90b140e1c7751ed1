import { MAX_NESTING } from './nesting';
import type { PosArray, PosObject, PosTree } from './pos-tree';

// Containers below the kept levels: pushed to follow the structure, never recorded.
const UNKEPT_OBJECT: PosObject = { at: 0, keys: [], keyAt: [], values: [] };
const UNKEPT_ARRAY: PosArray = { at: 0, items: [] };

export type JsonPositions = { tree: PosTree } | { tooDeep: number };

const isValueEnd = (c: number) =>
  c === 44 /* , */ || c === 93 /* ] */ || c === 125 /* } */ || c <= 32 || c === 58; /* : */

/**
 * Where every value of a JSON text starts, in one pass. The text must already be valid JSON
 * (JSON.parse read it): this only follows strings and brackets. Stops at the first container
 * nested deeper than MAX_NESTING and says where it opens. Only values at most `keep` levels down
 * are recorded (the root is level 0), so a caller that needs only where questions start pays for
 * little more than the scan.
 */
export function jsonPositions(text: string, keep = Number.POSITIVE_INFINITY): JsonPositions {
  const stack: (PosObject | PosArray)[] = [];
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
      i++;
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      expectKey = top !== undefined && !('items' in top);
      i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (stack.length >= MAX_NESTING) return { tooDeep: i };
      const node: PosObject | PosArray =
        stack.length > keep
          ? c === 123
            ? UNKEPT_OBJECT
            : UNKEPT_ARRAY
          : c === 123
            ? { at: i, keys: [], keyAt: [], values: [] }
            : { at: i, items: [] };
      attach(node);
      stack.push(node);
      expectKey = c === 123;
      i++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === 34 /* " */) {
      let end = text.indexOf('"', i + 1);
      for (;;) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
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
  return { tree: root };
}
