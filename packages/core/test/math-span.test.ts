import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/index';
import { matchMath } from '../src/render/math-span';

// math-span.ts's rules as first written (regular expressions, no memo): the reference.
function referenceMath(src: string, pos: number) {
  const ch = src.charAt(pos);
  if (ch === '\\') {
    const next = src.charAt(pos + 1);
    if (next !== '(' && next !== '[') return undefined;
    return delimited(src, pos, next === '(' ? '\\)' : '\\]', next === '[');
  }
  if (ch !== '$') return undefined;
  if (src.charAt(pos + 1) === '$') return delimited(src, pos, '$$', true);
  if (pos + 1 >= src.length || /\s/.test(src.charAt(pos + 1))) return undefined;
  const stop = scanDollar(src, pos + 1);
  if (stop < 0 || src.charAt(stop) !== '$') return undefined;
  return { tex: src.slice(pos + 1, stop), display: false, end: stop + 1 };
}

function delimited(src: string, pos: number, close: string, display: boolean) {
  let end = -1;
  for (let i = src.indexOf(close, pos + 2); i >= 0; i = src.indexOf(close, i + 1)) {
    if (!isEscaped(src, i, pos + 2)) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const tex = src.slice(pos + 2, end);
  return tex.trim() ? { tex, display, end: end + close.length } : undefined;
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

function isEscaped(src: string, i: number, from: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= from && src.charAt(j) === '\\'; j--) n++;
  return n % 2 === 1;
}

const PIECES = [
  '$',
  '$$',
  '\\',
  '\\(',
  '\\)',
  '\\[',
  '\\]',
  'x',
  '5',
  ' ',
  '\t',
  '\n',
  '\n\n',
  '\u00a0',
  'é',
];

describe('math spans', () => {
  it('are found as the regular-expression rules find them, from every position', () => {
    const random = seededRandom('math-span');
    for (let n = 0; n < 5_000; n++) {
      let src = '';
      for (let k = Math.floor(random() * 20); k > 0; k--) {
        src += PIECES[Math.floor(random() * PIECES.length)];
      }
      if (random() < 0.1) src = `$a\n${' '.repeat(74 + Math.floor(random() * 10))}b$`;
      // Left to right, as the renderers ask (the memo sees that order), then each position alone.
      for (let pos = 0; pos < src.length; pos++) {
        expect(matchMath(src, pos), JSON.stringify([src, pos])).toEqual(referenceMath(src, pos));
      }
      for (let pos = src.length - 1; pos >= 0; pos--) {
        expect(matchMath(src, pos), JSON.stringify([src, pos])).toEqual(referenceMath(src, pos));
      }
    }
  });
});
