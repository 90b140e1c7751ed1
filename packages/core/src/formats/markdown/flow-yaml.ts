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
  const n = text.length;
  // The collections open around the current value, and for each mapping the key it goes under.
  // One loop with its own stack: no call per value, and no recursion however deep the text.
  const open: (Record<string, unknown> | unknown[])[] = [];
  const keys: string[] = [];
  let at = spaces(text, 0);
  for (;;) {
    let value: unknown;
    const c = text.charCodeAt(at);
    if (c === OPEN_MAP || c === OPEN_SEQ) {
      if (open.length >= MAX_NESTING) return undefined;
      const isMap = c === OPEN_MAP;
      at = spaces(text, at + 1);
      if (text.charCodeAt(at) === (isMap ? CLOSE_MAP : CLOSE_SEQ)) {
        at++;
        value = isMap ? {} : [];
      } else {
        const container = isMap ? {} : [];
        open.push(container);
        if (isMap) {
          at = keyAt(text, at, container, keys, open.length - 1);
          if (at < 0) return undefined;
        }
        continue;
      }
    } else {
      const end = wordEnd(text, at);
      value = scalar(text, at, end);
      if (value === undefined) return undefined;
      at = end;
    }
    // A value is read: it goes into its collection, and closes those it completes.
    for (;;) {
      const top = open[open.length - 1];
      if (top === undefined) return spaces(text, at) === n ? value : undefined;
      const isMap = !Array.isArray(top);
      if (isMap) top[keys[open.length - 1] as string] = value;
      else top.push(value);
      at = spaces(text, at);
      const next = text.charCodeAt(at++);
      if (next === (isMap ? CLOSE_MAP : CLOSE_SEQ)) {
        open.pop();
        value = top;
        continue;
      }
      if (next !== COMMA) return undefined;
      at = spaces(text, at);
      if (isMap) {
        at = keyAt(text, at, top, keys, open.length - 1);
        if (at < 0) return undefined;
      }
      break;
    }
  }
}

const SPACE = 32;
const COMMA = 44;
const COLON = 58;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;
const OPEN_SEQ = 91;
const CLOSE_SEQ = 93;

const spaces = (text: string, from: number): number => {
  let at = from;
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
};

/** [A-Za-z0-9_./-], scanned by char code: this runs on every word of every annotation. */
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 57) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;

const wordEnd = (text: string, from: number): number => {
  let end = from;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return end;
};

/*
 * The keys read last, by a hash of their first and last chars and length. A key is a property
 * name: V8 looks a freshly sliced one up in its table of such strings (a measured ~15% of this
 * parser's time on generated annotations); one found here, compared char by char, already is one.
 * Bounded (256 keys of at most 32 chars), and it only ever holds what `scalar` gave for the
 * same chars.
 */
const MAX_SEEN_KEY = 32;
const seenKeys: (string | undefined)[] = new Array(256).fill(undefined);
const slotOf = (text: string, start: number, end: number) =>
  (text.charCodeAt(start) * 31 + text.charCodeAt(end - 1) * 7 + (end - start)) & 255;

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) {
    if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  }
  return true;
}

/**
 * A mapping's key at `at`, its `: ` and the spaces after: where its value starts, or -1 when the
 * key is not a new string key of `map`.
 */
function keyAt(
  text: string,
  at: number,
  map: Record<string, unknown>,
  keys: string[],
  level: number,
): number {
  const end = wordEnd(text, at);
  const slot = slotOf(text, at, end);
  const seen = seenKeys[slot];
  let key: ReturnType<typeof scalar> = seen;
  if (seen === undefined || !sameWord(seen, text, at, end)) {
    key = scalar(text, at, end);
    if (typeof key === 'string' && end - at <= MAX_SEEN_KEY) seenKeys[slot] = key;
  }
  if (typeof key !== 'string' || key === '__proto__' || Object.hasOwn(map, key)) return -1;
  if (text.charCodeAt(end) !== COLON || text.charCodeAt(end + 1) !== SPACE) return -1;
  keys[level] = key;
  return spaces(text, end + 2);
}

// Words the YAML core schema reads as something other than a string, in any case.
const NOT_STRINGS = /^(?:true|false|null)$/i;

/**
 * The word text[start, end): an integer without leading zeros (at most 15 digits), true/false,
 * or a string starting with a letter or "_"; anything else undefined.
 */
function scalar(text: string, start: number, end: number): string | number | boolean | undefined {
  if (end === start) return undefined;
  const first = text.charCodeAt(start);
  if (isDigit(first)) {
    if (end - start > 15 || (first === 48 && end - start > 1)) return undefined;
    let number = 0;
    for (let k = start; k < end; k++) {
      const d = text.charCodeAt(k);
      if (!isDigit(d)) return undefined;
      number = number * 10 + (d - 48);
    }
    return number;
  }
  if (first === 45 || first === 46 || first === 47) return undefined; // "-", ".", "/"
  const word = text.slice(start, end);
  if (word === 'true' || word === 'false') return word === 'true';
  // Only a word of at most 5 letters starting t, f or n (either case) can be one of those.
  const lower = first | 32;
  if (
    (lower === 116 || lower === 102 || lower === 110) &&
    word.length <= 5 &&
    NOT_STRINGS.test(word)
  ) {
    return undefined;
  }
  return word;
}
