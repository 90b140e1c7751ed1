import { seededRandom } from '@quizdeck/core';
import { describe, expect, it } from 'vitest';
import { ankiTags, tagString } from '../src/apkg/note-row';
import { decodeEntities, NAMED, stripTags } from '../src/apkg/strip-html';
import { stripHtmlPreservingMedia } from '../src/index';

// Anki's strip_html expression, the reference stripTags is held to.
const ANKI_STRIP_HTML =
  /(<!--.*?-->)|(<style.*?>.*?<\/style>)|(<script.*?>.*?<\/script>)|(<.*?>)/gis;

const PIECES = [
  '<',
  '>',
  '<p>',
  '</p>',
  'text',
  ' ',
  '\n',
  '<!--',
  '-->',
  '<!-->',
  '<style>',
  '<STYLE x="1">',
  '</style>',
  '</Style>',
  '</style',
  '<script>',
  '<Script',
  '</SCRIPT>',
  '</script >',
  '<stylesheet>',
  'ſ',
  'K',
  '<img src="a.png">',
  '&amp;',
  '&#123;',
  '×',
];

function randomHtml(random: () => number): string {
  let s = '';
  for (let k = Math.floor(random() * 16); k > 0; k--) {
    s += PIECES[Math.floor(random() * PIECES.length)];
  }
  return s;
}

describe("Anki's sort field text", () => {
  it("strips tags exactly as Anki's strip_html expression does", () => {
    const random = seededRandom('strip-html');
    for (let n = 0; n < 20_000; n++) {
      const html = randomHtml(random);
      expect(stripTags(html), JSON.stringify(html)).toBe(html.replace(ANKI_STRIP_HTML, ''));
    }
  });

  it('decodes entities exactly as the expression it was first written with', () => {
    const named = NAMED;
    const reference = (text: string) =>
      text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
        if (name[0] === '#') {
          const code =
            name[1] === 'x' || name[1] === 'X'
              ? Number.parseInt(name.slice(2), 16)
              : +name.slice(1);
          return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        const key = name.toLowerCase();
        return Object.hasOwn(named, key) ? (named[key] as string) : whole;
      });
    const pieces = [
      '&',
      '#',
      'x',
      'X',
      ';',
      'amp',
      'AMP',
      'lt',
      'nbsp',
      'zz',
      '1',
      '12',
      'f',
      'G',
      '9999999',
      ' ',
      'é',
      'ſ',
      'constructor',
      'toString',
      '__proto__',
    ];
    const random = seededRandom('entities');
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let k = Math.floor(random() * 14); k > 0; k--) {
        text += pieces[Math.floor(random() * pieces.length)];
      }
      expect(decodeEntities(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it("leaves names of Object.prototype's members as they are (no entity)", () => {
    for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      expect(decodeEntities(`a &${name}; b`)).toBe(`a &${name}; b`);
    }
  });

  it('keeps media file names and decodes entities', () => {
    expect(stripHtmlPreservingMedia('<p>a &amp; <img src="x.png"> b</p>')).toBe('a &  x.png  b');
  });
});

describe('Anki tags', () => {
  // The rule as first written: trim, whitespace runs to `_`, empty and repeated tags dropped.
  const reference = (tags: readonly string[]) => [
    ...new Set(tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean)),
  ];

  it('cleans short and long tag lists as the plain definition does', () => {
    const random = seededRandom('anki-tags');
    const words = ['a', 'b', 'a b', ' a ', '', ' ', 'x\ty', 'a_b', 'quizdeck::multi', '\u00a0c'];
    for (let n = 0; n < 2_000; n++) {
      const length = Math.floor(random() * 80);
      const tags = Array.from({ length }, () => words[Math.floor(random() * words.length)] ?? '');
      const clean = reference(tags);
      expect(ankiTags(tags), JSON.stringify(tags)).toEqual(clean);
      expect(tagString(tags)).toBe(clean.length ? ` ${clean.join(' ')} ` : '');
    }
  });
});
