import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBank, promptSlug, QuestionSchema, stampIds } from '../src/index';

const SEED = readFileSync(new URL('./fixtures/seed-rnn-quiz.md', import.meta.url), 'utf8');

describe('promptSlug', () => {
  it('keeps the first words that say something, as an id YAML reads as a string', () => {
    expect(promptSlug('What is the size of the matrix $W_{hh}$?')).toBe('size-matrix-w-hh');
    expect(promptSlug('Qu’est-ce qu’un réseau récurrent ?')).toBe('qu-est-ce-qu-un-reseau');
    expect(promptSlug('1984?')).toBe('q-1984');
    expect(promptSlug('Yes?')).toBe('q-yes');
    expect(promptSlug('¿¡…!?')).toBe('q-question');
    for (const p of ['A **bold** `code` prompt', 'x'.repeat(300), '日本語の質問']) {
      expect(QuestionSchema.shape.id.safeParse(promptSlug(p)).success).toBe(true);
    }
  });
});

describe('stampIds', () => {
  it('gives each seed question a distinct id that the importer then reads, and is stable', () => {
    const r = stampIds(SEED, 'seed.md');
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const before = parseBank(SEED, { file: 'seed.md', format: 'md' }).bank?.questions ?? [];
    expect(r.stamps.map((s) => s.was)).toEqual(before.map((q) => q.id));
    const ids = r.stamps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const after = parseBank(r.text, { file: 'seed.md', format: 'md' }).bank?.questions ?? [];
    expect(after.map((q) => q.id)).toEqual(ids);
    const again = stampIds(r.text, 'seed.md');
    expect(again.ok && again.stamps).toEqual([]);
  });

  it('does not take an id another question already has', () => {
    const text =
      '1. Pick one?\n\n- A RIGHT. x\n- B. y\n\n2. Other?\n<!-- quizdeck: {id: pick-one} -->\n- A RIGHT. x\n- B. y\n';
    const r = stampIds(text, 'x.md');
    expect(r.ok && r.stamps.map((s) => s.id)).toEqual(['pick-one-2']);
  });
});
