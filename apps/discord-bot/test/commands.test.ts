import type { OptionValue } from '@quizdeck/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CommandReply,
  closeWhenSeen,
  descriptionOf,
  EPHEMERAL,
  FIXTURE_BANKS,
  react,
  runCommand,
  startWorld,
  titleOf,
  type World,
  waitForQuestion,
  waitForReveal,
} from './harness';

const command = async (
  w: World,
  userId: string,
  subcommand: string | undefined,
  options: Record<string, OptionValue> = {},
  name = 'quiz',
  channelId = w.channelId,
) =>
  (await runCommand(w, name, subcommand, options, {
    userId,
    channelId,
  }).response()) as CommandReply;

describe('commands and permissions', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ memberNames: ['alice', 'bob'], timeScale: 0.1 });
  });
  afterAll(() => w?.close());

  it('tells the quizmaster, privately, which permission the bot lacks in the channel', async () => {
    const noReactions = w.emu.createChannel(w.guildId, {
      name: 'no-reactions',
      overwrites: [{ id: w.emu.bot.id, type: 'member', deny: ['AddReactions'] }],
    });
    const reply = await command(w, w.ownerId, 'start', {}, 'quiz', noReactions.id);
    expect(reply.data.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toContain('**Add Reactions**');
    expect(await w.bot.engine.store.runningInChannel(noReactions.id)).toBeUndefined();
    expect(w.emu.messages(noReactions.id).filter((m) => !m.ephemeral)).toEqual([]);
  });

  it('stops a quiz that loses Add Reactions mid-way and says which permission it needs', async () => {
    const channel = w.emu.createChannel(w.guildId, { name: 'revoked' });
    await command(w, w.ownerId, 'start', { count: 2, seconds: 5 }, 'quiz', channel.id);
    await waitForQuestion(w, 1, channel.id);
    w.emu.setChannelOverwrites(channel.id, [
      { id: w.emu.bot.id, type: 'member', deny: ['AddReactions'] },
    ]);
    const notice = await w.emu.waitForMessage(channel.id, (m) =>
      m.content.startsWith('Quiz stopped:'),
    );
    expect(notice.content).toBe(
      'Quiz stopped: I need the **Add Reactions** permission in this channel.',
    );
    expect((await w.bot.engine.store.latestInChannel(channel.id))?.state).toBe('stopped');
  });

  it('refuses /quiz start from a member without the quizmaster role, then accepts the role', async () => {
    const alice = w.members.alice?.id as string;
    const refused = await command(w, alice, 'start', { count: 1 });
    expect(refused.data.flags).toBe(EPHEMERAL);
    expect(refused.data.content).toMatch(/Only members with Manage Server/);
    expect(await w.bot.engine.store.runningInChannel(w.channelId)).toBeUndefined();
    // A member cannot make themselves quizmaster either.
    const role = w.emu.createRole(w.guildId, { name: 'Quizmaster' });
    const selfConfig = await command(w, alice, 'config', { quizmaster_role: role.id });
    expect(selfConfig.data.content).toMatch(/Only members with Manage Server/);
    // A long default: the quiz must still be on question 1 when /quiz status asks, however slow.
    const config = await command(w, w.ownerId, 'config', {
      quizmaster_role: role.id,
      seconds: 600,
    });
    expect(config.data.content).toContain(`<@&${role.id}>`);
    w.emu.setMemberRoles(w.guildId, alice, [role.id]);
    const started = await command(w, alice, 'start', { count: 2 });
    expect(started.data.flags ?? 0).toBe(0);
    expect(started.data.content).toMatch(
      /^Quiz \*\*Recurrent neural networks\*\*: 2 questions, 600 s each/,
    );
    await waitForQuestion(w, 1);
    const again = await command(w, w.ownerId, 'start', {});
    expect(again.data.content).toBe('A quiz is already running in this channel.');
    const status = await command(w, w.ownerId, 'status');
    expect(status.data.content).toMatch(/question 1 of 2/);
    const stop = await command(w, w.members.bob?.id as string, 'stop');
    expect(stop.data.content).toMatch(/Only members/);
    await command(w, alice, 'stop');
    await w.emu.waitForMessage(w.channelId, (m) => titleOf(m) === 'Quiz stopped: leaderboard');
    expect((await w.bot.engine.store.latestInChannel(w.channelId))?.state).toBe('stopped');
  }, 20_000);

  it('rides out 429s on the reaction route', async () => {
    w.emu.rateLimits.inject({ route: /reactions/, count: 3, retryAfter: 60 });
    const hits = w.emu.rateLimits.hits.length;
    await command(w, w.ownerId, 'start', { count: 1, seconds: 60 });
    const q = await waitForQuestion(w, 1);
    expect(q.reactions.map((r) => r.emoji)).toEqual(['🇦', '🇧', '🇨', '🇩']);
    react(w, q.id, w.members.bob?.id as string, 'AD');
    await closeWhenSeen(w, q.id, { [w.members.bob?.id as string]: 'AD' });
    const reveal = await waitForReveal(w, q.id);
    expect(descriptionOf(reveal)).toContain(`**Right (1):** <@${w.members.bob?.id}>`);
    const injected = w.emu.rateLimits.hits.slice(hits).filter((h) => h.injected);
    expect(injected.length).toBe(3);
  }, 20_000);

  it('offers /quiz to Manage Server only, and the member commands to everyone on /quizdeck', async () => {
    const registered = w.emu.requests.find((r) => r.method === 'PUT' && /commands$/.test(r.path));
    const bodies =
      (registered?.body as { items: Record<string, unknown>[] } | undefined)?.items ?? [];
    const byName = Object.fromEntries(bodies.map((c) => [c.name, c]));
    expect(byName.quiz?.default_member_permissions).toBe(String(1 << 5)); // Manage Server
    expect(byName.quizdeck?.default_member_permissions ?? null).toBeNull();
    const subs = (c: unknown) =>
      ((c as { options: { name: string }[] }).options ?? []).map((o) => o.name);
    expect(subs(byName.quizdeck)).toEqual(['status', 'leaderboard', 'stats', 'banks']);
    const bob = w.members.bob?.id as string;
    const viaQuizdeck = await command(w, bob, 'banks', {}, 'quizdeck');
    const viaQuiz = await command(w, bob, 'banks', {}, 'quiz');
    expect(viaQuizdeck.data.embeds?.[0]?.description).toContain('`rnn-quiz`');
    expect(viaQuizdeck.data).toEqual(viaQuiz.data);
    const status = await command(w, bob, 'status', {}, 'quizdeck');
    expect(status.data.content).toMatch(
      /^(No quiz is running in this channel\.|Quiz `rnn-quiz`: )/,
    );
  });

  it('answers /quiz banks, leaderboard, stats and /shapes', async () => {
    const banks = await command(w, w.ownerId, 'banks');
    expect(banks.data.embeds?.[0]?.description).toContain(
      '`rnn-quiz` **Recurrent neural networks**: 10 questions',
    );
    const board = await command(w, w.ownerId, 'leaderboard', { scope: 'all' });
    expect(board.data.embeds?.[0]?.description).toContain(`<@${w.members.bob?.id}> **1** pts`);
    const stats = await command(w, w.ownerId, 'stats', { member: w.members.bob?.id as string });
    expect(stats.data.embeds?.[0]?.description).toMatch(/Answered: \*\*1\*\*, right: \*\*1\*\*/);
    const shapes = await command(
      w,
      w.ownerId,
      undefined,
      { cell: 'lstm', input: 50, hidden: 100 },
      'shapes',
    );
    expect(shapes.data.embeds?.[0]?.title).toBe('LSTM 50→100 (textbook)');
    expect(shapes.data.embeds?.[0]?.description).toMatch(/^```\n[\s\S]*60[\s,]?000|60000/);
    const bad = await command(
      w,
      w.ownerId,
      undefined,
      { cell: 'gru', input: 5, hidden: 10, proj: 3 },
      'shapes',
    );
    expect(bad.data.flags).toBe(EPHEMERAL);
    expect(bad.data.content).toMatch(/proj/);
  }, 20_000);
});

describe('untrusted question text', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ banks: FIXTURE_BANKS, memberNames: ['alice'], timeScale: 0.1 });
  });
  afterAll(() => w?.close());

  it('pings no one with @everyone in a question, and splits a passage over the limits', async () => {
    await command(w, w.ownerId, 'start', { bank: 'mentions' });
    const q = await waitForQuestion(w, 1);
    react(w, q.id, w.members.alice?.id as string, 'A');
    await closeWhenSeen(w, q.id, { [w.members.alice?.id as string]: 'A' });
    await waitForReveal(w, q.id);
    await w.emu.waitForMessage(w.channelId, (m) => titleOf(m) === 'Quiz over: leaderboard');
    const messages = w.emu.messages(w.channelId);
    const passage = messages.filter((m) => /Paragraph \d+/.test(descriptionOf(m)));
    expect(passage.length).toBeGreaterThan(3);
    expect(passage.map(descriptionOf).join('\n\n')).toContain('Paragraph 39:');
    expect(messages.some((m) => descriptionOf(m).includes('everyone look!'))).toBe(true);
    for (const m of messages) {
      expect(m.allowedMentions).toEqual({ parse: [] });
      expect(m.pinged).toEqual({ everyone: false, users: [], roles: [] });
    }
  }, 20_000);
});
