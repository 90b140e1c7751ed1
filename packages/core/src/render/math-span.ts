export interface MathSpan {
  tex: string;
  display: boolean;
  /** Index just past the closing delimiter. */
  end: number;
}

/**
 * Matches TeX at `pos`: `$$…$$` and `\[…\]` (display), `$…$` and `\(…\)` (inline).
 * A single `$` opens math only before a non-space and closes only after a non-space and not before
 * a digit (Pandoc's rule), so prices such as "$5 and $10" stay text; inline math does not cross a
 * blank line. `\$` is a dollar sign.
 */
export function matchMath(src: string, pos: number): MathSpan | undefined {
  const ch = src.charAt(pos);
  if (ch === '\\') {
    const next = src.charAt(pos + 1);
    if (next !== '(' && next !== '[') return undefined;
    return delimited(src, pos, next === '(' ? '\\)' : '\\]', next === '[');
  }
  if (ch !== '$') return undefined;
  if (src.charAt(pos + 1) === '$') return delimited(src, pos, '$$', true);
  if (pos + 1 >= src.length || /\s/.test(src.charAt(pos + 1))) return undefined;
  const stop = nextStop(src, pos + 1, '$');
  if (stop < 0 || src.charAt(stop) !== '$') return undefined;
  return { tex: src.slice(pos + 1, stop), display: false, end: stop + 1 };
}

function delimited(src: string, pos: number, close: string, display: boolean) {
  const end = nextStop(src, pos + 2, close);
  if (end < 0) return undefined;
  const tex = src.slice(pos + 2, end);
  return tex.trim() ? { tex, display, end: end + close.length } : undefined;
}

// Callers scan a text from left to right, asking from each opening delimiter where the next
// closing one is. Where that is does not depend on the opener, so the last answer is kept per
// delimiter: text full of unmatched `$` stays linear to scan instead of quadratic.
const memo = new Map<string, { src: string; from: number; at: number }>();

/**
 * Index of the first closing `close` at or after `from` (`-1` when none). For a single `$` the stop
 * can also be a blank line (the index of its first newline), where inline math ends unclosed.
 */
function nextStop(src: string, from: number, close: string): number {
  const m = memo.get(close);
  if (m && m.src === src && m.from <= from && (m.at < 0 || m.at >= from)) return m.at;
  const at = close === '$' ? scanDollar(src, from) : scanDelimiter(src, from, close);
  if (m) {
    m.src = src;
    m.from = from;
    m.at = at;
  } else {
    memo.set(close, { src, from, at });
  }
  return at;
}

function scanDelimiter(src: string, from: number, close: string): number {
  for (let i = src.indexOf(close, from); i >= 0; i = src.indexOf(close, i + 1)) {
    if (!isEscaped(src, i, from)) return i;
  }
  return -1;
}

const SPACE_AT = /\s/y;

function scanDollar(src: string, from: number): number {
  for (let i = src.indexOf('$', from), nl = src.indexOf('\n', from); i >= 0 || nl >= 0; ) {
    if (nl >= 0 && (i < 0 || nl < i)) {
      if (blankLineAt(src, nl)) return nl;
      nl = src.indexOf('\n', nl + 1);
    } else {
      if (!isEscaped(src, i, from) && !isSpaceAt(src, i - 1) && !isDigitAt(src, i + 1)) return i;
      i = src.indexOf('$', i + 1);
    }
  }
  return -1;
}

/**
 * Whether the newline at `i` starts a blank line: only spaces and tabs up to the next newline or
 * the end, looking no further than 80 characters (as `/^\n[ \t]*(\n|$)/` on the next 80).
 */
function blankLineAt(src: string, i: number): boolean {
  const limit = Math.min(i + 80, src.length);
  let j = i + 1;
  while (j < limit && (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9)) j++;
  return j === limit || src.charCodeAt(j) === 10;
}

function isSpaceAt(src: string, i: number): boolean {
  if (i < 0) return false;
  SPACE_AT.lastIndex = i;
  return SPACE_AT.test(src);
}

function isDigitAt(src: string, i: number): boolean {
  const c = src.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** True when an odd number of backslashes (after `from`) precede index `i`. */
function isEscaped(src: string, i: number, from: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= from && src.charAt(j) === '\\'; j--) n++;
  return n % 2 === 1;
}
