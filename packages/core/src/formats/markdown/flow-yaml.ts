import { MAX_NESTING } from '../nesting';

/**
 * What the `yaml` library's `parse` gives for a small subset of YAML flow collections, or
 * `undefined` outside it: `{ key: value, … }` and `[ value, … ]` nested, keys and values plain
 * words (`[A-Za-z_][A-Za-z0-9_./-]*`, read as strings; `true` and `false` as booleans) or integers
 * without leading zeros, a space after every `:`, no duplicate keys, all on one line. It is how quizdeck writes
 * its `<!-- quizdeck: … -->` annotations, one per generated question, where the yaml library's
 * cost per call adds up (docs/bank-format.md, "Speed"). Anything else (quotes, other scalars, comments, odd spacing) is left to yaml,
 * and a property test compares the two. Deeper than MAX_NESTING is outside the subset too, so the
 * caller's depth check only runs on what goes to yaml.
 */
export function parseFlowYaml(text: string): unknown {
  // One line only: YAML's indentation rules for flow collections across lines are left to yaml.
  if (text.includes('\n')) return undefined;
  const reader = { text, at: 0, depth: 0 };
  skipSpace(reader);
  const value = readValue(reader);
  skipSpace(reader);
  return reader.at === text.length ? value : undefined;
}

interface Reader {
  text: string;
  at: number;
  depth: number;
}

// Words the YAML core schema reads as something other than a string, in any case.
const NOT_STRINGS = /^(?:true|false|null)$/i;

/** [A-Za-z0-9_./-], scanned by char code: this runs on every word of every annotation. */
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 57) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;

function skipSpace(r: Reader): void {
  while (r.text[r.at] === ' ') r.at++;
}

function readValue(r: Reader): unknown {
  const c = r.text[r.at];
  if (c !== '{' && c !== '[') return readScalar(r);
  if (++r.depth > MAX_NESTING) return undefined;
  const value = c === '{' ? readMapping(r) : readSequence(r);
  r.depth--;
  return value;
}

/**
 * A word: an integer without leading zeros (at most 15 digits), true/false, or a string starting
 * with a letter or "_"; anything else undefined.
 */
function readScalar(r: Reader): string | number | boolean | undefined {
  const { text } = r;
  const start = r.at;
  let end = start;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  if (end === start) return undefined;
  r.at = end;
  const word = text.slice(start, end);
  const first = text.charCodeAt(start);
  if (isDigit(first)) {
    if (end - start > 15 || (first === 48 && end - start > 1)) return undefined;
    for (let k = start + 1; k < end; k++) if (!isDigit(text.charCodeAt(k))) return undefined;
    return Number(word);
  }
  if (first === 45 || first === 46 || first === 47) return undefined; // "-", ".", "/"
  if (word === 'true' || word === 'false') return word === 'true';
  if (word.length <= 5 && NOT_STRINGS.test(word)) return undefined;
  return word;
}

/** Reads `open item, item, … close`, each item by `item`; false when outside the subset. */
function readItems(r: Reader, close: string, item: () => boolean): boolean {
  r.at++; // the opening bracket
  skipSpace(r);
  if (r.text[r.at] === close) {
    r.at++;
    return true;
  }
  for (;;) {
    if (!item()) return false;
    skipSpace(r);
    const c = r.text[r.at++];
    if (c === close) return true;
    if (c !== ',') return false;
    skipSpace(r);
  }
}

function readMapping(r: Reader): Record<string, unknown> | undefined {
  const map: Record<string, unknown> = {};
  const ok = readItems(r, '}', () => {
    const key = readScalar(r);
    if (typeof key !== 'string' || key === '__proto__' || Object.hasOwn(map, key)) return false;
    if (r.text[r.at] !== ':' || r.text[r.at + 1] !== ' ') return false;
    r.at += 2;
    skipSpace(r);
    const value = readValue(r);
    if (value === undefined) return false;
    map[key] = value;
    return true;
  });
  return ok ? map : undefined;
}

function readSequence(r: Reader): unknown[] | undefined {
  const list: unknown[] = [];
  const ok = readItems(r, ']', () => {
    const value = readValue(r);
    if (value === undefined) return false;
    list.push(value);
    return true;
  });
  return ok ? list : undefined;
}
