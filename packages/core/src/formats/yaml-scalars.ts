// How YAML 1.2's core schema (the `yaml` package's default) reads a plain scalar.
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** The value of a plain scalar: null, a boolean, a number, or the text itself. */
export function resolvePlain(raw: string): unknown {
  const c = raw.charCodeAt(0);
  const digitish = (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
  if (!digitish) {
    if (raw.length > 5) return raw;
    switch (raw) {
      case '~':
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
      default:
        return raw;
    }
  }
  if (INT.test(raw)) {
    const sign = raw.charCodeAt(0) === 45 ? -1 : 1;
    return sign * Number.parseInt(raw.replace(/^[-+]/, ''), 10);
  }
  if (/^0o[0-7]+$/.test(raw)) return Number.parseInt(raw.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return Number.parseInt(raw.slice(2), 16);
  if (FLOAT.test(raw)) return Number.parseFloat(raw);
  if (INF.test(raw))
    return raw.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (NAN.test(raw)) return Number.NaN;
  return raw;
}

const SIMPLE: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The text of a one-line double-quoted scalar's inside; undefined for an escape YAML refuses. */
export function unescapeDoubleQuoted(inner: string): string | undefined {
  let out = '';
  let from = 0;
  for (let i = inner.indexOf('\\'); i !== -1; i = inner.indexOf('\\', from)) {
    out += inner.slice(from, i);
    const e = inner[i + 1] ?? '';
    const simple = SIMPLE[e];
    if (simple !== undefined) {
      out += simple;
      from = i + 2;
      continue;
    }
    const len = HEX_LENGTH[e];
    if (len === undefined) return undefined;
    const hex = inner.slice(i + 2, i + 2 + len);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) return undefined;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    from = i + 2 + len;
  }
  return out + inner.slice(from);
}
