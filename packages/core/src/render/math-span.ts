export interface MathSpan {
  tex: string;
  display: boolean;
  /** Index just past the closing delimiter. */
  end: number;
}

/**
 * Matches TeX at `pos`: `$$…$$` and `\[…\]` (display), `$…$` and `\(…\)` (inline).
 * A single `$` opens math only before a non-space and closes only after a non-space and not before
 * a digit (Pandoc's rule), so prices such as "$5 and $10" stay text. `\$` is a dollar sign.
 */
export function matchMath(src: string, pos: number): MathSpan | undefined {
  const ch = src.charAt(pos);
  if (ch === '\\') {
    const next = src.charAt(pos + 1);
    if (next !== '(' && next !== '[') return undefined;
    const close = next === '(' ? '\\)' : '\\]';
    const end = findClosing(src, pos + 2, close);
    if (end < 0) return undefined;
    const tex = src.slice(pos + 2, end);
    return tex.trim() ? { tex, display: next === '[', end: end + 2 } : undefined;
  }
  if (ch !== '$') return undefined;
  if (src.charAt(pos + 1) === '$') {
    const end = findClosing(src, pos + 2, '$$');
    if (end < 0) return undefined;
    const tex = src.slice(pos + 2, end);
    return tex.trim() ? { tex, display: true, end: end + 2 } : undefined;
  }
  if (/\s/.test(src.charAt(pos + 1)) || pos + 1 >= src.length) return undefined;
  for (let i = pos + 1; i < src.length; i++) {
    const c = src.charAt(i);
    if (c === '\\') i++;
    else if (c === '\n' && src.charAt(i + 1) === '\n') return undefined;
    else if (c === '$' && !/\s/.test(src.charAt(i - 1)) && !/\d/.test(src.charAt(i + 1))) {
      return { tex: src.slice(pos + 1, i), display: false, end: i + 1 };
    }
  }
  return undefined;
}

function findClosing(src: string, from: number, close: string): number {
  for (let i = from; i < src.length; i++) {
    if (src.startsWith(close, i)) return i;
    if (src.charAt(i) === '\\') i++;
  }
  return -1;
}
