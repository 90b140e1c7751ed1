import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BankError } from '@quizdeck/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AnkiExportError,
  deckId,
  exportDeck,
  FIELDS,
  type LoadedBank,
  loadBank,
  NOTE_TYPE,
  noteGuid,
} from '../src/index';
import { readApkg } from './read-apkg';

const FIXTURE = new URL('./fixtures/fixture-bank.json', import.meta.url).pathname;
const T1 = 1_750_000_000;
const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest();

let tmp: string;
let loaded: LoadedBank;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quizdeck-anki-'));
  loaded = await loadBank(FIXTURE);
});

describe('exportDeck', () => {
  it('writes one note and one card per question the way Anki stores them', async () => {
    const { apkg, notes } = await exportDeck([loaded], { time: T1 });
    expect(notes).toBe(3);
    const deck = await readApkg(apkg);
    expect(deck.files).toEqual(['0', 'collection.anki2', 'media']);

    const model = deck.models[String(NOTE_TYPE.id)];
    expect(Object.keys(deck.models)).toEqual([String(NOTE_TYPE.id)]);
    expect(model?.name).toBe('quizdeck multiple choice');
    expect(model?.flds.map((f) => f.name)).toEqual([...FIELDS]);
    expect(model?.sortf).toBe(0);

    const did = deckId('Fixture Bank');
    expect(deck.decks[String(did)]?.name).toBe('Fixture Bank');
    expect(deck.notes.map((n) => n.guid)).toEqual(
      ['q1', 'q2', 'q3'].map((q) => noteGuid('fixture-bank', q)),
    );
    expect(new Set(deck.notes.map((n) => n.guid)).size).toBe(3);
    for (const note of deck.notes) {
      expect(note.mid).toBe(NOTE_TYPE.id);
      expect(note.mod).toBe(T1); // seconds, not milliseconds
      expect(note.flds).toHaveLength(FIELDS.length);
    }
    const [q1, q2, q3] = deck.notes;
    // csum: first 8 hex digits of sha1 of the first field with its HTML removed; sfld: same text.
    expect(q1?.sfld).toBe('Which could cause growing weights?');
    expect(q1?.csum).toBe(sha1('Which could cause growing weights?').readUInt32BE(0));
    expect(q3?.sfld).toBe(
      'Injected <img src=x onerror="window.__pwned=1"> and </script><script>window.__pwned=2</script> text',
    );
    expect(q1?.tags).toBe(' course_rnn gradients quizdeck::disputed quizdeck::multi ');
    expect(q2?.tags).toBe(' course_rnn ');
    const field = (note: typeof q1, name: string) => note?.flds[FIELDS.indexOf(name as never)];
    expect(field(q1, 'Answer')).toBe('A, D');
    expect(field(q1, 'Multiple')).toBe('1');
    expect(field(q1, 'Notes')).toContain('qd-dispute');
    expect(field(q2, 'Context')).toContain('data-context="mri"');
    expect(field(q2, 'Context')).toContain('data-context="mri-cnn"');
    expect(field(q2, 'Context')).toContain('\\(h &lt; 200\\) &amp; more');
    expect(field(q2, 'Id')).toBe('fixture-bank/q2');
    // Worked notes under a passage give answers away: back only.
    expect(field(q2, 'Context')).not.toContain('Worked');
    expect(field(q2, 'ContextNotes')).toContain('Worked: so \\(W_&#123;xh&#125;\\) is');

    expect(deck.cards.map((c) => [c.nid, c.did, c.ord, c.due, c.mod, c.type, c.queue])).toEqual(
      deck.notes.map((n, i) => [n.id, did, 0, i + 1, T1, 0, 0]),
    );

    const png = await readFile(new URL('./fixtures/dot.png', import.meta.url));
    const name = `${sha1(png).toString('hex')}.png`;
    expect(deck.media).toEqual({ 0: name });
    expect(Buffer.from(deck.mediaFiles[name] ?? [])).toEqual(png);
    expect(field(q2, 'Explanation')).toContain(`<img src="${name}"`);
  });

  it('re-export after editing a key, an explanation and a prompt updates the same notes', async () => {
    const bank = JSON.parse(await readFile(FIXTURE, 'utf8'));
    bank.questions[1].answer = ['B'];
    bank.questions[1].explanation = 'Corrected: columns follow the hidden size.';
    bank.questions[0].prompt = 'Which could make the weights grow?';
    const edited = join(tmp, 'edited.json');
    await writeFile(edited, JSON.stringify(bank));
    await writeFile(
      join(tmp, 'dot.png'),
      await readFile(new URL('./fixtures/dot.png', import.meta.url)),
    );

    const before = await readApkg((await exportDeck([loaded], { time: T1 })).apkg);
    const after = await readApkg(
      (await exportDeck([await loadBank(edited)], { time: T1 + 60 })).apkg,
    );
    expect(after.notes.map((n) => n.guid)).toEqual(before.notes.map((n) => n.guid));
    expect(Object.keys(after.models)).toEqual(Object.keys(before.models));
    const schema = (d: typeof before) =>
      Object.values(d.models).flatMap((m) => [...m.flds, ...m.tmpls].map((x) => x.id));
    expect(schema(after)).toEqual(schema(before));
    expect(new Set(schema(after)).size).toBe(FIELDS.length + 1);
    expect(Object.keys(after.decks)).toEqual(Object.keys(before.decks));
    expect(after.cards.map((c) => c.did)).toEqual(before.cards.map((c) => c.did));
    for (const [i, note] of after.notes.entries()) {
      expect(note.mod).toBeGreaterThan(before.notes[i]?.mod ?? Infinity);
    }
    const answer = FIELDS.indexOf('Answer');
    expect(after.notes[1]?.flds[answer]).toBe('B');
    expect(after.notes[1]?.flds[FIELDS.indexOf('Explanation')]).toContain('Corrected');
    expect(after.notes[0]?.sfld).toBe('Which could make the weights grow?');
  });

  it('gives byte-identical packages for the same input and time', async () => {
    const a = await exportDeck([loaded], { time: T1 });
    const b = await exportDeck([loaded], { time: T1 });
    expect(Buffer.from(a.apkg).equals(Buffer.from(b.apkg))).toBe(true);
    const c = await exportDeck([loaded], { time: T1 + 1 });
    expect(Buffer.from(a.apkg).equals(Buffer.from(c.apkg))).toBe(false);
  });

  it('puts cards in a given subdeck with its parents, adds tags and the shuffle flag', async () => {
    const { apkg } = await exportDeck([loaded], {
      time: T1,
      deck: 'Course::RNN quiz',
      shuffle: true,
      tags: ['week 3', 'review'],
    });
    const deck = await readApkg(apkg);
    expect(
      Object.values(deck.decks)
        .map((d) => d.name)
        .sort(),
    ).toEqual(['Course', 'Course::RNN quiz', 'Default']);
    expect(deck.cards.every((c) => c.did === deckId('Course::RNN quiz'))).toBe(true);
    expect(deck.notes[1]?.tags).toBe(' course_rnn week_3 review ');
    expect(deck.notes.every((n) => n.flds[FIELDS.indexOf('Shuffle')] === '1')).toBe(true);
  });

  it('puts several banks in one package, each in the deck named after its title', async () => {
    const rnn = await loadBank(new URL('../../../banks/rnn-quiz.md', import.meta.url).pathname);
    const { apkg } = await exportDeck([loaded, rnn], { time: T1 });
    const deck = await readApkg(apkg);
    const n = rnn.bank.questions.length;
    expect(deck.cards.map((c) => c.due)).toEqual(Array.from({ length: 3 + n }, (_, i) => i + 1));
    expect(deck.cards.map((c) => c.did)).toEqual([
      ...Array(3).fill(deckId('Fixture Bank')),
      ...Array(n).fill(deckId(rnn.bank.title)),
    ]);
    expect(deck.notes.slice(3).map((x) => x.guid)).toEqual(
      rnn.bank.questions.map((q) => noteGuid(rnn.bank.id, q.id)),
    );
  });

  it('carries removed questions over from a previous export, tagged quizdeck::retired', async () => {
    const before = await exportDeck([loaded], { time: T1, deck: 'Old::Deck' });
    const bank = JSON.parse(await readFile(FIXTURE, 'utf8'));
    bank.questions.splice(2, 1);
    const file = join(tmp, 'smaller.json');
    await writeFile(file, JSON.stringify(bank));
    await writeFile(
      join(tmp, 'dot.png'),
      await readFile(new URL('./fixtures/dot.png', import.meta.url)),
    );
    const after = await exportDeck([await loadBank(file)], {
      time: T1 + 60,
      previous: { file: 'old.apkg', apkg: before.apkg },
    });
    expect(after.counts?.retired).toBe(1);
    const [old, now] = [await readApkg(before.apkg), await readApkg(after.apkg)];
    expect(now.notes.map((n) => n.guid)).toEqual(old.notes.map((n) => n.guid));
    const retired = now.notes[2];
    expect(retired?.tags).toBe(' course_rnn quizdeck::retired ');
    expect(retired?.flds).toEqual(old.notes[2]?.flds);
    expect(retired?.mod).toBe(T1 + 60);
    expect(now.cards[2]?.did).toBe(deckId('Old::Deck'));
    expect(now.notes.slice(0, 2).every((n) => !n.tags.includes('retired'))).toBe(true);

    await expect(
      exportDeck([loaded], { time: T1, previous: { file: 'junk.apkg', apkg: new Uint8Array(9) } }),
    ).rejects.toThrow(/^junk\.apkg: not a zip file$/);
  });

  it('derives whole-number deck ids from deck names', () => {
    const names = Array.from({ length: 200 }, (_, i) => `Deck ${i}::Sub`);
    const ids = names.map(deckId);
    expect(ids.every((id) => Number.isSafeInteger(id) && id > 1)).toBe(true);
    expect(new Set(ids).size).toBe(200);
    expect(deckId('Deck 7::Sub')).toBe(ids[7]);
  });

  it('refuses deck names with an empty level and an export with no questions', async () => {
    await expect(exportDeck([loaded], { time: T1, deck: 'Course::' })).rejects.toThrow(
      '--deck: deck name "Course::" has an empty level',
    );
    const empty = { ...loaded, bank: { ...loaded.bank, questions: [] } };
    await expect(exportDeck([empty], { time: T1 })).rejects.toThrow(/nothing to export/);
    const { apkg } = await exportDeck([loaded], { time: T1, deck: ' Course :: Week 3 ' });
    expect(Object.values((await readApkg(apkg)).decks).map((d) => d.name)).toContain(
      'Course::Week 3',
    );
  });

  it("puts --deck Default and default::X in Anki's own Default deck, one spelling per deck", async () => {
    const names = async (opts: { deck?: string }, banks = [loaded]) => {
      const deck = await readApkg((await exportDeck(banks, { time: T1, ...opts })).apkg);
      return {
        decks: Object.values(deck.decks)
          .map((d) => `${d.id === 1 ? '1:' : ''}${d.name}`)
          .sort(),
        cards: [...new Set(deck.cards.map((c) => c.did))],
      };
    };
    expect(await names({ deck: 'default' })).toEqual({ decks: ['1:Default'], cards: [1] });
    expect(await names({ deck: 'DEFAULT::Week 3' })).toEqual({
      decks: ['1:Default', 'Default::Week 3'],
      cards: [deckId('Default::Week 3')],
    });
    // Two banks whose titles differ in case only: one deck, the first spelling.
    const other = {
      ...loaded,
      file: FIXTURE.replace('fixture-bank', 'other'),
      bank: { ...loaded.bank, id: 'other', title: 'FIXTURE bank' },
    };
    expect(await names({}, [loaded, other])).toEqual({
      decks: ['1:Default', 'Fixture Bank'],
      cards: [deckId('Fixture Bank')],
    });
  });

  it('says so when the temporary folder for the collection cannot be written', async () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(tmp, 'no-such-folder');
    try {
      const error = await exportDeck([loaded], { time: T1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AnkiExportError);
      expect((error as AnkiExportError).message).toMatch(
        /^cannot write the collection in .*no-such-folder \(ENOENT: .*\); set TMPDIR to a folder with room$/,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('refuses two banks with the same id', async () => {
    await expect(exportDeck([loaded, loaded], { time: T1 })).rejects.toThrow(
      /bank id "fixture-bank" is also the id of/,
    );
  });

  it('names the file and line of a question whose image is missing', async () => {
    const file = join(tmp, 'missing-image.yaml');
    await writeFile(
      file,
      [
        'id: pics',
        'title: Pics',
        'questions:',
        '  - id: p1',
        '    prompt: "See ![plot](nowhere.png)"',
        '    options: [{ key: A, text: yes }, { key: B, text: no }]',
        '    answer: [A]',
        '    multiple: false',
        '',
      ].join('\n'),
    );
    const bank = await loadBank(file);
    const error = await exportDeck([bank], { time: T1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnkiExportError);
    expect((error as AnkiExportError).message).toMatch(
      new RegExp(`^${file}:4: image "nowhere.png" cannot be read`),
    );
  });

  it('stops on an invalid bank with the core file:line messages', async () => {
    const file = join(tmp, 'bad.yaml');
    await writeFile(
      file,
      [
        'id: bad',
        'title: Bad',
        'questions:',
        '  - id: b1',
        '    prompt: Pick one',
        '    options: [{ key: A, text: yes }, { key: B, text: no }]',
        '    answer: [E]',
        '    multiple: false',
        '',
      ].join('\n'),
    );
    const error = await loadBank(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    expect((error as BankError).message).toMatch(new RegExp(`${file}:\\d+:\\d+: error: .*E`));
  });

  it('reports an unknown format or unreadable file as AnkiExportError', async () => {
    const unknown = await loadBank(join(tmp, 'bank.txt')).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'BANK_FORMAT' });
    expect(unknown).toBeInstanceOf(AnkiExportError);
    const missing = await loadBank(join(tmp, 'nope.md')).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'BANK_UNREADABLE' });
    expect((missing as AnkiExportError).message).toBe(
      `${join(tmp, 'nope.md')}: cannot read the bank (no such file)`,
    );
  });
});
