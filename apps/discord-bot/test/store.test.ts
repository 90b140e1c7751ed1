import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, MIGRATIONS, openStore, type Store } from '../src/index';
import { sqliteRows } from './sqlite-file';
import { newRound, newSession } from './store-fixtures';
import { storeSuite } from './store-suite';

storeSuite({
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-store-'));
    return {
      store: await openStore({ backend: 'sqlite', path: join(dir, 'q.db') }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});

describe('SQLite database file', () => {
  let dir: string;
  let path: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizdeck-bot-'));
    path = join(dir, 'nested', 'q.db');
    store = await openStore({ backend: 'sqlite', path });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pragma = (file: string, name: string) =>
    sqliteRows<Record<string, unknown>>(file, `PRAGMA ${name}`)[0]?.[name];
  const tables = (file: string) =>
    sqliteRows<{ name: string }>(
      file,
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    ).map((r) => r.name);

  it('opens in WAL mode at the latest schema version, and opening again changes nothing', async () => {
    expect(pragma(path, 'journal_mode')).toBe('wal');
    expect(pragma(path, 'user_version')).toBe(MIGRATIONS.length);
    const before = tables(path);
    expect(before).toEqual([
      'answers',
      'guild_settings',
      'review_cards',
      'review_digests',
      'review_log',
      'review_prompts',
      'rounds',
      'scores',
      'sessions',
      'shard_leases',
    ]);
    await store.close();
    store = await openStore({ backend: 'sqlite', path });
    expect(pragma(path, 'user_version')).toBe(MIGRATIONS.length);
    expect(tables(path)).toEqual(before);
  });

  it('keeps every score, answer and session of a version-1 database through the migrations', async () => {
    const old = join(dir, 'v1.db');
    const v1 = new Database(old);
    v1.exec(MIGRATIONS[0] ?? '');
    v1.pragma('user_version = 1');
    v1.exec(`
      INSERT INTO sessions VALUES (1, 'g1', 'c1', 'rnn-quiz', 'u0', 30, 'exact', 0, '["q1","q2"]',
        'finished', 1000, 9000);
      INSERT INTO sessions VALUES (2, 'g1', 'c2', 'rnn-quiz', 'u0', 30, 'partial', 1, '["q1"]',
        'running', 5000, NULL);
      INSERT INTO rounds VALUES (1, 1, 0, 'c1', 'm1', 'q1', 's', '["training"]', 2000, 3000,
        'revealed', 3000);
      INSERT INTO rounds VALUES (2, 1, 1, 'c1', 'm2', 'q2', 's', '[]', 4000, 5000, 'revealed', 5000);
      INSERT INTO answers VALUES (1, 'u1', 'AD', 'correct', 1), (1, 'u2', 'B', 'wrong', 0),
        (2, 'u1', 'C', 'partial', 0.5);
      INSERT INTO scores VALUES (1, 'u1', 1.5, 2, 1), (1, 'u2', 0, 1, 0);
    `);
    v1.close();
    const migrated = await openStore({ backend: 'sqlite', path: old });
    try {
      expect(pragma(old, 'user_version')).toBe(MIGRATIONS.length);
      const standings = [
        { userId: 'u1', points: 1.5, answered: 2, correct: 1 },
        { userId: 'u2', points: 0, answered: 1, correct: 0 },
      ];
      expect(await migrated.sessionStandings(1)).toEqual(standings);
      expect(await migrated.guildStandings('g1', 'all', 10_000)).toEqual(standings);
      expect(await migrated.memberStats('g1', 'u1')).toEqual({
        answered: 2,
        correct: 1,
        accuracy: 0.75,
        streak: 0,
        tags: [{ tag: 'training', answered: 1, mastery: 1 }],
      });
      expect(await migrated.answers(1)).toEqual([
        { userId: 'u1', selected: ['A', 'D'], verdict: 'correct', score: 1 },
        { userId: 'u2', selected: ['B'], verdict: 'wrong', score: 0 },
      ]);
      // Sessions that ended before the leaderboard debt existed owe none: no repost on start.
      expect(await migrated.sessionsOwingBoard()).toEqual([]);
      expect((await migrated.session(1))?.state).toBe('finished');
      expect((await migrated.runningSessions()).map((r) => r.id)).toEqual([2]);
      // New rows get ids after the old ones.
      const next = await newSession(migrated, {
        channelId: 'c3',
        questionIds: ['q1'],
        now: 10_000,
      });
      expect(next.id).toBe(3);
    } finally {
      await migrated.close();
    }
  });

  it('upgrades a database made by the version-2 schema (before leases) without changing a row', async () => {
    const old = join(dir, 'v2.db');
    const v2 = new Database(old);
    v2.pragma('journal_mode = WAL');
    v2.exec(MIGRATIONS[0] ?? '');
    v2.exec(MIGRATIONS[1] ?? '');
    v2.pragma('user_version = 2');
    v2.exec(`
      INSERT INTO guild_settings VALUES ('g1', 'r1', 45, 'partial', 100);
      INSERT INTO sessions VALUES (1, 'g1', 'c1', 'rnn-quiz', 'u0', 30, 'exact', 0, '["q1","q2"]',
        'finished', 1000, 9000, 1);
      INSERT INTO sessions VALUES (2, 'g1', 'c2', 'rnn-quiz', 'u0', 12.5, 'partial', 1, '["q1"]',
        'running', 5000, NULL, 0);
      INSERT INTO rounds VALUES (1, 1, 0, 'c1', 'm1', 'q1', 's', '["training"]', 2000, 3000,
        'revealed', 3000);
      INSERT INTO rounds VALUES (2, 1, 1, 'c1', 'm2', 'q2', 's', '[]', 4000, 5000, 'revealed', 5000);
      INSERT INTO rounds VALUES (3, 2, 0, 'c2', 'm3', 'q1', 's2', '[]', 6000, 7000, 'open', NULL);
      INSERT INTO answers VALUES (1, 'u1', 'AD', 'correct', 1), (1, 'u2', 'B', 'wrong', 0),
        (2, 'u1', 'C', 'partial', 0.5);
      INSERT INTO scores VALUES (1, 'u1', 1.5, 2, 1), (1, 'u2', 0, 1, 0);
    `);
    v2.close();
    const names = ['guild_settings', 'sessions', 'rounds', 'answers', 'scores'];
    const dump = () => names.map((t) => sqliteRows(old, `SELECT * FROM ${t} ORDER BY 1, 2`));
    const before = dump();
    expect(before.map((rows) => rows.length)).toEqual([1, 2, 3, 3, 2]);
    const upgraded = await openStore({ backend: 'sqlite', path: old });
    try {
      expect(pragma(old, 'user_version')).toBe(MIGRATIONS.length);
      expect(MIGRATIONS.length).toBeGreaterThan(2);
      expect(dump()).toEqual(before);
      // And it goes on from there: the owed leaderboard, the open round graded once.
      expect((await upgraded.sessionsOwingBoard()).map((x) => x.id)).toEqual([1]);
      expect(
        await upgraded.gradeRound(
          3,
          [{ userId: 'u1', selected: ['A'], verdict: 'correct', score: 1 }],
          8000,
        ),
      ).toBe(true);
      expect(await upgraded.sessionStandings(2)).toEqual([
        { userId: 'u1', points: 1, answered: 1, correct: 1 },
      ]);
      expect(await upgraded.acquireLease(0, 'host-a', 1000, 8000)).toBe(true);
    } finally {
      await upgraded.close();
    }
  });

  it('can be backed up online while the bot holds it (the hosting recipe’s backup)', async () => {
    const session = await newSession(store, { questionIds: ['q1'] });
    const round = await newRound(store, session.id);
    await store.openRound(round.id, 2000, 3000);
    await store.gradeRound(
      round.id,
      [{ userId: 'u1', selected: ['A'], verdict: 'correct', score: 1 }],
      3500,
    );
    // What `sqlite3 q.db ".backup copy.db"` does: SQLite's online backup over a second connection.
    const reader = new Database(path, { readonly: true, fileMustExist: true });
    await reader.backup(join(dir, 'copy.db'));
    reader.close();
    const copy = await openStore({ backend: 'sqlite', path: join(dir, 'copy.db') });
    try {
      expect(await copy.sessionStandings(session.id)).toEqual(
        await store.sessionStandings(session.id),
      );
      expect(await copy.sessionStandings(session.id)).toEqual([
        { userId: 'u1', points: 1, answered: 1, correct: 1 },
      ]);
    } finally {
      await copy.close();
    }
  });

  it('belongs to one connection at a time: a second bot on it stops at once, with the reason', async () => {
    await store.saveSettings(
      { guildId: 'g1', quizmasterRoleId: null, defaultSeconds: 45, defaultScoring: 'exact' },
      1,
    );
    const started = Date.now();
    await expect(openStore({ backend: 'sqlite', path })).rejects.toThrow(DatabaseInUseError);
    await expect(openStore({ backend: 'sqlite', path })).rejects.toThrow(
      /in use by another quizdeck bot \(it holds .*q\.db\.lock\).*QUIZDECK_DB/,
    );
    expect(Date.now() - started).toBeLessThan(1000); // no busy wait
    // Readers are welcome meanwhile.
    expect(sqliteRows(path, 'SELECT default_seconds AS s FROM guild_settings')).toEqual([
      { s: 45 },
    ]);
    await store.close();
    store = await openStore({ backend: 'sqlite', path }); // free again once the first is closed, with what it wrote
    expect((await store.settings('g1')).defaultSeconds).toBe(45);
  });
});

describe('shard leases on SQLite', () => {
  it('fence nothing: one process has the file, so the fenced store is the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-leases-'));
    const store = await openStore({ backend: 'sqlite', path: join(dir, 'q.db') });
    try {
      expect(store.fenced({ shardId: 0, owner: 'a' })).toBe(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
