import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/index';
import { gradingStoreSuite } from './grading-store-suite';
import { reviewStoreSuite } from './review-store-suite';
import { newSession, openRound } from './store-fixtures';

/** A backend the store suite runs on: `open` gives a fresh, empty store and how to drop it. */
export interface StoreBackend {
  name: string;
  open(): Promise<{ store: Store; drop(): Promise<void> }>;
}

/** The store's behaviour, the same on every backend. */
export function storeSuite(backend: StoreBackend): void {
  describe(`Store on ${backend.name}`, () => {
    let store: Store;
    let drop: () => Promise<void>;

    beforeEach(async () => {
      ({ store, drop } = await backend.open());
    });
    afterEach(async () => {
      await store.close();
      await drop();
    });

    it('keeps sessions and rounds as written, and the states they move through', async () => {
      const s = await newSession(store);
      expect(s).toEqual({
        id: s.id,
        guildId: 'g1',
        channelId: 'c1',
        bankId: 'rnn-quiz',
        startedBy: 'u0',
        seconds: 30,
        scoring: 'exact',
        shuffle: false,
        questionIds: ['q1', 'q2'],
        state: 'running',
        startedAt: 1000,
        endedAt: null,
      });
      expect(await store.session(s.id)).toEqual(s);
      expect(await store.runningInChannel('c1')).toEqual(s);
      const roundId = await openRound(store, s.id, 0, ['rnn', 'lstm']);
      expect(await store.latestRound(s.id)).toEqual({
        id: roundId,
        sessionId: s.id,
        idx: 0,
        channelId: 'c1',
        messageId: 'm0',
        questionId: 'q1',
        seed: 's',
        tags: ['rnn', 'lstm'],
        opensAt: 2000,
        closesAt: 3000,
        state: 'open',
        gradedAt: null,
      });
      await expect(store.openRound(roundId, 1, 2)).rejects.toThrow(/not posting/);
      await store.endSession(s.id, 'finished', 1_700_000_000_000, true);
      expect(await store.session(s.id)).toMatchObject({
        state: 'finished',
        endedAt: 1_700_000_000_000,
      });
      expect(await store.runningInChannel('c1')).toBeUndefined();
      expect((await store.sessionsOwingBoard()).map((x) => x.id)).toEqual([s.id]);
      await store.boardPosted(s.id);
      expect(await store.sessionsOwingBoard()).toEqual([]);
      expect((await store.latestInChannel('c1'))?.id).toBe(s.id);
      expect(await store.session(s.id + 1000)).toBeUndefined();
    });

    it('allows one running quiz per channel, many channels at once', async () => {
      const s = await newSession(store, { channelId: 'c1' });
      await expect(newSession(store, { channelId: 'c1' })).rejects.toThrow(/already running/);
      expect((await newSession(store, { channelId: 'c2' })).id).not.toBe(s.id);
      await store.endSession(s.id, 'finished', 5000);
      expect((await newSession(store, { channelId: 'c1' })).state).toBe('running');
      expect((await store.runningSessions()).map((x) => x.channelId).sort()).toEqual(['c1', 'c2']);
    });

    it('keeps guild settings, with defaults before any are saved', async () => {
      expect(await store.settings('g1')).toEqual({
        guildId: 'g1',
        quizmasterRoleId: null,
        defaultSeconds: 30,
        defaultScoring: 'exact',
      });
      await store.saveSettings(
        { guildId: 'g1', quizmasterRoleId: 'r1', defaultSeconds: 45, defaultScoring: 'partial' },
        1,
      );
      expect(await store.settings('g1')).toEqual({
        guildId: 'g1',
        quizmasterRoleId: 'r1',
        defaultSeconds: 45,
        defaultScoring: 'partial',
      });
      await store.saveSettings(
        { guildId: 'g1', quizmasterRoleId: null, defaultSeconds: 20, defaultScoring: 'exact' },
        2,
      );
      expect((await store.settings('g1')).quizmasterRoleId).toBeNull();
      expect((await store.settings('g2')).defaultSeconds).toBe(30);
    });

    it('computes standings by scope and member stats (streak, per-tag mastery)', async () => {
      const s = await newSession(store);
      const r1 = await openRound(store, s.id, 0, ['rnn']);
      const r2 = await openRound(store, s.id, 1, ['rnn', 'lstm']);
      await store.gradeRound(
        r1,
        [{ userId: 'u1', selected: ['A'], verdict: 'wrong', score: 0 }],
        10,
      );
      await store.gradeRound(
        r2,
        [
          { userId: 'u1', selected: ['A', 'B'], verdict: 'partial', score: 0.5 },
          { userId: 'u2', selected: ['A'], verdict: 'correct', score: 1 },
        ],
        20,
      );
      const week = 7 * 24 * 3600 * 1000;
      expect(await store.guildStandings('g1', 'all', 30)).toEqual([
        { userId: 'u2', points: 1, answered: 1, correct: 1 },
        { userId: 'u1', points: 0.5, answered: 2, correct: 0 },
      ]);
      expect(await store.guildStandings('g1', 'week', 20 + week)).toHaveLength(2);
      expect(await store.guildStandings('g1', 'week', 21 + week)).toHaveLength(0);
      expect(await store.guildStandings('other', 'all', 30)).toEqual([]);
      const stats = await store.memberStats('g1', 'u1');
      expect(stats).toMatchObject({ answered: 2, correct: 0, accuracy: 0.25, streak: 0 });
      expect(stats.tags).toEqual([
        { tag: 'rnn', answered: 2, mastery: 0.25 },
        { tag: 'lstm', answered: 1, mastery: 0.5 },
      ]);
      expect(await store.memberStats('g1', 'u2')).toMatchObject({ streak: 1, accuracy: 1 });
      expect(await store.memberStats('g1', 'nobody')).toEqual({
        answered: 0,
        correct: 0,
        accuracy: 0,
        streak: 0,
        tags: [],
      });
    });

    it('orders standings by points, then right answers, then member id', async () => {
      const s = await newSession(store);
      const r = await openRound(store, s.id, 0);
      // Ids that sort differently by byte and by a language's collation.
      const ids = ['b', 'B', 'a_2', 'a-1', '10', '9'];
      await store.gradeRound(
        r,
        ids.map((userId) => ({ userId, selected: ['A'], verdict: 'correct', score: 1 })),
        10,
      );
      const bytewise = [...ids].sort();
      expect((await store.sessionStandings(s.id)).map((x) => x.userId)).toEqual(bytewise);
      expect((await store.guildStandings('g1', 'all', 20)).map((x) => x.userId)).toEqual(bytewise);
      expect((await store.answers(r)).map((x) => x.userId)).toEqual(bytewise);
    });

    it('leases a shard to one owner at a time, until it expires or is released', async () => {
      expect(await store.shardLeases()).toEqual([]);
      expect(await store.acquireLease(0, 'host-a', 10_000, 1000)).toBe(true);
      expect(await store.acquireLease(1, 'host-b', 10_000, 1000)).toBe(true);
      // Held: another owner is refused, the owner itself may take it again (a restart).
      expect(await store.acquireLease(0, 'host-b', 10_000, 5000)).toBe(false);
      expect(await store.acquireLease(0, 'host-a', 10_000, 5000)).toBe(true);
      expect(await store.shardLeases()).toEqual([
        { shardId: 0, owner: 'host-a', expiresAt: 15_000 },
        { shardId: 1, owner: 'host-b', expiresAt: 11_000 },
      ]);
      expect(await store.renewLease(0, 'host-a', 10_000, 14_999)).toBe(true);
      expect(await store.renewLease(0, 'host-b', 10_000, 14_999)).toBe(false);
      // host-a stops renewing: once expired, host-b takes shard 0 over and host-a cannot renew.
      expect(await store.acquireLease(0, 'host-b', 10_000, 24_998)).toBe(false);
      expect(await store.acquireLease(0, 'host-b', 10_000, 24_999)).toBe(true);
      expect(await store.renewLease(0, 'host-a', 10_000, 25_000)).toBe(false);
      expect(await store.releaseLease(0, 'host-a')).toBe(false);
      // An expired lease cannot be renewed, even by its owner: it acquires again instead.
      expect(await store.renewLease(1, 'host-b', 10_000, 11_000)).toBe(false);
      expect(await store.acquireLease(1, 'host-b', 10_000, 11_000)).toBe(true);
      // Released: free at once.
      expect(await store.releaseLease(0, 'host-b')).toBe(true);
      expect(await store.acquireLease(0, 'host-c', 10_000, 25_000)).toBe(true);
      expect(await store.shardLeases()).toEqual([
        { shardId: 0, owner: 'host-c', expiresAt: 35_000 },
        { shardId: 1, owner: 'host-b', expiresAt: 21_000 },
      ]);
    });

    it('gives a free shard to exactly one of two owners asking at once', async () => {
      const got = await Promise.all([
        store.acquireLease(3, 'host-a', 10_000, 1000),
        store.acquireLease(3, 'host-b', 10_000, 1000),
      ]);
      expect(got.filter(Boolean)).toHaveLength(1);
      expect((await store.shardLeases())[0]?.owner).toBe(got[0] ? 'host-a' : 'host-b');
    });

    gradingStoreSuite(() => store);
    reviewStoreSuite(() => store);
  });
}
