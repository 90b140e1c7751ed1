import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readFastYaml } from '../src/formats/yaml-fast';
import {
  formatDiagnostic,
  generateBank,
  parseBank,
  seededRandom,
  serializeBank,
} from '../src/index';

const lines = (text: string, format: 'yaml' | 'json') =>
  parseBank(text, { file: `b.${format}`, format }).diagnostics.map(formatDiagnostic);

describe('the fast YAML reader', () => {
  // Each case is read by the fast reader or left to the yaml library, never read differently.
  const cases = [
    'a: 1\nb: x\n',
    'a:\n- 1\n- two\n',
    'a: |\n  x\n\n  y\n\nb: 2\n',
    'a: |+\n  x\n\n\nb: 2\n',
    'a: >-\n  x\n  y\n\n  z\nb: 2\n',
    'a: >\n  x\n  y\n',
    "a: 'it''s'\n",
    'a: "q\\"x\\u00e9\\n\\t"\n',
    'a: ~\nb: null\nc: true\nd: 0x1F\ne: 0o17\nf: -1.5e3\ng: .inf\nh: .nan\ni: 007\nj: +3\nk: 1.\n',
    'a: x # c\nb: "y" # c\n#x\nc: [] # c\nd: {}\n',
    '---\nq:\n  - id: a\n    options:\n      - key: A\n        text: "1"\n      -   key: B\n          text: two\n    answer:\n    - A\n',
    'a: http://x.y/z\nb: a:b\nc: 12:30\nd: yes\n',
    'a:\n  b:\n    c: d\n  e: f\n',
    'a: |-\n    indented\n      more\n    back\n',
    'a:\n\n  b: 1\n',
    '- a\n- b: 1\n  c: 2\n-\n  - x\n',
    '"quoted key": 1\n\'single\': 2\n',
    'a: x\n  y\n',
    'a: *b\n',
    'a: &b 1\n',
    'a: [1, 2]\n',
    'a: "multi\n  line"\n',
    'a: -5\nb: - x\n',
    'k: v\nk: w\n',
    'a: 1\n---\nb: 2\n',
    'a:\tb\n',
    'a: |\n  x\n  y',
  ];
  it.each(cases)('%j', (text) => {
    let want: unknown;
    let failed = false;
    try {
      want = parse(text, { uniqueKeys: true });
    } catch {
      failed = true;
    }
    const got = readFastYaml(text);
    if (got !== undefined) {
      expect(failed).toBe(false);
      expect(got.value).toStrictEqual(want);
    }
  });

  it('reads what serializeBank writes, and random strings in every field, as yaml does', () => {
    const random = seededRandom('fast-yaml');
    const pieces = [
      'a',
      ' ',
      ': ',
      ' #',
      '#',
      '"',
      "'",
      '\\',
      '\n',
      '\n\n',
      '  ',
      '- ',
      '|',
      '>',
      '[',
      ']',
      '{',
      '}',
      '*',
      '&',
      '!',
      '%',
      '@',
      '`',
      '1',
      '0x',
      '.5',
      'true',
      'null',
      '~',
      'é',
      '\t',
      ':',
    ];
    let fast = 0;
    for (let n = 0; n < 300; n++) {
      const word = () =>
        Array.from(
          { length: 1 + Math.floor(random() * 6) },
          () => pieces[Math.floor(random() * pieces.length)],
        ).join('');
      const data = {
        id: 'x',
        title: word(),
        tags: [word(), word()],
        questions: [
          { prompt: word(), options: [{ key: 'A', text: word() }], n: random() > 0.5 ? word() : 3 },
        ],
      };
      const text = stringify(data, { lineWidth: random() > 0.5 ? 0 : 20 });
      const got = readFastYaml(text);
      if (got === undefined) continue;
      fast++;
      expect(isDeepStrictEqual(got.value, parse(text)), text).toBe(true);
    }
    expect(fast).toBeGreaterThan(150);
    const bank = generateBank({ count: 50, seed: 'fast' });
    const text = serializeBank(bank, 'yaml');
    expect(readFastYaml(text)?.value).toStrictEqual(parse(text));
  });
});

describe('YAML and JSON banks: one parse, positions, limits', () => {
  const yamlBank = [
    'id: b',
    'title: B',
    'questions:',
    '  - id: q1',
    '    prompt: Which?',
    '    options:',
    '      - key: A',
    '        text: one',
    '      - key: B',
    '        txt: two',
    '    answer: [A]',
    '    multiple: false',
    '    explenation: why',
    '',
  ].join('\n');

  it('warns about unknown keys at their line with the closest known key, in YAML and JSON', () => {
    expect(lines(yamlBank, 'yaml')).toEqual([
      'b.yaml:9:9: error: questions[0].options[1].text: required field is missing',
      'b.yaml:10:9: warning: questions[0].options[1]: unknown key "txt" (did you mean "text"?); it is ignored',
      'b.yaml:13:5: warning: questions[0]: unknown key "explenation" (did you mean "explanation"?); it is ignored',
    ]);
    const json = JSON.stringify(parse(yamlBank), null, 2);
    expect(lines(json, 'json')).toEqual([
      'b.json:13:9: error: questions[0].options[1].text: required field is missing',
      'b.json:15:11: warning: questions[0].options[1]: unknown key "txt" (did you mean "text"?); it is ignored',
      'b.json:22:7: warning: questions[0]: unknown key "explenation" (did you mean "explanation"?); it is ignored',
    ]);
  });

  it('escapes control characters of an unknown key in the message', () => {
    const text = 'id: b\ntitle: B\n"\\e]0;pwned\\a": 1\nquestions: []\n';
    expect(lines(text, 'yaml')).toEqual([
      'b.yaml:3:1: warning: bank: unknown key "\\u001b]0;pwned\\u0007"; it is ignored',
    ]);
  });

  it('gives the same locations through the fast reader, the full parser and JSON', () => {
    const bank = generateBank({ count: 5, seed: 'loc' });
    const yaml = serializeBank(bank, 'yaml');
    const fast = parseBank(yaml, { file: 'a', format: 'yaml' });
    // An anchor nobody uses sends the same text to the full parser.
    const full = parseBank(yaml.replace('questions:', 'questions: &qs'), {
      file: 'a',
      format: 'yaml',
    });
    expect(fast.bank).toStrictEqual(bank);
    expect(full.bank).toStrictEqual(bank);
    expect(full.locations).toStrictEqual(fast.locations);
    const json = parseBank(serializeBank(bank, 'json'), { file: 'a', format: 'json' });
    expect(json.bank).toStrictEqual(bank);
    expect(json.locations.questions.q1).toEqual({ line: 12, col: 5 });
  });

  it('never throws: aliases, depth and duplicate documents are diagnostics', () => {
    const deepJson = `{"questions": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const deepYaml = `questions:${' ['.repeat(5000)}${' ]'.repeat(5000)}\n`;
    const blockDeep = `questions:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2 + 2)}- `).join('\n')}x\n`;
    expect(lines(deepJson, 'json')).toEqual([
      'b.json:1:78: error: JSON nested more than 64 levels deep; a bank needs fewer than 10',
    ]);
    expect(lines(deepYaml, 'yaml')).toEqual([
      'b.yaml:1:140: error: YAML nested more than 64 levels deep; a bank needs fewer than 10',
    ]);
    expect(lines(blockDeep, 'yaml')[0]).toMatch(
      /^b\.yaml:\d+:\d+: error: YAML nested more than 64/,
    );
    expect(lines('id: a\ntitle: *important*\n', 'yaml')).toEqual([
      'b.yaml:2:8: error: YAML alias "*important*" has no anchor (&important*) before it',
    ]);
    expect(lines('a: &x [*x]\n', 'yaml')).toEqual([
      'b.yaml:1:8: error: YAML alias "*x" has no anchor (&x) before it',
    ]);
    expect(lines('a: 1\n---\nb: 2\n', 'yaml')).toEqual([
      'b.yaml:2:1: error: a bank file holds one document',
    ]);
    const ok = 'id: a\ntitle: &t T\ndescription: *t\nquestions: []\n';
    expect(parseBank(ok, { file: 'b', format: 'yaml' }).bank?.description).toBe('T');
  });
});

describe('a bank of nothing but unknown keys', () => {
  it('lists 100 of them and counts the rest, quickly', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const text = `id: a\ntitle: T\n${keys}\nquestions: []\n`;
    const found = parseBank(text, { file: 'b.yaml', format: 'yaml' }).diagnostics;
    expect(found).toHaveLength(101);
    expect(formatDiagnostic(found[0] as never)).toBe(
      'b.yaml:3:1: warning: bank: unknown key "k0"; it is ignored',
    );
    expect(found.at(-1)?.message).toBe(
      '199,900 more unknown keys are not listed; they are ignored',
    );
  });
});
