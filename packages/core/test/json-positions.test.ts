import { describe, expect, it } from 'vitest';
import { jsonPositions } from '../src/formats/json-positions';
import { MAX_NESTING } from '../src/formats/nesting';
import type { PosTree } from '../src/formats/pos-tree';
import { lineStarts } from '../src/formats/position';
import { generateBank, seededRandom, serializeBank } from '../src/index';

// With `keep`, containers below the kept levels are passed over by a loop of their own (quotes and
// brackets only); without it every value goes through the general one. The two must agree: the
// kept tree is the full tree cut at `keep` levels, and the nesting limit is found at the same place.
// Both give the line starts a scan of the text for `\n` finds.

type Random = () => number;

/** The full tree with nothing recorded below `keep` levels (containers there keep their start). */
function cut(node: PosTree, keep: number, depth = 0): PosTree {
  if (typeof node === 'number') return node;
  const below = depth >= keep;
  if ('items' in node) {
    return { at: node.at, items: below ? [] : node.items.map((n) => cut(n, keep, depth + 1)) };
  }
  return {
    at: node.at,
    keys: below ? [] : [...node.keys],
    keyAt: below ? [] : [...node.keyAt],
    values: below ? [] : node.values.map((n) => cut(n, keep, depth + 1)),
  };
}

const STRINGS = [
  '',
  'a',
  '"',
  '\\',
  '\\"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'é',
  '\n',
  '\u2028',
  'x y',
];

function randomValue(random: Random, depth: number): unknown {
  const pick = random();
  if (depth < 8 && pick < 0.25) {
    return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  }
  if (depth < 8 && pick < 0.5) {
    const out: Record<string, unknown> = {};
    for (let i = Math.floor(random() * 4); i > 0; i--) {
      out[randomString(random)] = randomValue(random, depth + 1);
    }
    return out;
  }
  if (pick < 0.6) return Math.floor(random() * 2000) - 1000;
  if (pick < 0.65) return random() * 1e21;
  if (pick < 0.7) return random() < 0.5;
  if (pick < 0.75) return null;
  return randomString(random);
}

function randomString(random: Random): string {
  let s = '';
  for (let i = Math.floor(random() * 4); i > 0; i--) {
    s += STRINGS[Math.floor(random() * STRINGS.length)];
  }
  return s;
}

/** JSON.stringify's text with whitespace (spaces, tabs, CR, LF) added between tokens at random. */
function spaced(value: unknown, random: Random): string {
  const compact = JSON.stringify(value);
  const ws = [' ', '\n', '\t', '\r\n', '  '];
  let out = '';
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i] as string;
    out += c;
    if (inString) {
      if (c === '\\') out += compact[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    if (!inString && '{}[],:'.includes(c) && random() < 0.4) {
      out += ws[Math.floor(random() * ws.length)];
    }
  }
  return out;
}

function agreeAt(text: string): void {
  const full = jsonPositions(text);
  const starts = lineStarts(text);
  if ('tree' in full) expect([...full.lineStarts]).toEqual(starts);
  for (const keep of [0, 1, 2, 3, 5]) {
    const kept = jsonPositions(text, keep);
    if ('tooDeep' in full || 'tooDeep' in kept) expect(kept, text).toEqual(full);
    else {
      expect(kept.tree, text).toEqual(cut(full.tree, keep));
      expect([...kept.lineStarts], text).toEqual(starts);
    }
  }
}

describe('jsonPositions with kept levels', () => {
  it('is the full tree cut at those levels, on random JSON in random layouts', () => {
    const random = seededRandom('json-positions');
    for (let n = 0; n < 3000; n++) {
      const value = randomValue(random, 0);
      const text =
        random() < 0.3
          ? JSON.stringify(value, null, random() < 0.5 ? 2 : '\t')
          : spaced(value, random);
      expect(JSON.parse(text)).toEqual(value);
      agreeAt(text);
    }
  });

  it('is the full tree cut at those levels on a generated bank', () => {
    const text = serializeBank(generateBank({ count: 40, seed: 'json-positions' }), 'json');
    agreeAt(text);
    const kept = jsonPositions(text, 2);
    if (!('tree' in kept) || typeof kept.tree === 'number' || 'items' in kept.tree) {
      throw new Error('no object tree');
    }
    const questions = kept.tree.values[kept.tree.keys.indexOf('questions')];
    expect(questions).toMatchObject({ items: expect.any(Array) });
    expect((questions as { items: unknown[] }).items).toHaveLength(40);
  });

  it('finds the nesting limit at the same bracket, however deep it starts', () => {
    for (const before of [0, 1, 2, 3, 10, MAX_NESTING - 1]) {
      for (const extra of [0, 1, 2]) {
        const depth = MAX_NESTING + extra - before;
        const inner = `${'[{"k":'.repeat(depth)}"x"${'}]'.repeat(depth)}`;
        const text = `${'['.repeat(before)}${inner}${']'.repeat(before)}`;
        agreeAt(text);
        agreeAt(`[1, "\\"[", ${text}]`);
      }
    }
    const deep = `{"a": [${'['.repeat(5000)}${']'.repeat(5000)}]}`;
    expect(jsonPositions(deep, 1)).toEqual({ tooDeep: 7 + MAX_NESTING - 2 });
    agreeAt(deep);
  });
});
