// A previous export is a file from anywhere: corrupt or hostile ones give one line, never a crash.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AnkiExportError,
  exportDeck,
  type LoadedBank,
  loadBank,
  loadSql,
  zipEntries,
} from '../src/index';
import { readApkg } from './read-apkg';

const FIXTURE = new URL('./fixtures/fixture-bank.json', import.meta.url).pathname;
const T1 = 1_750_000_000;
const DATE = new Date(T1 * 1000);

let loaded: LoadedBank;
let good: Uint8Array;
let collection: Uint8Array;
beforeAll(async () => {
  loaded = await loadBank(FIXTURE);
  good = (await exportDeck([loaded], { time: T1 })).apkg;
  collection = (await readApkg(good)).collection;
});

/** The package with its collection changed by `sql`. */
async function tampered(sql: string): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = new SQL.Database(collection);
  try {
    db.exec(sql);
    return package_(db.export());
  } finally {
    db.close();
  }
}

const package_ = (data: Uint8Array) =>
  zipEntries(
    [
      { name: 'collection.anki2', data },
      { name: 'media', data: Buffer.from('{}') },
    ],
    DATE,
  );

async function refusal(apkg: Uint8Array, smaller = false): Promise<string> {
  // The smaller bank retires the third note, so its fields are carried over.
  const bank = smaller
    ? { ...loaded, bank: { ...loaded.bank, questions: loaded.bank.questions.slice(0, 2) } }
    : loaded;
  const error = await exportDeck([bank], {
    time: T1 + 60,
    previous: { file: 'prev.apkg', apkg },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AnkiExportError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('reading a previous export', () => {
  it('names what is wrong with a file that is no package, in one line', async () => {
    expect(await refusal(new Uint8Array(0))).toBe('prev.apkg: not a zip file');
    expect(await refusal(Buffer.from('PK\u0003\u0004 not really'))).toBe(
      'prev.apkg: not a zip file',
    );
    expect(await refusal(good.subarray(0, good.length >> 1))).toBe('prev.apkg: not a zip file');
    const noCollection = await zipEntries([{ name: 'collection.anki21b', data: collection }], DATE);
    expect(await refusal(noCollection)).toMatch(/^prev\.apkg: no collection\.anki2 inside/);
    expect(await refusal(await package_(Buffer.from('SQLite format 3\u0000 but no')))).toMatch(
      /^prev\.apkg: not an Anki collection \(/,
    );
  });

  it('does not inflate an entry past the size it declares (zip bomb)', async () => {
    const bomb = Buffer.from(await package_(new Uint8Array(64 << 20)));
    const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(4096, directory + 24); // uncompressed size in the central directory
    expect(await refusal(bomb)).toBe(
      'prev.apkg: damaged zip file (collection.anki2 does not inflate to its size)',
    );
    bomb.writeUInt32LE(0xfffffff0, directory + 24);
    expect(await refusal(bomb)).toMatch(/collection\.anki2 is larger than \d+ bytes$/);
  });

  it('reads tables only, and checks every value it takes', async () => {
    const endless = await tampered(
      "DROP TABLE notes; CREATE VIEW notes AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS id, i AS guid, 1 AS mid, 0 AS mod, '' AS tags, '' AS flds FROM n;",
    );
    expect(await refusal(endless)).toBe('prev.apkg: not an Anki collection (no notes table)');
    expect(
      await refusal(
        await tampered('UPDATE notes SET mod = 1.5 WHERE id = (SELECT min(id) FROM notes)'),
      ),
    ).toMatch(/bad id, note type or mod\)$/);
    expect(await refusal(await tampered("UPDATE notes SET guid = 'same'"))).toMatch(
      /or repeated\)\)$/,
    );
    expect(
      await refusal(await tampered("UPDATE notes SET guid = char(27) || '[31m' || guid")),
    ).toMatch(/not printable/);
    expect(await refusal(await tampered('UPDATE notes SET mod = 9e15'))).toMatch(
      /bad id, note type or mod\)$/,
    );
    expect(await refusal(await tampered('UPDATE col SET mod = 9e18'))).toMatch(/bad col mod\)$/);
    // A notes table without its primary key can repeat an id; new notes must not share one.
    const noKey = await tampered(
      'CREATE TABLE n2 AS SELECT * FROM notes; DROP TABLE notes; CREATE TABLE notes (id integer, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld text, csum integer, flags integer, data text); INSERT INTO notes SELECT * FROM n2; UPDATE notes SET id = 5; DROP TABLE n2;',
    );
    expect(await refusal(noKey)).toMatch(/note 5: bad id \(repeated\)\)$/);
    expect(await refusal(await tampered("UPDATE notes SET flds = x'00ff'"))).toMatch(
      /bad fields\)$/,
    );
    expect(await refusal(await tampered("UPDATE col SET models = '{'"))).toBe(
      'prev.apkg: not an Anki collection (its note types are not JSON)',
    );
    expect(await refusal(await tampered('UPDATE col SET decks = \'{"1": {"id": "x"}}\''))).toBe(
      'prev.apkg: not an Anki collection (its decks are malformed)',
    );
  });

  it('carries no note holding script over, nor one with a wrong field count', async () => {
    const script = await tampered(
      "UPDATE notes SET flds = replace(flds, 'Injected', '<script>alert(1)</script>') WHERE id = (SELECT max(id) FROM notes)",
    );
    expect(await refusal(script, true)).toMatch(/holds markup quizdeck never writes/);
    const handler = await tampered(
      "UPDATE notes SET flds = '<img src=x onerror=alert(1)>' || flds WHERE id = (SELECT max(id) FROM notes)",
    );
    expect(await refusal(handler, true)).toMatch(/holds markup quizdeck never writes/);
    const short = await tampered(
      "UPDATE notes SET flds = 'only one field' WHERE id = (SELECT max(id) FROM notes)",
    );
    expect(await refusal(short, true)).toMatch(/has 1 fields, the note type 12$/);
  });
});
