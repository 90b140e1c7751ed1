/**
 * What the `yaml` library's `parse` gives for a small subset of YAML flow collections, or
 * `undefined` outside it: `{ key: value, … }` and `[ value, … ]` nested, keys and values plain
 * words (`[A-Za-z_][A-Za-z0-9_./-]*`, read as strings; `true` and `false` as booleans) or integers
 * without leading zeros, a space after every `:`, no duplicate keys, all on one line. It is how quizdeck writes
 * its `<!-- quizdeck: … -->` annotations, one per generated question; the yaml library spends
 * ~0.3 ms on each. Anything else (quotes, other scalars, comments, odd spacing) is left to yaml,
 * and a property test compares the two.
 */
export function parseFlowYaml(text: string): unknown {
  // One line only: YAML's indentation rules for flow collections across lines are left to yaml.
  if (text.includes('\n')) return undefined;
  const reader = { text, at: 0 };
  skipSpace(reader);
  const value = readValue(reader);
  skipSpace(reader);
  return reader.at === text.length ? value : undefined;
}

interface Reader {
  text: string;
  at: number;
}

const WORD = /[A-Za-z0-9_./-]*/y;
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
// Words the YAML core schema reads as something other than a string, in any case.
const NOT_STRINGS = /^(?:true|false|null)$/i;

function skipSpace(r: Reader): void {
  while (r.text[r.at] === ' ') r.at++;
}

function readValue(r: Reader): unknown {
  const c = r.text[r.at];
  if (c === '{') return readMapping(r);
  if (c === '[') return readSequence(r);
  return readScalar(r);
}

function readScalar(r: Reader): string | number | boolean | undefined {
  WORD.lastIndex = r.at;
  const word = WORD.exec(r.text)?.[0] ?? '';
  if (word === '') return undefined;
  r.at += word.length;
  if (INTEGER.test(word)) return Number(word);
  if (word === 'true' || word === 'false') return word === 'true';
  if (!IDENTIFIER.test(word) || NOT_STRINGS.test(word)) return undefined;
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
