import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OptionValue, RecordedMessage } from '@quizdeck/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CommandReply,
  closeWhenSeen,
  descriptionOf,
  EPHEMERAL,
  react,
  runCommand,
  startWorld,
  titleOf,
  type World,
  waitForQuestion,
  waitForReveal,
} from './harness';

// TeX nested far deeper than any renderer's recursion can follow.
const DEEP = 5000;
const deepTex = `$${'\\frac{'.repeat(DEEP)}x${'}{y}'.repeat(DEEP)}$`;
const question = (id: string, prompt: string, answer: string) => ({
  id,
  prompt,
  tags: ['@here tag'],
  options: [
    { key: 'A', text: 'first' },
    { key: 'B', text: 'second' },
  ],
  answer: [answer],
  multiple: false,
});
const hostile = {
  id: 'hostile',
  title: '@everyone <@&123456789012345678> week 1',
  tags: ['@here', '<@123456789012345678>'],
  questions: [
    question('plain-1', 'Which is first?', 'A'),
    question('deep-tex', deepTex, 'A'),
    question('plain-3', 'Which is second?', 'B'),
  ],
};

const banksDir = mkdtempSync(join(tmpdir(), 'quizdeck-hostile-'));
writeFileSync(join(banksDir, 'hostile.quiz.json'), JSON.stringify(hostile));

let w: World;
beforeAll(async () => {
  w = await startWorld({ banks: banksDir, memberNames: ['alice'], timeScale: 1 });
});
afterAll(async () => {
  await w?.close();
  rmSync(banksDir, { recursive: true, force: true });
});

const command = async (
  subcommand: string,
  options: Record<string, OptionValue> = {},
  name = 'quiz',
) => (await runCommand(w, name, subcommand, options).response()) as CommandReply;

const texts = (m: RecordedMessage) => [
  m.content,
  ...m.embeds.flatMap((e) => [
    String(e.title ?? ''),
    String(e.description ?? ''),
    String((e.footer as { text?: string } | undefined)?.text ?? ''),
  ]),
];

describe('slash-command options Discord would have refused', () => {
  it.each([
    ['start', { count: 0 }, '`count` must be between 1 and 200.'],
    ['start', { count: -1 }, '`count` must be between 1 and 200.'],
    ['start', { seconds: 0 }, '`seconds` must be between 5 and 600.'],
    ['start', { seconds: -30 }, '`seconds` must be between 5 and 600.'],
    ['start', { seconds: 1_000_000_000 }, '`seconds` must be between 5 and 600.'],
    ['start', { scoring: 'lenient' }, '`scoring` must be one of `exact`, `partial`.'],
    ['start', { tag: 'x'.repeat(101) }, '`tag` must be 0–100 characters long.'],
    ['config', { seconds: 4 }, '`seconds` must be between 5 and 600.'],
  ])('/quiz %s %o is refused privately', async (sub, options, message) => {
    const reply = await command(sub, options);
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toBe(message);
    expect(await w.bot.engine.store.runningInChannel(w.channelId)).toBeUndefined();
    expect((await w.bot.engine.store.settings(w.guildId)).defaultSeconds).toBe(30);
  });

  it('refuses /shapes sizes below 1', async () => {
    const reply = await command('', { cell: 'rnn', input: 0, hidden: 4 }, 'shapes');
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toBe('`input` must be at least 1.');
  });
});

describe('a hostile bank in a live quiz', () => {
  it('neutralises the title and tags, skips the question that cannot render, asks the rest', async () => {
    const alice = w.members.alice?.id as string;
    const start = await command('start', { bank: 'hostile', seconds: 60 });
    expect(start.data.content).toMatch(
      /^Quiz \*\*@\u200beveryone <\u200b@&123456789012345678> week 1\*\*: 3 questions/,
    );
    const q1 = await waitForQuestion(w, 1);
    react(w, q1.id, alice, 'A');
    await closeWhenSeen(w, q1.id, { [alice]: 'A' });
    await waitForReveal(w, q1.id);
    const notice = await w.emu.waitForMessage(w.channelId, (m) =>
      m.content.startsWith('Question 2 of 3 skipped'),
    );
    expect(notice.content).toBe(
      'Question 2 of 3 skipped: it cannot be shown (prompt: TeX nested more than 32 levels deep).',
    );
    const q3 = await waitForQuestion(w, 3);
    expect(descriptionOf(q3)).toContain('Which is second?');
    react(w, q3.id, alice, 'B');
    await closeWhenSeen(w, q3.id, { [alice]: 'B' });
    await waitForReveal(w, q3.id);
    const board = await w.emu.waitForMessage(
      w.channelId,
      (m) => titleOf(m) === 'Quiz over: leaderboard',
    );
    expect(descriptionOf(board)).toBe(`1. <@${alice}> **2** pts (2/2 right)`);
    expect((await w.bot.engine.store.latestInChannel(w.channelId))?.state).toBe('finished');

    const banks = await command('banks');
    expect(banks.data.embeds?.[0]?.description).toContain(
      '`hostile` **@\u200beveryone <\u200b@&123456789012345678> week 1**: 3 questions (@\u200bhere, <\u200b@123456789012345678>)',
    );
    const stats = await command('stats', { member: alice });
    expect(stats.data.embeds?.[0]?.description).toContain('@\u200bhere tag 100% (2)');

    for (const m of w.emu.messages(w.channelId)) {
      for (const text of texts(m)) {
        expect(text).not.toMatch(/@(everyone|here)/);
        expect(text).not.toMatch(/<@&\d|<@123456789012345678>/);
      }
      expect(m.pinged).toEqual({ everyone: false, users: [], roles: [] });
    }
  }, 30_000);
});
