import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DatabaseInUseError,
  type Db,
  guildStandings,
  MIGRATIONS,
  memberStats,
  migrate,
  openDatabase,
  QuizStore,
  sessionStandings,
} from '../src/index';

let dir: string;
let db: Db;
let store: QuizStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-bot-'));
  db = openDatabase(join(dir, 'nested', 'q.db'));
  store = new QuizStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const newSession = (channelId = 'c1') =>
  store.createSession({
    guildId: 'g1',
    channelId,
    bankId: 'rnn-quiz',
    startedBy: 'u0',
    seconds: 30,
    scoring: 'exact',
    shuffle: false,
    questionIds: ['q1', 'q2'],
    now: 1000,
  });

const openRound = (sessionId: number, idx: number, tags: string[] = []) => {
  const r = store.createRound({
    sessionId,
    idx,
    channelId: 'c1',
    questionId: `q${idx + 1}`,
    seed: 's',
    tags,
  });
  store.setRoundMessage(r.id, `m${idx}`);
  store.openRound(r.id, 2000, 3000);
  return r.id;
};

describe('database', () => {
  it('opens in WAL mode at the latest schema version, and migrating again changes nothing', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(['answers', 'guild_settings', 'rounds', 'scores', 'sessions']);
  });

  it('keeps every score, answer and session of a version-1 database through the migrations', () => {
    const path = join(dir, 'v1.db');
    const v1 = new Database(path);
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
    const before = {
      standings: sessionStandings(v1, 1),
      all: guildStandings(v1, 'g1', 'all', 10_000),
      stats: memberStats(v1, 'g1', 'u1'),
    };
    v1.close();
    const migrated = openDatabase(path);
    expect(migrated.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(sessionStandings(migrated, 1)).toEqual(before.standings);
    expect(guildStandings(migrated, 'g1', 'all', 10_000)).toEqual(before.all);
    expect(memberStats(migrated, 'g1', 'u1')).toEqual(before.stats);
    expect(before.standings).toEqual([
      { userId: 'u1', points: 1.5, answered: 2, correct: 1 },
      { userId: 'u2', points: 0, answered: 1, correct: 0 },
    ]);
    const s = new QuizStore(migrated);
    // Sessions that ended before the leaderboard debt existed owe none: no repost on start.
    expect(s.sessionsOwingBoard()).toEqual([]);
    expect(s.session(1)?.state).toBe('finished');
    expect(s.runningSessions().map((r) => r.id)).toEqual([2]);
    migrated.close();
  });

  it('can be backed up online while the bot holds it (the hosting recipe’s backup)', async () => {
    const session = newSession();
    const round = openRound(session.id, 0);
    store.gradeRound(
      round,
      [{ userId: 'u1', selected: ['A'], verdict: 'correct', score: 1 }],
      3500,
    );
    const path = join(dir, 'nested', 'q.db');
    // What `sqlite3 q.db ".backup copy.db"` does: SQLite's online backup over a second connection.
    const reader = new Database(path, { readonly: true, fileMustExist: true });
    await reader.backup(join(dir, 'copy.db'));
    reader.close();
    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    expect(sessionStandings(copy, session.id)).toEqual(sessionStandings(db, session.id));
    expect(sessionStandings(copy, session.id)).toEqual([
      { userId: 'u1', points: 1, answered: 1, correct: 1 },
    ]);
    copy.close();
  });

  it('belongs to one connection at a time: a second bot on it stops at once, with the reason', () => {
    const path = join(dir, 'nested', 'q.db');
    new QuizStore(db).saveSettings(
      { guildId: 'g1', quizmasterRoleId: null, defaultSeconds: 45, defaultScoring: 'exact' },
      1,
    );
    const started = Date.now();
    expect(() => openDatabase(path)).toThrow(DatabaseInUseError);
    expect(() => openDatabase(path)).toThrow(
      /in use by another quizdeck bot \(it holds .*q\.db\.lock\).*QUIZDECK_DB/,
    );
    expect(Date.now() - started).toBeLessThan(1000); // no busy wait
    const reader = new Database(path, { readonly: true }); // readers are welcome meanwhile
    expect(reader.prepare('SELECT default_seconds AS s FROM guild_settings').get()).toEqual({
      s: 45,
    });
    reader.close();
    db.close();
    db = openDatabase(path); // free again once the first is closed, with what it wrote
    expect(new QuizStore(db).settings('g1').defaultSeconds).toBe(45);
  });
});

describe('QuizStore', () => {
  it('allows one running quiz per channel, many channels at once', () => {
    const s = newSession('c1');
    expect(() => newSession('c1')).toThrow(/already running/);
    expect(newSession('c2').id).not.toBe(s.id);
    store.endSession(s.id, 'finished', 5000);
    expect(newSession('c1').state).toBe('running');
    expect(
      store
        .runningSessions()
        .map((x) => x.channelId)
        .sort(),
    ).toEqual(['c1', 'c2']);
  });

  it('grades a round exactly once: a second grading changes nothing', () => {
    const s = newSession();
    const roundId = openRound(s.id, 0);
    const answers = [
      { userId: 'u1', selected: ['A'], verdict: 'correct' as const, score: 1 },
      { userId: 'u2', selected: ['B', 'C'], verdict: 'wrong' as const, score: 0 },
    ];
    expect(store.gradeRound(roundId, answers, 4000)).toBe(true);
    expect(
      store.gradeRound(
        roundId,
        [{ userId: 'u3', selected: ['A'], verdict: 'correct', score: 1 }],
        4001,
      ),
    ).toBe(false);
    expect(store.answers(roundId)).toEqual([
      { userId: 'u1', selected: ['A'], verdict: 'correct', score: 1 },
      { userId: 'u2', selected: ['B', 'C'], verdict: 'wrong', score: 0 },
    ]);
    expect(sessionStandings(db, s.id)).toEqual([
      { userId: 'u1', points: 1, answered: 1, correct: 1 },
      { userId: 'u2', points: 0, answered: 1, correct: 0 },
    ]);
    expect(store.round(roundId)?.state).toBe('graded');
    store.markRevealed(roundId);
    expect(() => store.markRevealed(roundId)).toThrow(/not graded/);
  });

  it('adds a round of 301 answers (written in batches) to the scores members already have', () => {
    const s = newSession();
    const first = openRound(s.id, 0);
    const member = (i: number) => `u${String(i).padStart(3, '0')}`;
    store.gradeRound(
      first,
      [0, 1, 2].map((i) => ({ userId: member(i), selected: ['A'], verdict: 'correct', score: 1 })),
      3500,
    );
    const before = sessionStandings(db, s.id);
    const second = openRound(s.id, 1);
    const answers = Array.from({ length: 301 }, (_, i) => ({
      userId: member(i),
      selected: i % 2 ? ['A', 'C'] : ['B'],
      verdict: (i % 2 ? 'partial' : 'wrong') as 'partial' | 'wrong',
      score: i % 2 ? 0.5 : 0,
    }));
    expect(store.gradeRound(second, answers, 4000)).toBe(true);
    expect(store.answers(second)).toEqual(
      answers
        .map((a) => ({ ...a, selected: [...a.selected] }))
        .sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    const after = new Map(sessionStandings(db, s.id).map((r) => [r.userId, r]));
    expect(after.size).toBe(301);
    for (const b of before) {
      const a = answers.find((x) => x.userId === b.userId);
      expect(after.get(b.userId)).toEqual({
        userId: b.userId,
        points: b.points + (a?.score ?? 0),
        answered: b.answered + 1,
        correct: b.correct,
      });
    }
    expect(after.get(member(300))).toEqual({
      userId: member(300),
      points: 0,
      answered: 1,
      correct: 0,
    });
  });

  it('rolls the whole grading back when one write fails', () => {
    const s = newSession();
    const roundId = openRound(s.id, 0);
    const dup = { userId: 'u1', selected: ['A'], verdict: 'correct' as const, score: 1 };
    expect(() => store.gradeRound(roundId, [dup, dup], 4000)).toThrow();
    expect(store.round(roundId)?.state).toBe('open');
    expect(store.answers(roundId)).toEqual([]);
    expect(sessionStandings(db, s.id)).toEqual([]);
  });

  it('does not grade a skipped round', () => {
    const s = newSession();
    const roundId = openRound(s.id, 0);
    expect(store.skipRound(roundId)).toBe(true);
    expect(store.gradeRound(roundId, [], 4000)).toBe(false);
  });

  it('keeps guild settings, with defaults before any are saved', () => {
    expect(store.settings('g1')).toEqual({
      guildId: 'g1',
      quizmasterRoleId: null,
      defaultSeconds: 30,
      defaultScoring: 'exact',
    });
    store.saveSettings(
      { guildId: 'g1', quizmasterRoleId: 'r1', defaultSeconds: 45, defaultScoring: 'partial' },
      1,
    );
    expect(store.settings('g1').defaultScoring).toBe('partial');
    expect(store.settings('g1').quizmasterRoleId).toBe('r1');
  });

  it('computes standings by scope and member stats (streak, per-tag mastery)', () => {
    const s = newSession();
    const r1 = openRound(s.id, 0, ['rnn']);
    const r2 = openRound(s.id, 1, ['rnn', 'lstm']);
    store.gradeRound(r1, [{ userId: 'u1', selected: ['A'], verdict: 'wrong', score: 0 }], 10);
    store.gradeRound(
      r2,
      [
        { userId: 'u1', selected: ['A', 'B'], verdict: 'partial', score: 0.5 },
        { userId: 'u2', selected: ['A'], verdict: 'correct', score: 1 },
      ],
      20,
    );
    const week = 7 * 24 * 3600 * 1000;
    expect(guildStandings(db, 'g1', 'all', 30).map((x) => [x.userId, x.points])).toEqual([
      ['u2', 1],
      ['u1', 0.5],
    ]);
    expect(guildStandings(db, 'g1', 'week', 20 + week)).toHaveLength(2);
    expect(guildStandings(db, 'g1', 'week', 21 + week)).toHaveLength(0);
    expect(guildStandings(db, 'other', 'all', 30)).toEqual([]);
    const stats = memberStats(db, 'g1', 'u1');
    expect(stats).toMatchObject({ answered: 2, correct: 0, accuracy: 0.25, streak: 0 });
    expect(stats.tags).toEqual([
      { tag: 'rnn', answered: 2, mastery: 0.25 },
      { tag: 'lstm', answered: 1, mastery: 0.5 },
    ]);
    expect(memberStats(db, 'g1', 'u2')).toMatchObject({ streak: 1, accuracy: 1 });
  });
});
