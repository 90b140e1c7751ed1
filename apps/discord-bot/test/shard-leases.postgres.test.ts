import { describe, expect, it } from 'vitest';
import { leaseHeld } from '../src/db/shard-leases';
import { LeaseLostError } from '../src/errors';
import { databasePerTest, rawClient } from './postgres';
import { newRound, newSession } from './store-fixtures';

const TTL = 400;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('shard leases on PostgreSQL', () => {
  const db = databasePerTest();
  const process = db.process;

  it('commits a fenced write only while its lease holds: the old owner changes nothing after a takeover', async () => {
    const [a, b] = [await process(), await process()];
    expect(await a.acquireLease(0, 'a', TTL, Date.now())).toBe(true);
    const fa = a.fenced({ shardId: 0, owner: 'a' });
    const session = await newSession(fa);
    const r0 = await newRound(fa, session.id, 0);
    await fa.setRoundMessage(r0.id, 'm0');
    await fa.openRound(r0.id, 2000, 3000);
    const r1 = await newRound(fa, session.id, 1);

    await wait(TTL + 50); // a paused past its lease
    expect(await b.acquireLease(0, 'b', 60_000, Date.now())).toBe(true);
    const answer = { userId: 'u1', selected: ['A'], verdict: 'correct' as const, score: 1 };
    const refused = [
      () => fa.gradeRound(r0.id, [answer], 4000),
      () => fa.openRound(r1.id, 5000, 6000),
      () => fa.setRoundMessage(r1.id, 'stale'),
      () => fa.skipRound(r1.id),
      () => newRound(fa, session.id, 2),
      () => newSession(fa, { channelId: 'c2' }),
      () => fa.endSession(session.id, 'stopped', 7000, true),
      () => fa.boardPosted(session.id),
    ];
    for (const write of refused) await expect(write()).rejects.toBeInstanceOf(LeaseLostError);
    // Reads stay the shared store's.
    expect((await fa.round(r0.id))?.state).toBe('open');
    expect(await fa.answers(r0.id)).toEqual([]);
    expect((await fa.session(session.id))?.state).toBe('running');
    expect((await fa.round(r1.id))?.messageId).toBeNull();
    expect(await fa.latestInChannel('c2')).toBeUndefined();

    // The new owner grades the round the old one could not, once.
    const fb = b.fenced({ shardId: 0, owner: 'b' });
    expect(await fb.gradeRound(r0.id, [answer], 4000)).toBe(true);
    expect(await fb.gradeRound(r0.id, [answer], 4000)).toBe(false); // not LeaseLostError: held
    await fb.markRevealed(r0.id);
    await fb.setRoundMessage(r1.id, 'm1');
    await fb.openRound(r1.id, 5000, 6000);
    expect(await fb.answers(r0.id)).toEqual([answer]);
    expect(await fb.sessionStandings(session.id)).toEqual([
      { userId: 'u1', points: 1, answered: 1, correct: 1 },
    ]);
    // With the lease held, a write the round's state refuses gives the state's error.
    await expect(fb.openRound(r1.id, 5000, 6000)).rejects.toThrow(/not posting/);
  });

  it('makes a takeover wait for a fenced write in flight (it commits first), not a renewal', async () => {
    const [a, b] = [await process(), await process()];
    expect(await a.acquireLease(0, 'a', TTL, Date.now())).toBe(true);
    const fa = a.fenced({ shardId: 0, owner: 'a' });
    const session = await newSession(fa);
    const round = await newRound(fa, session.id);
    // A write of a that has passed its fence, then stalls before committing (as a slow commit
    // would): a raw connection standing in for a's, with the store's fence condition.
    const raw = await rawClient(db.url);
    try {
      await raw.query('BEGIN');
      const held = leaseHeld({ shardId: 0, owner: 'a' }, Date.now());
      let n = 1;
      const fenced = await raw.query(
        `UPDATE rounds SET message_id = 'from-a' WHERE id = $1 AND ${held.sql.replace(/\?/g, () => `$${++n}`)}`,
        [round.id, ...held.params],
      );
      expect(fenced.rowCount).toBe(1);
      // The owner's renewal does not wait for it (it would hang here until the COMMIT below).
      expect(await a.renewLease(0, 'a', TTL, Date.now())).toBe(true);
      await wait(TTL + 50); // expired while the write is in flight
      let takenAt = 0;
      const takeover = b.acquireLease(0, 'b', 60_000, Date.now()).then((g) => {
        takenAt = Date.now();
        return g;
      });
      await wait(300);
      expect(takenAt).toBe(0); // waiting on the row a's write shares
      const committedAt = Date.now();
      await raw.query('COMMIT');
      expect(await takeover).toBe(true);
      expect(takenAt).toBeGreaterThanOrEqual(committedAt);
    } finally {
      await raw.end();
    }
    expect((await b.round(round.id))?.messageId).toBe('from-a');
  });
});
