import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionStandings } from '../src/index';
import {
  descriptionOf,
  react,
  startWorld,
  titleOf,
  type World,
  waitForQuestion,
  waitForReveal,
} from './harness';

let w: World;
beforeAll(async () => {
  w = await startWorld({ memberNames: ['alice', 'bob', 'carol', 'dave'], timeScale: 0.1 });
});
afterAll(() => w?.close());

// Q5 (mri-full-video-input), key A, B, D.
const PICKS = { alice: 'ABD', bob: 'AC', carol: 'AB', dave: 'ABCD' } as const;

async function playQ5(channelId: string, scoring: 'exact' | 'partial') {
  const run = w.emu.runCommand({
    guildId: w.guildId,
    channelId,
    userId: w.ownerId,
    name: 'quiz',
    subcommand: 'start',
    options: { bank: 'rnn-quiz', tag: 'shapes', count: 1, seconds: 5, scoring },
  });
  await run.response();
  const q = await waitForQuestion(w, 1, channelId);
  for (const [name, letters] of Object.entries(PICKS)) {
    react(w, q.id, w.members[name]?.id as string, letters, channelId);
  }
  const reveal = await waitForReveal(w, q.id, channelId);
  await w.emu.waitForMessage(channelId, (m) => titleOf(m) === 'Quiz over: leaderboard');
  const session = w.bot.engine.store.latestInChannel(channelId);
  const points = Object.fromEntries(
    sessionStandings(w.bot.db, session?.id ?? -1).map((s) => [s.userId, s.points]),
  );
  const byName = Object.fromEntries(
    Object.entries(w.members).map(([name, m]) => [name, points[m.id]]),
  );
  return { byName, reveal };
}

describe('Q5 (select all that apply) under both scoring policies, in two channels at once', () => {
  it('scores exact as all-or-nothing and partial as (right - wrong) / keys', async () => {
    const second = w.emu.createChannel(w.guildId, { name: 'quiz-partial' });
    const [exact, partial] = await Promise.all([
      playQ5(w.channelId, 'exact'),
      playQ5(second.id, 'partial'),
    ]);
    expect(exact.byName).toEqual({ alice: 1, bob: 0, carol: 0, dave: 0 });
    expect(partial.byName.alice).toBe(1);
    expect(partial.byName.bob).toBe(0);
    expect(partial.byName.carol).toBeCloseTo(2 / 3, 10);
    expect(partial.byName.dave).toBeCloseTo(2 / 3, 10);
    expect(titleOf(exact.reveal)).toBe('Answers: A, B, D');
    expect(descriptionOf(partial.reveal)).toContain('**Partly right (2):**');
    expect(descriptionOf(exact.reveal)).not.toContain('Partly right');
  }, 20_000);
});
