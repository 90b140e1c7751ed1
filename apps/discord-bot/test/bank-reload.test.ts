import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
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

const q = (id: string, prompt: string) => ({
  id,
  prompt,
  options: [
    { key: 'A', text: 'yes' },
    { key: 'B', text: 'no' },
  ],
  answer: ['A'],
  multiple: false,
});
const bank = (id: string, title: string, prompts: string[]) =>
  JSON.stringify({ id, title, questions: prompts.map((p, i) => q(`${id}-${i + 1}`, p)) });

const banksDir = mkdtempSync(join(tmpdir(), 'quizdeck-banks-'));
const write = (rel: string, text: string) => {
  mkdirSync(join(banksDir, rel, '..'), { recursive: true });
  writeFileSync(join(banksDir, rel), text);
};
write(
  'week1/rnn.quiz.json',
  bank('week1', 'Week one', ['First, as written?', 'Second, as written?']),
);
write('week2/broken.quiz.json', '{"id": "broken", "title": "Broken", "questions": [{"id": 1}]}');
write('README.md', '# Our banks\n\nWeekly quizzes live in the week folders.\n');

let w: World;
beforeAll(async () => {
  w = await startWorld({ banks: banksDir, memberNames: ['alice'], timeScale: 1, banksPollMs: 50 });
});
afterAll(async () => {
  await w?.close();
  rmSync(banksDir, { recursive: true, force: true });
});

const command = (subcommand: string, options: Record<string, string | number | boolean> = {}) =>
  runQuiz(w, subcommand, options).response() as Promise<{
    data: { content?: string; embeds?: { description?: string }[] };
  }>;

const banksList = async () => (await command('banks')).data.embeds?.[0]?.description ?? '';

describe('case 8: banks in subfolders, changed while the bot runs', () => {
  it('lists what loaded and what failed, with file:line', async () => {
    const list = await banksList();
    expect(list).toContain('`week1` **Week one**: 2 questions');
    expect(list).toContain('**Failed to load (');
    expect(list).toMatch(/`week2\/broken\.quiz\.json:1:\d+: error: /);
    expect(list).not.toContain('README');
  });

  it('picks up changed, added and removed files; a running quiz keeps its version', async () => {
    const alice = w.members.alice?.id as string;
    await command('start', { bank: 'week1', seconds: 60 });
    const q1 = await waitForQuestion(w, 1);
    // While question 1 is open: week1 is rewritten, week3 added, the broken file removed.
    write(
      'week1/rnn.quiz.json',
      bank('week1', 'Week one, revised', ['First, revised?', 'Second, revised?']),
    );
    write('week3/gru.quiz.json', bank('week3', 'Week three', ['GRU?']));
    rmSync(join(banksDir, 'week2'), { recursive: true });
    await vi.waitFor(
      async () => {
        const list = await banksList();
        expect(list).toContain('`week1` **Week one, revised**');
        expect(list).toContain('`week3` **Week three**: 1 questions');
        expect(list).not.toContain('Failed to load');
      },
      { timeout: 8000, interval: 100 },
    );
    react(w, q1.id, alice, 'A');
    await closeWhenSeen(w, q1.id, { [alice]: 'A' });
    await waitForReveal(w, q1.id);
    const q2 = await waitForQuestion(w, 2);
    expect(descriptionOf(q2)).toContain('Second, as written?');
    react(w, q2.id, alice, 'A');
    await closeWhenSeen(w, q2.id, { [alice]: 'A' });
    await w.emu.waitForMessage(w.channelId, (m) => titleOf(m) === 'Quiz over: leaderboard');
    await w.bot.engine.idle();
    // The next quiz on week1 asks the new version.
    await command('start', { bank: 'week1', seconds: 60, count: 1 });
    const fresh = await waitForQuestion(w, 1);
    expect(descriptionOf(fresh)).toContain('First, revised?');
  }, 40_000);
});
