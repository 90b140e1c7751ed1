// Re-exports against the previous export, read back: what members' Anki would update, and what not.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AnkiExportError,
  CARD_CSS,
  exportDeck,
  FIELDS,
  type LoadedBank,
  loadBank,
  NOTE_TYPE,
  NOTE_TYPE_VERSIONS,
  noteGuid,
} from '../src/index';
import { readApkg } from './read-apkg';

const FIXTURE = new URL('./fixtures/fixture-bank.json', import.meta.url).pathname;
const T1 = 1_750_000_000;
const T2 = T1 + 3_600;
const T3 = T2 + 3_600;

let tmp: string;
let loaded: LoadedBank;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'quizdeck-reexport-'));
  await writeFile(
    join(tmp, 'dot.png'),
    await readFile(new URL('./fixtures/dot.png', import.meta.url)),
  );
  loaded = await loadBank(FIXTURE);
});

/** The fixture bank, edited, loaded from a file next to its image. */
async function edited(change: (bank: { questions: Record<string, unknown>[] }) => void) {
  const bank = JSON.parse(await readFile(FIXTURE, 'utf8'));
  change(bank);
  const file = join(tmp, `edited-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(bank));
  return loadBank(file);
}

const previous = (apkg: Uint8Array) => ({ file: 'before.apkg', apkg });
const field = (name: (typeof FIELDS)[number]) => FIELDS.indexOf(name);

describe('re-export against the previous export', () => {
  it('keeps the id and mod of unchanged notes, and the same input gives the same bytes', async () => {
    const first = await exportDeck([loaded], { time: T1 });
    const again = await exportDeck([loaded], { time: T2, previous: previous(first.apkg) });
    expect(again.counts).toEqual({ changed: 0, unchanged: 3, new: 0, retired: 0 });
    const [before, after] = [await readApkg(first.apkg), await readApkg(again.apkg)];
    expect(after.notes.map((n) => [n.guid, n.id, n.mod, n.tags, n.flds])).toEqual(
      before.notes.map((n) => [n.guid, n.id, n.mod, n.tags, n.flds]),
    );
    expect(after.cards.map((c) => c.mod)).toEqual([T1, T1, T1]);
    // SOURCE_DATE_EPOCH unchanged, banks unchanged: the file itself is the same.
    const same = await exportDeck([loaded], {
      time: T1,
      fixedTime: true,
      previous: previous(first.apkg),
    });
    expect(Buffer.from(same.apkg).equals(Buffer.from(first.apkg))).toBe(true);
  });

  it('a fixed key changes exactly that note', async () => {
    const first = await exportDeck([loaded], { time: T1 });
    const fixed = await edited((b) => {
      (b.questions[1] as { answer: string[] }).answer = ['B'];
    });
    const again = await exportDeck([fixed], { time: T2, previous: previous(first.apkg) });
    expect(again.counts).toEqual({ changed: 1, unchanged: 2, new: 0, retired: 0 });
    expect(again.identityChanges).toEqual([]);
    const after = await readApkg(again.apkg);
    expect(after.notes.map((n) => n.mod)).toEqual([T1, T2, T1]);
    expect(after.notes[1]?.flds[field('Answer')]).toBe('B');
    expect(after.notes.map((n) => n.id)).toEqual(
      (await readApkg(first.apkg)).notes.map((n) => n.id),
    );
  });

  it('carries a removed question over as retired, once', async () => {
    const first = await exportDeck([loaded], { time: T1 });
    const smaller = await edited((b) => {
      b.questions.splice(2, 1);
    });
    const second = await exportDeck([smaller], { time: T2, previous: previous(first.apkg) });
    expect(second.counts).toEqual({ changed: 0, unchanged: 2, new: 0, retired: 1 });
    const read = await readApkg(second.apkg);
    const retired = read.notes.find((n) => n.guid === noteGuid('fixture-bank', 'q3'));
    expect(retired?.tags).toBe(' course_rnn quizdeck::retired ');
    expect(retired?.mod).toBe(T2);
    expect(retired?.flds).toEqual((await readApkg(first.apkg)).notes[2]?.flds);
    // Already retired and still gone: unchanged, so Anki leaves it alone the next time.
    const third = await exportDeck([smaller], { time: T3, previous: previous(second.apkg) });
    expect(third.counts).toEqual({ changed: 0, unchanged: 2, new: 0, retired: 1 });
    expect((await readApkg(third.apkg)).notes.map((n) => n.mod)).toEqual([T1, T1, T2]);
    // Back in the bank: the retired tag goes, so the note changes.
    const back = await exportDeck([loaded], { time: T3, previous: previous(second.apkg) });
    expect(back.counts).toEqual({ changed: 1, unchanged: 2, new: 0, retired: 0 });
  });

  it('counts new questions and gives them ids no kept note has', async () => {
    const first = await exportDeck([loaded], { time: T1 });
    const more = await edited((b) => {
      b.questions.push({ ...b.questions[1], id: 'q4', prompt: 'A new question on gates?' });
    });
    // One second later: the new note's default id would be T1 * 1000 + 1000 + 3, still free.
    const again = await exportDeck([more], { time: T1 + 1, previous: previous(first.apkg) });
    expect(again.counts).toEqual({ changed: 0, unchanged: 3, new: 1, retired: 0 });
    const ids = (await readApkg(again.apkg)).notes.map((n) => n.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('refuses changed notes at a SOURCE_DATE_EPOCH not after the previous export; moves a clock time', async () => {
    const first = await exportDeck([loaded], { time: T1 });
    const fixed = await edited((b) => {
      (b.questions[1] as { answer: string[] }).answer = ['B'];
    });
    const refused = await exportDeck([fixed], {
      time: T1,
      fixedTime: true,
      previous: previous(first.apkg),
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AnkiExportError);
    expect((refused as AnkiExportError).code).toBe('EXPORT_TIME');
    expect((refused as Error).message).toMatch(/^SOURCE_DATE_EPOCH=1750000000 is not later than/);
    const moved = await exportDeck([fixed], { time: T1 - 60, previous: previous(first.apkg) });
    expect(moved.time).toBe(T1 + 1);
    expect((await readApkg(moved.apkg)).notes.map((n) => n.mod)).toEqual([T1, T1 + 1, T1]);
  });

  it('bumps the note type mod for a changed card, and refuses a changed card at the same mod', async () => {
    const oldCard = {
      ...NOTE_TYPE,
      css: `${CARD_CSS}/* v1 */`,
      mod: NOTE_TYPE_VERSIONS[0]?.mod ?? 0,
    };
    const first = await exportDeck([loaded], { time: T1, noteType: oldCard });
    const again = await exportDeck([loaded], { time: T2, previous: previous(first.apkg) });
    const model = (apkg: Uint8Array) => readApkg(apkg).then((d) => d.models[String(NOTE_TYPE.id)]);
    const [before, after] = [await model(first.apkg), await model(again.apkg)];
    expect(before?.css).not.toBe(after?.css);
    expect((after as { mod?: number })?.mod).toBeGreaterThan(
      (before as { mod?: number })?.mod ?? 0,
    );
    const sameMod = await exportDeck([loaded], {
      time: T1,
      noteType: { ...NOTE_TYPE, css: `${CARD_CSS}/* edited */` },
    });
    await expect(
      exportDeck([loaded], { time: T2, previous: previous(sameMod.apkg) }),
    ).rejects.toThrow(/note-type-versions\.ts/);
  });
});

/** A quiz-markdown bank without ids: the importer numbers them q1, q2, … by position. */
function markdown(questions: [prompt: string, options: string[]][]): string {
  const body = questions.map(
    ([prompt, options], i) =>
      `${i + 1}. ${prompt}\n\n${options.map((o, k) => `- ${'ABCD'[k]}${k === 0 ? ' RIGHT' : ''}. ${o}`).join('\n')}\n`,
  );
  return `---\nid: positional\ntitle: Positional\n---\n\n${body.join('\n')}`;
}

const QUESTIONS: [string, string[]][] = [
  [
    'What does the forget gate of an LSTM decide?',
    ['What the cell drops', 'The learning rate', 'Batch size'],
  ],
  [
    'Why clip gradients while training recurrent networks?',
    ['Exploding updates', 'Faster inference', 'Smaller files'],
  ],
  ['Which activation squashes values between minus one and one?', ['Tanh', 'ReLU', 'Softplus']],
  ['How many hidden states does a GRU keep per step?', ['One', 'Two', 'Three']],
  [
    'What is teacher forcing in sequence decoding?',
    ['Feeding true previous tokens', 'Dropout', 'Pruning'],
  ],
  [
    'Which optimizer adapts per-parameter step sizes from squared moments?',
    ['Adam', 'Plain SGD', 'Newton'],
  ],
  [
    'What problem made vanilla networks forget long contexts?',
    ['Vanishing gradients', 'Overfitting', 'Quantization'],
  ],
  [
    'Bidirectional layers read the sequence in which directions?',
    ['Both ways', 'Forward only', 'Random order'],
  ],
  [
    'What does truncated backpropagation through time limit?',
    ['Unrolled steps', 'Vocabulary', 'Embedding width'],
  ],
  [
    'Where does attention compute its weights from?',
    ['Query key similarity', 'Label counts', 'Pixel colors'],
  ],
];

describe('identity guard', () => {
  it('reports notes whose positional id now holds another question; --strict stops', async () => {
    const file = join(tmp, 'positional.md');
    await writeFile(file, markdown(QUESTIONS));
    const first = await exportDeck([await loadBank(file)], { time: T1 });
    const inserted: [string, string[]] = [
      'Which loss suits next-token prediction?',
      ['Cross entropy', 'Hinge', 'L1'],
    ];
    await writeFile(
      file,
      markdown([QUESTIONS[0] as [string, string[]], inserted, ...QUESTIONS.slice(1)]),
    );
    const bank = await loadBank(file);
    const again = await exportDeck([bank], { time: T2, previous: previous(first.apkg) });
    expect(again.counts).toEqual({ changed: 9, unchanged: 1, new: 1, retired: 0 });
    expect(again.identityChanges.map((c) => c.id)).toEqual(
      Array.from({ length: 9 }, (_, i) => `positional/q${i + 2}`),
    );
    expect(again.identityChanges[0]).toEqual({
      id: 'positional/q2',
      was: 'Why clip gradients while training recurrent networks?',
      now: 'Which loss suits next-token prediction?',
    });
    const strict = await exportDeck([bank], {
      time: T2,
      previous: previous(first.apkg),
      strict: true,
    }).catch((e: unknown) => e);
    expect(strict).toBeInstanceOf(AnkiExportError);
    expect((strict as Error).message).toContain(
      'positional/q2: now another question than in before.apkg',
    );
    expect((strict as Error).message).toContain('quizdeck ids --write');
  });

  it('takes an edited prompt or reworded options for the same question', async () => {
    const file = join(tmp, 'typo.md');
    await writeFile(file, markdown(QUESTIONS));
    const first = await exportDeck([await loadBank(file)], { time: T1 });
    const edits = QUESTIONS.map(([p, o]) => [p, o] as [string, string[]]);
    edits[0] = ['What does an LSTM forget gate decide to keep?', QUESTIONS[0]?.[1] ?? []];
    edits[1] = [
      'Why would you clip gradients?',
      ['Exploding updates', 'Faster inference', 'Smaller models'],
    ];
    edits[2] = ['Which one maps inputs into (-1, 1)?', ['Tanh', 'ReLU', 'Softplus']];
    await writeFile(file, markdown(edits));
    const again = await exportDeck([await loadBank(file)], {
      time: T2,
      previous: previous(first.apkg),
      strict: true,
    });
    expect(again.counts).toMatchObject({ changed: 3, unchanged: 7 });
    expect(again.identityChanges).toEqual([]);
  });
});
