import type { RecordedMessage } from '@quizdeck/discord-emulator';
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

const bank = loadBankCatalog(BUNDLED_BANKS).banks.get('rnn-quiz');
if (!bank) throw new Error('the bundled rnn-quiz bank did not load');

let w: World;
beforeAll(async () => {
  w = await startWorld({ memberNames: ['alice', 'bob', 'carol', 'dave', 'erin'], timeScale: 1 });
});
afterAll(() => w?.close());

/** What each member picks for a question, by behaviour. */
function picks(name: string, key: string[], letters: string[]): string {
  const wrongLetter = letters.find((l) => !key.includes(l)) as string;
  switch (name) {
    case 'alice': // always right
      return key.join('');
    case 'bob': // always a wrong letter
      return wrongLetter;
    case 'carol': // only the first key: right on single-answer questions, short on multi-select
      return key[0] as string;
    case 'dave': // hedges: key plus a wrong letter on single-answer questions
      return key.length > 1 ? key.join('') : `${key[0]}${wrongLetter}`;
    default: // erin never answers
      return '';
  }
}

describe('a whole quiz of the bundled RNN bank', () => {
  it('grades five members, reveals each question and stores exact scores', async () => {
    const { emu } = w;
    // Rounds are closed once the bot has seen every reaction; the timer is a long backstop.
    const start = runQuiz(w, 'start', { bank: 'rnn-quiz', seconds: 60 });
    await start.response();
    const questions = bank.questions;
    let first: RecordedMessage | undefined;
    for (const [i, q] of questions.entries()) {
      const message = await waitForQuestion(w, i + 1);
      first ??= message;
      expect(message.reactions.map((r) => r.emoji)).toEqual(
        ['🇦', '🇧', '🇨', '🇩'].slice(0, q.options.length),
      );
      expect(message.embeds[0]?.footer).toEqual({ text: `rnn-quiz · ${q.id}` });
      const letters = q.options.map((o) => o.key);
      const chosen: Record<string, string> = {};
      for (const [name, member] of Object.entries(w.members)) {
        chosen[member.id] = picks(name, q.answer, letters);
        react(w, message.id, member.id, chosen[member.id] as string);
      }
      await closeWhenSeen(w, message.id, chosen);
      const reveal = await waitForReveal(w, message.id);
      const text = descriptionOf(reveal);
      expect(titleOf(reveal)).toBe(
        q.answer.length > 1 ? `Answers: ${q.answer.join(', ')}` : `Answer: ${q.answer[0]}`,
      );
      expect(text).toContain('**Answers (4):**');
      expect(text).toContain(`<@${w.members.alice?.id}>`);
      expect(text).not.toContain(`<@${w.members.bob?.id}>`);
      if (q.notes.some((n) => n.kind === 'dispute')) expect(text).toContain('⚠️ **Disputed:**');
      if (q.id === 'growing-weights' && first) {
        // After the close, reactions do not count.
        react(w, first.id, w.members.erin?.id as string, q.answer.join(''));
      }
    }
    const board = await emu.waitForMessage(
      w.channelId,
      (m) => titleOf(m) === 'Quiz over: leaderboard',
    );
    expect(descriptionOf(board).split('\n')).toEqual([
      `1. <@${w.members.alice?.id}> **10** pts (10/10 right)`,
      `2. <@${w.members.carol?.id}> **8** pts (8/10 right)`,
      `3. <@${w.members.dave?.id}> **2** pts (2/10 right)`,
      `4. <@${w.members.bob?.id}> **0** pts (0/10 right)`,
    ]);
    const { store } = w.bot;
    const dbFile = w.config.db;
    const session = await w.bot.engine.store.latestInChannel(w.channelId);
    expect(session?.state).toBe('finished');
    expect(
      (await store.sessionStandings(session?.id ?? -1)).map((s) => [s.userId, s.points]),
    ).toEqual([
      [w.members.alice?.id, 10],
      [w.members.carol?.id, 8],
      [w.members.dave?.id, 2],
      [w.members.bob?.id, 0],
    ]);
    const q1 = sqliteRows(
      dbFile,
      `SELECT a.user_id AS userId, a.selected, a.verdict FROM answers a JOIN rounds r ON r.id = a.round_id
       WHERE r.question_id = 'growing-weights' ORDER BY a.user_id`,
    );
    expect(q1).toHaveLength(4);
    expect(q1).toContainEqual({ userId: w.members.dave?.id, selected: 'AD', verdict: 'correct' });
    expect(q1).toContainEqual({ userId: w.members.carol?.id, selected: 'A', verdict: 'wrong' });
    // The clock starts after the bot's last letter reaction.
    const rounds = sqliteRows<{ messageId: string; opensAt: number }>(
      dbFile,
      'SELECT message_id AS messageId, opens_at AS opensAt FROM rounds WHERE session_id = ?',
      [session?.id],
    );
    expect(rounds).toHaveLength(10);
    for (const r of rounds) {
      const puts = emu.requests.filter(
        (x) => x.method === 'PUT' && x.path.includes(`/messages/${r.messageId}/reactions/`),
      );
      expect(puts.filter((x) => x.status === 204)).toHaveLength(4);
      expect(r.opensAt).toBeGreaterThanOrEqual(Math.max(...puts.map((x) => x.at)));
    }
    // Passages: each context posted once, before the first question that builds on it.
    const passages = emu
      .messages(w.channelId)
      .filter((m) => (m.embeds[0] as { color?: number } | undefined)?.color === 0xfee75c)
      .filter((m) => !/leaderboard/.test(titleOf(m)));
    const all = emu.messages(w.channelId);
    const before = (m: RecordedMessage) =>
      titleOf(all[all.findIndex((x) => x.id === m.id) + 1] ?? m);
    expect(passages.map(before)).toEqual(['Question 4 of 10', 'Question 6 of 10']);
    if (process.env.SHOW_MESSAGES) {
      for (const m of all) console.log(titleOf(m), '|', descriptionOf(m) || m.content);
    }
    // Nothing the bot sent could ping anyone.
    for (const m of emu.messages(w.channelId)) {
      expect(m.allowedMentions).toEqual({ parse: [] });
      expect(m.pinged).toEqual({ everyone: false, users: [], roles: [] });
    }
  }, 40_000);
});
