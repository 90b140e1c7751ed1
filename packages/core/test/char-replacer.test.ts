import { describe, expect, it } from 'vitest';
import { escapeHtml, seededRandom } from '../src/index';
import { charReplacer } from '../src/render/char-replacer';
import { finishHtml } from '../src/render/html-safety';

const ALPHABET = [
  'a',
  'Z',
  '0',
  ' ',
  '\n',
  '&',
  '<',
  '>',
  '"',
  "'",
  '{',
  '}',
  '\\',
  '\u0001',
  'é',
  '×',
  '😀',
  '\u2060',
  '&amp;',
];

function randomTexts(seed: string, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let s = '';
    const length = Math.floor(random() * 40);
    for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return s;
  });
}

/** The plain way: one regular-expression replacement with a lookup per match. */
function reference(map: Record<string, string>): (text: string) => string {
  const find = new RegExp(
    `[${Object.keys(map)
      .map((ch) => `\\${ch}`)
      .join('')}]`,
    'g',
  );
  return (text) => text.replace(find, (ch) => map[ch] ?? ch);
}

describe('charReplacer', () => {
  it('replaces exactly what one regular-expression replacement does', () => {
    const maps: Record<string, string>[] = [
      { '&': '&amp;', '<': '&lt;' },
      { '{': 'X', a: '\\' },
      { '\\': '\\&#8288;', '\n': ' ' },
    ];
    for (const map of maps) {
      const fast = charReplacer(map);
      const slow = reference(map);
      for (const text of randomTexts(JSON.stringify(map), 5_000)) {
        expect(fast(text), JSON.stringify(text)).toBe(slow(text));
      }
    }
  });

  it('returns a text with nothing to replace as it is, and refuses what it cannot replace', () => {
    expect(charReplacer({ '&': '&amp;' })('plain')).toBe('plain');
    expect(() => charReplacer({ é: 'e' })).toThrow(RangeError);
    expect(() => charReplacer({ ab: 'x' })).toThrow(RangeError);
  });

  it('gives escapeHtml and finishHtml their documented replacements', () => {
    const escapeRef = reference({
      '&': '&amp;',
      '<': '&lt;',
      '>': '&gt;',
      '"': '&quot;',
      "'": '&#39;',
      '{': '&#123;',
      '}': '&#125;',
    });
    const finish = (html: string) =>
      html
        .replace(/[\\{}]/g, (ch) => ({ '\\': '\\&#8288;', '{': '&#123;', '}': '&#125;' })[ch] ?? ch)
        .replaceAll('\u0001', '\\');
    for (const text of randomTexts('escape-finish', 10_000)) {
      expect(escapeHtml(text), JSON.stringify(text)).toBe(escapeRef(text));
      expect(finishHtml(text), JSON.stringify(text)).toBe(finish(text));
    }
  });
});
