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
  memo.set(close, { src, from, at });
  return at;
}

function scanDelimiter(src: string, from: number, close: string): number {
  for (let i = src.indexOf(close, from); i >= 0; i = src.indexOf(close, i + 1)) {
    if (!isEscaped(src, i, from)) return i;
  }
  return -1;
}

function scanDollar(src: string, from: number): number {
  const stops = /[$\n]/g;
  stops.lastIndex = from;
  for (let m = stops.exec(src); m; m = stops.exec(src)) {
    const i = m.index;
    if (m[0] === '\n') {
      if (/^\n[ \t]*(\n|$)/.test(src.slice(i, i + 80))) return i;
    } else if (
      !isEscaped(src, i, from) &&
      !/\s/.test(src.charAt(i - 1)) &&
      !/\d/.test(src.charAt(i + 1))
    ) {
      return i;
    }
  }
  return -1;
}

/** True when an odd number of backslashes (after `from`) precede index `i`. */
function isEscaped(src: string, i: number, from: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= from && src.charAt(j) === '\\'; j--) n++;
  return n % 2 === 1;
}
