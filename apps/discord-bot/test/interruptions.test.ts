import type { OptionValue } from '@quizdeck/discord-emulator';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeWhenSeen,
  descriptionOf,
  react,
  runCommand,
  startWorld,
  titleOf,
  type World,
  waitForQuestion,
  waitForReveal,
} from './harness';

let w: World;
beforeAll(async () => {
  w = await startWorld({ memberNames: ['alice'], timeScale: 1 });
});
afterAll(() => w?.close());

const run = (
  channelId: string,
  subcommand: string | undefined,
  options: Record<string, OptionValue> = {},
  name = 'quiz',
) => runCommand(w, name, subcommand, options, { channelId });

describe('case 4: a moderator deletes a question', () => {
  it('skips a question deleted before its letters are up, says so, and asks the next', async () => {
    const channel = w.emu.createChannel(w.guildId, { name: 'deleted' }).id;
    const alice = w.members.alice?.id as string;
    // The bot's first letter waits at Discord's door while the moderator deletes the question.
    const hold = w.emu.holds.inject({ route: /^PUT .*\/reactions\/.*\/@me$/ });
    await run(channel, 'start', { bank: 'rnn-quiz', count: 2, seconds: 60 }).response();
    await hold.reached;
    const q1 = w.emu.messages(channel).find((m) => titleOf(m) === 'Question 1 of 2');
    w.emu.deleteMessage(channel, q1?.id as string);
    hold.release();
    const notice = await w.emu.waitForMessage(channel, (m) => m.content.includes('deleted'));
    expect(notice.content).toBe('Question 1 of 2 was deleted before it closed; skipping it.');
    const q2 = await waitForQuestion(w, 2, channel);
    react(w, q2.id, alice, 'A', channel);
    await closeWhenSeen(w, q2.id, { [alice]: 'A' }, channel);
    await waitForReveal(w, q2.id, channel);
    await w.emu.waitForMessage(channel, (m) => titleOf(m) === 'Quiz over: leaderboard');
    expect(w.emu.messages(channel).some((m) => m.content.startsWith('Quiz stopped'))).toBe(false);
    expect((await w.bot.engine.store.latestInChannel(channel))?.state).toBe('finished');
  }, 30_000);
});

describe('case 5: /quiz stop while the /quiz start reply is in flight', () => {
  it('stops the quiz: no question is asked, and the leaderboard says stopped', async () => {
    const channel = w.emu.createChannel(w.guildId, { name: 'early-stop' }).id;
    const hold = w.emu.holds.inject({
      route: 'POST /interactions/:interactionId/:interactionToken/callback',
    });
    const started = run(channel, 'start', { bank: 'rnn-quiz', count: 2, seconds: 60 });
    await hold.reached;
    // discord.js sends interaction callbacks one at a time: these replies wait behind the held
    // one, but the bot handles both commands now, while the start reply is in flight.
    let handled = 0;
    w.bot.client.on(Events.InteractionCreate, () => {
      handled++;
    });
    const status = run(channel, 'status');
    const stop = run(channel, 'stop');
    await w.emu.waitFor(() => handled === 2, { description: 'the bot to handle both commands' });
    hold.release();
    await started.response();
    const said = async (r: typeof stop) =>
      ((await r.response()).data as { content: string }).content;
    expect(await said(status)).toMatch(/starting/);
    expect(await said(stop)).toBe('Stopping the quiz.');
    await w.emu.waitForMessage(channel, (m) => titleOf(m) === 'Quiz stopped: leaderboard');
    expect((await w.bot.engine.store.latestInChannel(channel))?.state).toBe('stopped');
    await w.bot.engine.idle();
    expect(w.emu.messages(channel).filter((m) => titleOf(m).startsWith('Question'))).toEqual([]);
  }, 30_000);
});

describe('case 6: /shapes tables longer than one message', () => {
  it('puts every part of the table in a code block of its own, cut between rows', async () => {
    const channel = w.emu.createChannel(w.guildId, { name: 'shapes' }).id;
    const shapes = run(
      channel,
      undefined,
      {
        cell: 'lstm',
        input: 10,
        hidden: 20,
        layers: 12,
        bidirectional: true,
        convention: 'pytorch',
      },
      'shapes',
    );
    await shapes.waitForOriginal();
    const parts = await w.emu.waitFor(() => {
      const all = [shapes.original, ...shapes.followUps].filter((m) => m !== undefined);
      const last = all.at(-1);
      return last && /\btotal\b/i.test(descriptionOf(last)) ? all : undefined;
    });
    expect(parts.length).toBeGreaterThan(1);
    const rows: string[] = [];
    for (const part of parts) {
      const body = descriptionOf(part);
      expect(body).toMatch(/^```\n[\s\S]*\n```$/);
      expect(body.slice(3, -3)).not.toContain('```');
      rows.push(...body.slice(4, -4).split('\n'));
    }
    const width = rows.find((r) => r.startsWith('weight_ih_l0'))?.length;
    expect(rows.filter((r) => r.startsWith('weight_')).every((r) => r.length === width)).toBe(true);
    expect(rows.filter((r) => r.startsWith('weight_ih_l'))).toHaveLength(24);
  }, 30_000);
});
