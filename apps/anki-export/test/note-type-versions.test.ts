import { describe, expect, it } from 'vitest';
import { cardContentHash, NOTE_TYPE, NOTE_TYPE_VERSIONS } from '../src/index';

describe('note type versions', () => {
  // Anki applies new templates and CSS only when the package's note type mod is newer than the
  // member's: a card change without a new, later entry would reach no one who imported before.
  it('has an entry for the card as it is now, the latest of all', () => {
    const latest = NOTE_TYPE_VERSIONS.at(-1);
    expect(
      latest?.hash,
      'the card (templates, script, CSS or fields) changed: add an entry with a later mod to src/card/note-type-versions.ts',
    ).toBe(cardContentHash(NOTE_TYPE));
    expect(NOTE_TYPE.mod).toBe(latest?.mod);
  });

  it('only ever grows: later entries have later mods, no content twice', () => {
    const mods = NOTE_TYPE_VERSIONS.map((v) => v.mod);
    for (let i = 1; i < mods.length; i++) expect(mods[i]).toBeGreaterThan(mods[i - 1] ?? Infinity);
    expect(new Set(NOTE_TYPE_VERSIONS.map((v) => v.hash)).size).toBe(NOTE_TYPE_VERSIONS.length);
    // Versions members already have: these entries stay as they are.
    expect(NOTE_TYPE_VERSIONS[0]).toMatchObject({
      hash: '24d16a2a82d07dc9f4fb6c5f788e894dd5c3a162872b96ea21189c59b4780656',
      mod: 1_764_000_000,
    });
  });

  it('changes its hash with any of templates, CSS and fields', () => {
    const base = cardContentHash(NOTE_TYPE);
    const [template] = NOTE_TYPE.templates;
    if (!template) throw new Error('no template');
    const variants = [
      { ...NOTE_TYPE, css: `${NOTE_TYPE.css} ` },
      { ...NOTE_TYPE, templates: [{ ...template, qfmt: `${template.qfmt} ` }] },
      { ...NOTE_TYPE, templates: [{ ...template, afmt: `${template.afmt} ` }] },
      { ...NOTE_TYPE, fields: [...NOTE_TYPE.fields, 'Extra'] },
    ];
    for (const v of variants) expect(cardContentHash(v)).not.toBe(base);
  });
});
