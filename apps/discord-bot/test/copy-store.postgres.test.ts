import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyStore, StoreNotEmptyError } from '../src/db/copy-store';
import { openStore, type Store, type StoreLocation } from '../src/index';
import { freshDatabase } from './postgres';
import { newRound, newSession } from './store-fixtures';

const appDir = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
let drop: () => Promise<void>;
let sqlite: StoreLocation;
let postgres: StoreLocation;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-copy-'));
  sqlite = { backend: 'sqlite', path: join(dir, 'q.db') };
  const db = await freshDatabase();
  drop = db.drop;
  postgres = { backend: 'postgres', url: db.url };
});
afterEach(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

const member = (i: number) => `${100_000 + i}`;

/** A store with what a study group leaves in it: settings, finished and running quizzes. */
async function fill(store: Store): Promise<void> {
  await store.saveSettings(
    { guildId: 'g1', quizmasterRoleId: 'r1', defaultSeconds: 45, defaultScoring: 'partial' },
    100,
  );
  for (const [channelId, rounds] of [
    ['c1', 3],
    ['c2', 2],
  ] as const) {
    const s = await store.createSession({
      guildId: 'g1',
      channelId,
      bankId: 'rnn-quiz',
      startedBy: 'u0',
      seconds: 12.5,
      scoring: 'partial',
      shuffle: true,
      questionIds: ['q1', 'q2', 'q3'],
      now: 1000,
    });
    for (let idx = 0; idx < rounds; idx++) {
      const r = await store.createRound({
        sessionId: s.id,
        idx,
        channelId,
        questionId: `q${idx + 1}`,
        seed: `seed-${idx}`,
        tags: idx % 2 ? ['rnn', 'lstm'] : ['rnn'],
      });
      await store.setRoundMessage(r.id, `m-${channelId}-${idx}`);
      await store.openRound(r.id, 2000 + idx, 3000 + idx);
      if (channelId === 'c2' && idx === 1) break; // left open, as a crash would leave it
      // 1,200 answers a round: more than a page of the copy.
      const answers = Array.from({ length: 1200 }, (_, i) => ({
        userId: member(i),
        selected: i % 3 ? ['A', 'C'] : [],
        verdict: (['correct', 'partial', 'wrong'] as const)[(i + idx) % 3] ?? 'wrong',
        score: ((i + idx) % 3 === 0 ? 1 : (i + idx) % 3 === 1 ? 0.5 : 0) as number,
      }));
      await store.gradeRound(r.id, answers, 4000 + idx);
      await store.markRevealed(r.id);
    }
    if (channelId === 'c1') await store.endSession(s.id, 'finished', 9000, true);
  }
  // Spaced review: the rounds above made cards and logged reviews; add an answered /review
  // prompt, an open one and the daily line.
  const key = { guildId: 'g1', userId: member(7), bankId: 'rnn-quiz', questionId: 'q2' };
  const answered = await store.reviews.createPrompt({ ...key, bankFilter: null, shownAt: 5000 });
  await store.reviews.answerPrompt(answered.id, { rating: 'hard', picks: 'AC' }, 5001);
  await store.reviews.createPrompt({ ...key, bankFilter: 'rnn-quiz', shownAt: 6000 });
  await store.reviews.saveDigest('g1', { channelId: 'c1', hourUtc: 9 });
  await store.reviews.claimDigestDay('g1', 86_400_000);
}

/** Everything a member or the bot can read back. */
async function view(store: Store) {
  const sessions = [];
  for (let id = 1; id <= 2; id++) {
    const session = await store.session(id);
    const rounds = [];
    for (let r = 1; r <= 5; r++) {
      const round = await store.round(r);
      if (round?.sessionId === id) rounds.push({ round, answers: await store.answers(r) });
    }
    sessions.push({ session, rounds, standings: await store.sessionStandings(id) });
  }
  return {
    settings: await store.settings('g1'),
    sessions,
    owing: await store.sessionsOwingBoard(),
    running: await store.runningSessions(),
    all: await store.guildStandings('g1', 'all', 10_000),
    stats: await Promise.all([0, 1, 2, 1199].map((i) => store.memberStats('g1', member(i)))),
    cards: await Promise.all(
      [0, 7, 1199].map((i) =>
        store.reviews.memberCards({
          guildId: 'g1',
          userId: member(i),
          bankId: null,
          dueBy: null,
          limit: 10,
        }),
      ),
    ),
    tallies: await Promise.all([0, 7].map((i) => store.reviews.tallies('g1', member(i), null))),
    prompts: await Promise.all([1, 2].map((id) => store.reviews.prompt(id))),
    digests: await store.reviews.digests(),
  };
}

describe('copying a store into PostgreSQL', () => {
  it('moves every row of a SQLite store, ids kept, and the copy goes on where the file stopped', async () => {
    const source = await openStore(sqlite);
    await fill(source);
    const before = await view(source);
    await source.close();
    expect(before.all).toHaveLength(1200);

    expect(await copyStore(sqlite, postgres)).toEqual({
      guild_settings: 1,
      sessions: 2,
      rounds: 5,
      answers: 4 * 1200,
      scores: 2 * 1200,
      // q1 (graded in both sessions), q2 and q3 for every member; every graded answer a review.
      review_cards: 3 * 1200,
      review_prompts: 2,
      review_log: 4 * 1200 + 1,
      review_digests: 1,
    });
    const copy = await openStore(postgres);
    try {
      expect(await view(copy)).toEqual(before);
      // New rows get ids after the copied ones; the open round is graded once, on the copy.
      const running = before.running[0];
      expect(running?.channelId).toBe('c2');
      expect(await copy.gradeRound(5, [], 9500)).toBe(true);
      expect(await copy.gradeRound(5, [], 9501)).toBe(false);
      await copy.endSession(running?.id ?? -1, 'stopped', 9600);
      const next = await newSession(copy, { questionIds: ['q1'], now: 10_000 });
      expect(next.id).toBe(3);
      const round = await newRound(copy, next.id);
      expect(round.id).toBe(6);
      const prompt = await copy.reviews.createPrompt({
        guildId: 'g1',
        userId: member(1),
        bankId: 'rnn-quiz',
        questionId: 'q1',
        bankFilter: null,
        shownAt: 10_000,
      });
      expect(prompt.id).toBe(3);
      // The open prompt came along: it takes its one answer on the copy.
      expect(
        await copy.reviews.answerPrompt(2, { rating: 'good', picks: 'A' }, 10_001),
      ).toMatchObject({ kind: 'reviewed' });
      expect(
        await copy.reviews.answerPrompt(2, { rating: 'again', picks: 'B' }, 10_002),
      ).toMatchObject({ kind: 'already-answered', picks: 'A' });
    } finally {
      await copy.close();
    }
  });

  it('refuses a target that already has rows, and changes nothing in it', async () => {
    const source = await openStore(sqlite);
    await fill(source);
    await source.close();
    const target = await openStore(postgres);
    await target.saveSettings(
      { guildId: 'other', quizmasterRoleId: null, defaultSeconds: 20, defaultScoring: 'exact' },
      1,
    );
    await target.close();
    await expect(copyStore(sqlite, postgres)).rejects.toThrow(StoreNotEmptyError);
    const after = await openStore(postgres);
    try {
      expect(await after.session(1)).toBeUndefined();
      expect((await after.settings('other')).defaultSeconds).toBe(20);
      expect((await after.settings('g1')).defaultSeconds).toBe(30);
    } finally {
      await after.close();
    }
  });

  it('runs as `bot copy-store TARGET`, from the QUIZDECK_DB file, and says what it copied', async () => {
    const source = await openStore(sqlite);
    await fill(source);
    await source.close();
    const url = postgres.backend === 'postgres' ? postgres.url : '';
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'copy-store', url], {
      cwd: appDir,
      env: { ...process.env, QUIZDECK_DB: 'q.db', INIT_CWD: dir, DISCORD_TOKEN: '' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'copied: guild_settings 1, sessions 2, rounds 5, answers 4800, scores 2400, review_cards 3600, review_prompts 2, review_log 4801, review_digests 1\n',
    );
    expect(run.status).toBe(0);
    const twice = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'copy-store', url],
      {
        cwd: appDir,
        env: { ...process.env, QUIZDECK_DB: 'q.db', INIT_CWD: dir },
        encoding: 'utf8',
      },
    );
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/target store is not empty/);
  });
});
