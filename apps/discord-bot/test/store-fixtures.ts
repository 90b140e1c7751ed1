import type { NewRound, NewSession, Store } from '../src/index';

/** A running quiz as `/quiz start` writes it (guild g1, #c1, two questions); `over` changes fields. */
export const newSession = (store: Store, over: Partial<NewSession> = {}) =>
  store.createSession({
    guildId: 'g1',
    channelId: 'c1',
    bankId: 'rnn-quiz',
    startedBy: 'u0',
    seconds: 30,
    scoring: 'exact',
    shuffle: false,
    questionIds: ['q1', 'q2'],
    now: 1000,
    ...over,
  });

/** Round `idx` of a session, asking question `q{idx + 1}` in #c1; `over` changes fields. */
export const newRound = (
  store: Store,
  sessionId: number,
  idx = 0,
  over: Partial<Omit<NewRound, 'sessionId' | 'idx'>> = {},
) =>
  store.createRound({
    sessionId,
    idx,
    channelId: 'c1',
    questionId: `q${idx + 1}`,
    seed: 's',
    tags: [],
    ...over,
  });

/** Round `idx` posted (message `m{idx}`) and open from 2000 to 3000; its id. */
export async function openRound(store: Store, sessionId: number, idx: number, tags: string[] = []) {
  const r = await newRound(store, sessionId, idx, { tags });
  await store.setRoundMessage(r.id, `m${idx}`);
  await store.openRound(r.id, 2000, 3000);
  return r.id;
}
