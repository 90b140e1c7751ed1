import { renderQuestion } from '@quizdeck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBankCatalog } from '../src/index';
import {
  BUNDLED_BANKS,
  closeWhenSeen,
  descriptionOf,
  react,
  runQuiz,
  startWorld,
  titleOf,
  type World,
  waitForQuestion,
  waitForReveal,
} from './harness';
import { sqliteRows } from './sqlite-file';

let w: World;
beforeAll(async () => {
  w = await startWorld({ memberNames: ['alice', 'bob', 'carol', 'dave'], timeScale: 0.1 });
});
afterAll(() => w?.close());

// Q5 (mri-full-video-input), key A, B, D.
const PICKS = { alice: 'ABD', bob: 'AC', carol: 'AB', dave: 'ABCD' } as const;

async function playQ5(channelId: string, scoring: 'exact' | 'partial') {
  const options = { bank: 'rnn-quiz', tag: 'shapes', count: 1, seconds: 60, scoring };
  await runQuiz(w, 'start', options, { channelId }).response();
  const q = await waitForQuestion(w, 1, channelId);
  const chosen: Record<string, string> = {};
  for (const [name, letters] of Object.entries(PICKS)) {
    chosen[w.members[name]?.id as string] = letters;
    react(w, q.id, w.members[name]?.id as string, letters, channelId);
  }
  await closeWhenSeen(w, q.id, chosen, channelId);
  const reveal = await waitForReveal(w, q.id, channelId);
  await w.emu.waitForMessage(channelId, (m) => titleOf(m) === 'Quiz over: leaderboard');
  const session = await w.bot.engine.store.latestInChannel(channelId);
  const points = Object.fromEntries(
    (await w.bot.store.sessionStandings(session?.id ?? -1)).map((s) => [s.userId, s.points]),
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

describe('shuffle and skip', () => {
  it('shuffles options, grades the shown letters and names the bank’s letters in the reveal', async () => {
    const channel = w.emu.createChannel(w.guildId, { name: 'quiz-shuffle' });
    const bank = loadBankCatalog(BUNDLED_BANKS).banks.get('rnn-quiz');
    const options = { bank: 'rnn-quiz', count: 1, seconds: 60, shuffle: true };
    await runQuiz(w, 'start', options, { channelId: channel.id }).response();
    const q = await waitForQuestion(w, 1, channel.id);
    const footer = String((q.embeds[0]?.footer as { text?: string } | undefined)?.text);
    const question = bank?.questions.find((x) => footer.endsWith(` · ${x.id}`));
    if (!bank || !question) throw new Error(`no question for footer ${footer}`);
    const rendered = renderQuestion(bank, question, 'discord');
    const shown = descriptionOf(q).split('\n');
    const keyTexts = rendered.options
      .filter((o) => question.answer.includes(o.key))
      .map((o) => o.text);
    const letters = shown
      .filter((line) => keyTexts.some((t) => line.endsWith(` ${t}`)))
      .map((line) => String.fromCharCode(65 + ((line.codePointAt(0) ?? 0) - 0x1f1e6)))
      .join('');
    expect(letters).toHaveLength(question.answer.length);
    react(w, q.id, w.members.alice?.id as string, letters, channel.id);
    await closeWhenSeen(w, q.id, { [w.members.alice?.id as string]: letters }, channel.id);
    const reveal = await waitForReveal(w, q.id, channel.id);
    expect(descriptionOf(reveal)).toContain(`**Right (1):** <@${w.members.alice?.id}>`);
    expect(descriptionOf(reveal)).toMatch(/\*\([A-D] in the bank\)\*/);
  });

  it('/quiz skip drops the open question ungraded and moves on', async () => {
    const channel = w.emu.createChannel(w.guildId, { name: 'quiz-skip' });
    const start = (sub: string, options = {}) =>
      runQuiz(w, sub, options, { channelId: channel.id }).response();
    await start('start', { bank: 'rnn-quiz', count: 2, seconds: 60 });
    const q1 = await waitForQuestion(w, 1, channel.id);
    react(w, q1.id, w.members.alice?.id as string, 'AD', channel.id);
    await start('skip');
    await w.emu.waitForMessage(channel.id, (m) => m.content === 'Question skipped.');
    await waitForQuestion(w, 2, channel.id);
    const session = await w.bot.engine.store.latestInChannel(channel.id);
    const rounds = sqliteRows<{ state: string }>(
      w.config.db,
      'SELECT state FROM rounds WHERE session_id = ? ORDER BY idx',
      [session?.id],
    );
    expect(rounds[0]?.state).toBe('skipped');
    expect(await w.bot.store.sessionStandings(session?.id ?? -1)).toEqual([]);
    await start('stop');
    await w.emu.waitForMessage(channel.id, (m) => titleOf(m) === 'Quiz stopped: leaderboard');
  });
});
