import { reviewCard } from '@quizdeck/core';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StoreUnreachableError } from '../src/db/postgres-driver';
import { POSTGRES_MIGRATIONS } from '../src/db/postgres-migrations';
import { openStore, type Store } from '../src/index';
import { databasePerTest, freshDatabase, rawClient } from './postgres';
import { newRound, newSession } from './store-fixtures';
import { storeSuite } from './store-suite';

storeSuite({
  name: 'PostgreSQL',
  async open() {
    const db = await freshDatabase();
    return { store: await openStore({ backend: 'postgres', url: db.url }), drop: db.drop };
  },
});

describe('PostgreSQL database that cannot be opened', () => {
  it('says which one and why, without the password', async () => {
    const db = await freshDatabase();
    await db.drop();
    const url = new URL(db.url);
    url.username = 'quizdeck';
    url.password = 's3cret';
    const opening = openStore({ backend: 'postgres', url: url.toString() });
    await expect(opening).rejects.toThrow(StoreUnreachableError);
    const message = await opening.catch((err: Error) => err.message);
    expect(message).toMatch(
      new RegExp(
        `^cannot open the PostgreSQL database ${url.host}${url.pathname} \\(QUIZDECK_DB\\): .*does not exist`,
      ),
    );
    expect(message).not.toMatch(/s3cret/);
  });
});

describe('PostgreSQL database shared by several processes', () => {
  const db = databasePerTest();
  const process = db.process;

  it('is migrated once when processes start together, and each records the version', async () => {
    await Promise.all([process(), process(), process()]);
    const raw = await rawClient(db.url);
    try {
      const { rows } = await raw.query('SELECT version FROM quizdeck_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await raw.end();
    }
    await process(); // opening an up-to-date database changes nothing
  });

  it('upgrades a version-1 database (before leases) without changing a row', async () => {
    const raw = await rawClient(db.url);
    const tables = ['guild_settings', 'sessions', 'rounds', 'answers', 'scores'];
    const dump = async () => {
      const out = [];
      for (const t of tables) out.push((await raw.query(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows);
      return out;
    };
    try {
      await raw.query(POSTGRES_MIGRATIONS[0] ?? '');
      await raw.query(
        'CREATE TABLE quizdeck_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      );
      await raw.query('INSERT INTO quizdeck_migrations VALUES (1, 0)');
      await raw.query(`
        INSERT INTO guild_settings VALUES ('g1', 'r1', 45, 'partial', 100);
        INSERT INTO sessions OVERRIDING SYSTEM VALUE VALUES
          (1, 'g1', 'c1', 'rnn-quiz', 'u0', 30, 'exact', 0, '["q1"]', 'finished', 1000, 9000, 1),
          (2, 'g1', 'c2', 'rnn-quiz', 'u0', 12.5, 'partial', 1, '["q1"]', 'running', 5000, NULL, 0);
        INSERT INTO rounds OVERRIDING SYSTEM VALUE VALUES
          (1, 1, 0, 'c1', 'm1', 'q1', 's', '["training"]', 2000, 3000, 'revealed', 3000),
          (2, 2, 0, 'c2', 'm2', 'q1', 's', '[]', 6000, 7000, 'open', NULL);
        INSERT INTO answers VALUES (1, 'u1', 'AD', 'correct', 1), (1, 'u2', 'B', 'wrong', 0);
        INSERT INTO scores VALUES (1, 'u1', 1, 1, 1), (1, 'u2', 0, 1, 0);
      `);
      const before = await dump();
      const store = await process();
      expect(await dump()).toEqual(before);
      const { rows } = await raw.query('SELECT max(version) AS v FROM quizdeck_migrations');
      expect(rows[0].v).toBe(POSTGRES_MIGRATIONS.length);
      expect(POSTGRES_MIGRATIONS.length).toBeGreaterThan(1);
      expect(
        await store.gradeRound(
          2,
          [{ userId: 'u1', selected: ['A'], verdict: 'correct', score: 1 }],
          8000,
        ),
      ).toBe(true);
      expect(await store.acquireLease(0, 'host-a', 1000, 8000)).toBe(true);
    } finally {
      await raw.end();
    }
  });

  it('gives a free shard to exactly one of two processes asking at once', async () => {
    const [a, b] = [await process(), await process()];
    for (let shard = 0; shard < 20; shard++) {
      const got = await Promise.all([
        a.acquireLease(shard, 'host-a', 10_000, 1000),
        b.acquireLease(shard, 'host-b', 10_000, 1000),
      ]);
      expect(got.filter(Boolean)).toHaveLength(1);
    }
    // Expired together: taken over by exactly one of them, shard by shard.
    for (let shard = 0; shard < 20; shard++) {
      const got = await Promise.all([
        a.acquireLease(shard, 'host-c', 10_000, 20_000),
        b.acquireLease(shard, 'host-d', 10_000, 20_000),
      ]);
      expect(got.filter(Boolean)).toHaveLength(1);
    }
    const leases = await b.shardLeases();
    expect(leases).toHaveLength(20);
    for (const lease of leases) expect(['host-c', 'host-d']).toContain(lease.owner);
  });

  it('grades the same question in two channels at once for the same members (their review cards meet)', async () => {
    const [a, b] = [await process(), await process()];
    const members = Array.from({ length: 150 }, (_, i) => `${200_000 + i}`);
    const openIn = async (store: Store, channelId: string) => {
      const session = await store.createSession({
        guildId: 'g1',
        channelId,
        bankId: 'rnn-quiz',
        startedBy: 'u0',
        seconds: 30,
        scoring: 'exact',
        shuffle: false,
        questionIds: ['q1', 'q2', 'q3', 'q4'],
        now: 1000,
      });
      return session.id;
    };
    const [sa, sb] = [await openIn(a, 'c1'), await openIn(b, 'c2')];
    for (let idx = 0; idx < 4; idx++) {
      const rounds: number[] = [];
      for (const [store, sessionId, channelId] of [
        [a, sa, 'c1'],
        [b, sb, 'c2'],
      ] as const) {
        const r = await store.createRound({
          sessionId,
          idx,
          channelId,
          questionId: 'same-question',
          seed: 's',
          tags: [],
        });
        await store.openRound(r.id, 2000, 3000);
        rounds.push(r.id);
      }
      // Members in a different order in each channel, as their reactions arrive.
      const picks = (order: string[]) =>
        order.map((userId) => ({ userId, selected: ['A'], verdict: 'correct' as const, score: 1 }));
      const graded = await Promise.all([
        a.gradeRound(rounds[0] ?? -1, picks(members), 4000 + idx * 86_400_000),
        b.gradeRound(rounds[1] ?? -1, picks([...members].reverse()), 4000 + idx * 86_400_000),
      ]);
      expect(graded).toEqual([true, true]);
    }
    for (const userId of [members[0], members[149]] as string[]) {
      const card = await a.reviews.card({
        guildId: 'g1',
        userId,
        bankId: 'rnn-quiz',
        questionId: 'same-question',
      });
      expect(card?.reps).toBe(8);
    }
    expect((await a.sessionStandings(sa)).every((s) => s.answered === 4)).toBe(true);
  });

  it('lets two processes hold it at once (no one-process guard), each seeing the other’s rows', async () => {
    const [a, b] = [await process(), await process()];
    await a.saveSettings(
      { guildId: 'g1', quizmasterRoleId: 'r1', defaultSeconds: 45, defaultScoring: 'partial' },
      1,
    );
    expect((await b.settings('g1')).defaultSeconds).toBe(45);
  });

  /** Waits until `n` statements of this database wait for a lock. */
  const lockWaiters = async (holder: pg.Client, n: number) => {
    for (let waiting = 0; waiting < n; ) {
      const { rows } = await holder.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      waiting = rows[0].n;
    }
  };

  it('makes a prompt answer whose card a grading in another process reviewed first try again, and find it stale', async () => {
    const [a, b] = [await process(), await process()];
    const T0 = Date.UTC(2026, 11, 1, 20);
    const card = { guildId: 'g1', userId: 'u1', bankId: 'rnn-quiz', questionId: 'q1' };
    const wrong = [{ userId: 'u1', selected: ['B'], verdict: 'wrong' as const, score: 0 }];
    const s1 = await newSession(a, { questionIds: ['q1'], now: T0 });
    const r1 = await newRound(a, s1.id);
    await a.openRound(r1.id, T0, T0 + 1);
    await a.gradeRound(r1.id, wrong, T0);
    const shownAt = T0 + 86_400_000;
    const prompt = await b.reviews.createPrompt({ ...card, bankFilter: null, shownAt });
    const s2 = await newSession(a, { channelId: 'c2', questionIds: ['q1'], now: shownAt });
    const r2 = await newRound(a, s2.id, 0, { channelId: 'c2' });
    await a.openRound(r2.id, shownAt, shownAt + 1);
    // A third connection holds the card, so both reviews have read it and wait at its write, the
    // grading first, when it lets go: the prompt's write then finds the card moved on.
    const holder = await rawClient(db.url);
    try {
      await holder.query('BEGIN');
      await holder.query("SELECT reps FROM review_cards WHERE user_id = 'u1' FOR UPDATE");
      const right = [{ userId: 'u1', selected: ['A'], verdict: 'correct' as const, score: 1 }];
      const grading = a.gradeRound(r2.id, right, shownAt + 20);
      await lockWaiters(holder, 1);
      const answering = b.reviews.answerPrompt(
        prompt.id,
        { rating: 'good', picks: 'A' },
        shownAt + 30,
      );
      await lockWaiters(holder, 2);
      await holder.query('COMMIT');
      expect(await grading).toBe(true);
      expect(await answering).toEqual({ kind: 'stale' });
    } finally {
      await holder.end();
    }
    const first = reviewCard(undefined, 'again', T0);
    const graded = reviewCard(first.state, 'good', shownAt + 20);
    expect(await b.reviews.card(card)).toEqual(graded.state);
    const tallies = await b.reviews.tallies('g1', 'u1', null);
    expect(tallies.sort((x, y) => x.rating.localeCompare(y.rating))).toEqual([
      { rating: 'again', phaseBefore: first.log.phaseBefore, count: 1 },
      { rating: 'good', phaseBefore: graded.log.phaseBefore, count: 1 },
    ]);
    expect((await b.reviews.prompt(prompt.id))?.answeredAt).toBeNull();
  });

  it('makes a first review of a card that another process created meanwhile try again, not overwrite it', async () => {
    const store = await process();
    const T0 = Date.UTC(2026, 11, 1, 20);
    const card = { guildId: 'g1', userId: 'u7', bankId: 'b1', questionId: 'q1' };
    const prompt = await store.reviews.createPrompt({ ...card, bankFilter: null, shownAt: T0 });
    // The other process's review of the same new card: inserted, not yet committed, when this
    // answer (which read no card) writes its own.
    const theirs = reviewCard(undefined, 'again', T0 + 5).state;
    const holder = await rawClient(db.url);
    try {
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO review_cards (guild_id, user_id, bank_id, question_id, due, stability,
           difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, phase, last_review)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          ...Object.values(card),
          theirs.due,
          theirs.stability,
          theirs.difficulty,
          theirs.elapsedDays,
          theirs.scheduledDays,
          theirs.learningSteps,
          theirs.reps,
          theirs.lapses,
          theirs.phase,
          theirs.lastReview,
        ],
      );
      const answering = store.reviews.answerPrompt(
        prompt.id,
        { rating: 'good', picks: 'A' },
        T0 + 9,
      );
      await lockWaiters(holder, 1);
      await holder.query('COMMIT');
      expect(await answering).toEqual({ kind: 'stale' });
    } finally {
      await holder.end();
    }
    expect(await store.reviews.card(card)).toEqual(theirs);
    expect(await store.reviews.tallies('g1', 'u7', null)).toEqual([]);
  });

  it('grades a round once when two processes grade it at the same moment', async () => {
    const [a, b] = [await process(), await process()];
    const session = await newSession(a, { questionIds: ['q1'] });
    const round = await newRound(a, session.id);
    await a.openRound(round.id, 2000, 3000);
    // A third connection holds the round's row, so both gradings are surely under way, each
    // waiting at its compare-and-set, when it lets go.
    const holder = await rawClient(db.url);
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM rounds WHERE id = $1 FOR UPDATE', [round.id]);
      const fromA = [{ userId: 'u1', selected: ['A'], verdict: 'correct' as const, score: 1 }];
      const fromB = [
        { userId: 'u1', selected: ['B'], verdict: 'wrong' as const, score: 0 },
        { userId: 'u2', selected: ['A'], verdict: 'correct' as const, score: 1 },
      ];
      const gradings = Promise.all([
        a.gradeRound(round.id, fromA, 4000),
        b.gradeRound(round.id, fromB, 4001),
      ]);
      for (let waiting = 0; waiting < 2; ) {
        const { rows } = await holder.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        waiting = rows[0].n;
      }
      await holder.query('COMMIT');
      const results = await gradings;
      expect(results.filter(Boolean)).toHaveLength(1);
      const won = results[0] ? fromA : fromB;
      expect(await b.answers(round.id)).toEqual(won);
      expect(await a.sessionStandings(session.id)).toEqual(
        won
          .map((x) => ({
            userId: x.userId,
            points: x.score,
            answered: 1,
            correct: x.verdict === 'correct' ? 1 : 0,
          }))
          .sort((x, y) => y.points - x.points),
      );
      expect(await a.round(round.id)).toMatchObject({
        state: 'graded',
        gradedAt: results[0] ? 4000 : 4001,
      });
    } finally {
      await holder.end();
    }
  });
});
