import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAX_NESTING } from '../src/formats/nesting';
import { generateBank, parseFlowYaml, seededRandom, serializeBank } from '../src/index';

// Pieces on the edges of the subset: indicators, spacing, scalars YAML reads as non-strings.
const FRAGMENTS = [
  '{',
  '}',
  '[',
  ']',
  ', ',
  ',',
  ': ',
  ':',
  ' ',
  '  ',
  'id',
  'q1',
  'a-b',
  'gru/kernel',
  'a.b',
  '/x',
  'x/',
  '_x',
  'true',
  'false',
  'True',
  'NULL',
  'null',
  '~',
  '0',
  '7',
  '007',
  '1.5',
  '-1',
  '0x1f',
  '.inf',
  '1e3',
  '"q"',
  "'q'",
  '#',
  '\t',
  '\n',
  '&a',
  '*a',
  '!t',
  '?',
  '__proto__',
  'é',
];

/** yaml's answer, or `undefined` when it refuses the text. */
function reference(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

function randomFlow(random: () => number, depth = 0): string {
  const word = () =>
    ['id', 'q1', 'lstm', 'x_2', 'true', '12', '0', 'a-b'][Math.floor(random() * 8)];
  const value = (): string =>
    depth < 3 && random() < 0.3 ? randomFlow(random, depth + 1) : (word() as string);
  const n = Math.floor(random() * 4);
  if (random() < 0.5) {
    const keys = Array.from(
      { length: n },
      (_, i) => `k${Math.floor(random() * 6)}${i % 2 ? '' : '_'}`,
    );
    return `{ ${keys.map((k) => `${k}: ${value()}`).join(', ')} }`;
  }
  return `[${Array.from({ length: n }, value).join(', ')}]`;
}

describe('parseFlowYaml, the fast path for annotations', () => {
  it('gives what yaml gives wherever it answers, on fragment soup', () => {
    const random = seededRandom('flow-yaml-soup');
    let answered = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 14);
      for (let i = 0; i < length; i++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
      const quick = parseFlowYaml(text);
      if (quick === undefined) continue;
      answered++;
      expect(quick, JSON.stringify(text)).toEqual(reference(text));
    }
    expect(answered).toBeGreaterThan(300);
  });

  it('gives what yaml gives on nested flow mappings and sequences', () => {
    const random = seededRandom('flow-yaml-nested');
    let answered = 0;
    for (let n = 0; n < 5_000; n++) {
      const text = randomFlow(random);
      const quick = parseFlowYaml(text);
      if (quick === undefined) continue;
      answered++;
      expect(quick, text).toEqual(reference(text));
    }
    expect(answered).toBeGreaterThan(3_000); // duplicate keys are left to yaml
  });

  it('reads every annotation of a generated bank itself', () => {
    const md = serializeBank(generateBank({ count: 200, seed: 'flow-yaml' }), 'md');
    const annotations = [...md.matchAll(/<!-- quizdeck:(.*) -->/g)].map((m) => m[1] ?? '');
    expect(annotations.length).toBeGreaterThanOrEqual(200);
    for (const text of annotations) {
      expect(parseFlowYaml(text), text).toEqual(reference(text));
      expect(parseFlowYaml(text), text).toBeDefined();
    }
  });

  it('gives what yaml gives when keys alike in first char, last char and length follow each other', () => {
    // Such keys share a slot of the parser's memory of recent keys: each must still be read as written.
    const random = seededRandom('flow-yaml-alike-keys');
    const alike = ['ab1z', 'ab2z', 'a__z', 'aXYz', 'a-/z', 'a12z', 'a.bz'];
    const pick = () => alike[Math.floor(random() * alike.length)] as string;
    for (let n = 0; n < 2_000; n++) {
      const inner = `{ ${pick()}: ${pick()} }`;
      const text = `{ ${pick()}: ${inner}, ${pick()}: [ ${pick()} ] }`;
      expect(parseFlowYaml(text), text).toEqual(reference(text));
    }
  });

  it('reads nesting up to MAX_NESTING, empty collections included, and leaves deeper to yaml', () => {
    const nested = (n: number, inner = '') => `${'[ '.repeat(n)}${inner}${' ]'.repeat(n)}`;
    for (const text of [
      nested(MAX_NESTING),
      nested(MAX_NESTING - 1, '{}'),
      nested(3, '{ a: [] }'),
    ]) {
      expect(parseFlowYaml(text), text).toEqual(reference(text));
    }
    expect(parseFlowYaml(nested(MAX_NESTING, '{}'))).toBeUndefined();
    expect(parseFlowYaml(nested(MAX_NESTING + 1))).toBeUndefined();
    expect(parseFlowYaml(`{ a: ${nested(100_000, 'x')} }`)).toBeUndefined();
  });

  it('leaves to yaml what it cannot vouch for', () => {
    for (const text of [
      '{ a: 1, a: 2 }',
      '{a:1}',
      '{ a: True }',
      '{ a: "q" }',
      '{ a: b c }',
      '{ a: 1.5 }',
      '{ a: 007 }',
      '{ __proto__: x }',
      '{ a: b, }',
      '{ a:\n b }',
      '{ a: b } # note',
    ]) {
      expect(parseFlowYaml(text), text).toBeUndefined();
    }
  });
});
