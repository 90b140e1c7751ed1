import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  type DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiscordEmulator } from '../src/index';
import { answerRow, reviewBot, stopReviewBots } from './buttons-harness';

afterEach(async () => {
  vi.useRealTimers();
  await stopReviewBots();
});

describe('button flows', () => {
  it('toggles buttons on one ephemeral message click by click, then submits', async () => {
    const chosen = new Set<string>();
    const { e, client, alice, review } = await reviewBot(async (i) => {
      const letter = i.customId.split(':')[1] ?? '';
      if (letter === 'submit') {
        await i.update({ content: `Submitted ${[...chosen].sort().join('+')}`, components: [] });
        return;
      }
      if (chosen.has(letter)) chosen.delete(letter);
      else chosen.add(letter);
      const toggles = new ActionRowBuilder<ButtonBuilder>().addComponents(
        ...['A', 'B', 'C'].map((l) =>
          new ButtonBuilder()
            .setCustomId(`q1:${l}`)
            .setLabel(l)
            .setStyle(chosen.has(l) ? ButtonStyle.Success : ButtonStyle.Secondary),
        ),
        new ButtonBuilder()
          .setCustomId('q1:submit')
          .setLabel('Submit')
          .setStyle(ButtonStyle.Primary),
      );
      await i.update({ components: [toggles] });
    });
    const question = await review();
    const styles = (m: { buttons: { label: string | null; style: number }[] }) =>
      m.buttons.map((b) => `${b.label}:${b.style}`).join(' ');
    for (const letter of ['A', 'C', 'A', 'B']) {
      const click = e.clickButton({
        messageId: question.id,
        customId: `q1:${letter}`,
        userId: alice.id,
      });
      await click.waitForUpdate();
    }
    const [latest] = e.ephemeralMessages(alice.id);
    expect(styles(latest ?? { buttons: [] })).toBe('A:2 B:3 C:3 Submit:1');
    expect(latest?.content).toBe('Q1: 2 + 2 = ?');
    expect(latest?.edits.map((edit) => styles(edit))).toEqual([
      'A:3 B:2 C:2 Submit:1',
      'A:3 B:2 C:3 Submit:1',
      'A:2 B:2 C:3 Submit:1',
      'A:2 B:3 C:3 Submit:1',
    ]);
    const submit = e.clickButton({
      messageId: question.id,
      customId: 'q1:submit',
      userId: alice.id,
    });
    expect((await submit.waitForUpdate()).content).toBe('Submitted B+C');
    expect(() =>
      e.clickButton({ messageId: question.id, customId: 'q1:A', userId: alice.id }),
    ).toThrow(/no button/);
    await client.destroy();
  });

  it('keeps a click’s webhook for 15 minutes (10015 after)', async () => {
    const gates: (() => void)[] = [];
    const gate = () => new Promise<void>((resolve) => gates.push(resolve));
    const results: (string | number)[] = [];
    const { e, client, channel, alice } = await reviewBot(async (i) => {
      await i.deferUpdate();
      await gate();
      await i.followUp({ content: 'still here', flags: MessageFlags.Ephemeral });
      results.push('sent');
      await gate();
      await i.editReply({ content: 'too late' }).catch((error: unknown) => {
        results.push((error as DiscordAPIError).code);
      });
    });
    const posted = await channel.send({ content: 'Q5', components: [answerRow('q5')] });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const click = e.clickButton({ messageId: posted.id, customId: 'q5:A', userId: alice.id });
    await click.response();
    await e.waitFor(() => gates.length === 1);
    vi.setSystemTime(Date.now() + 14 * 60_000);
    gates[0]?.();
    await click.waitForFollowUp();
    await e.waitFor(() => gates.length === 2);
    vi.setSystemTime(Date.now() + 60_000 + 1000);
    gates[1]?.();
    await e.waitFor(() => results.length === 2);
    expect(results).toEqual(['sent', 10015]);
    expect(e.message(posted.id).content).toBe('Q5');
    await client.destroy();
  });

  it('answers withResponse: the updated message for 7, none for 6', async () => {
    const resources: unknown[] = [];
    const { e, client, channel, alice } = await reviewBot(async (i) => {
      const response = i.customId.endsWith('A')
        ? await i.update({ content: 'updated', withResponse: true })
        : await i.deferUpdate({ withResponse: true });
      resources.push([response.resource?.type, response.resource?.message?.content ?? null]);
    });
    const posted = await channel.send({ content: 'Q6', components: [answerRow('q6')] });
    e.clickButton({ messageId: posted.id, customId: 'q6:A', userId: alice.id });
    await e.waitFor(() => resources.length === 1);
    e.clickButton({ messageId: posted.id, customId: 'q6:B', userId: alice.id });
    await e.waitFor(() => resources.length === 2);
    expect(resources).toEqual([
      [7, 'updated'],
      [6, null],
    ]);
    await client.destroy();
  });

  it('edits a follow-up’s buttons through the webhook; its clicks come back', async () => {
    const { e, client, channel, alice } = await reviewBot(async (i) => {
      if (i.customId === 'next') {
        await i.update({ content: 'Q8', components: [] });
        return;
      }
      await i.deferUpdate();
      const followUp = await i.followUp({ content: 'Q7 graded', flags: MessageFlags.Ephemeral });
      const next = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('next').setLabel('Next').setStyle(ButtonStyle.Primary),
      );
      await i.webhook.editMessage(followUp.id, { components: [next] });
    });
    const posted = await channel.send({ content: 'Q7', components: [answerRow('q7')] });
    const click = e.clickButton({ messageId: posted.id, customId: 'q7:C', userId: alice.id });
    const graded = await click.waitForFollowUp((m) => m.buttons.length === 1);
    expect(graded).toMatchObject({ content: 'Q7 graded', ephemeral: true, visibleTo: alice.id });
    const next = e.clickButton({ messageId: graded.id, customId: 'next', userId: alice.id });
    expect((await next.waitForUpdate()).content).toBe('Q8');
    expect(e.message(posted.id).content).toBe('Q7');
    await client.destroy();
  });
});

describe('button clicks with several bots', () => {
  it('go to the bot that posted the message', async () => {
    const e = await DiscordEmulator.start({ bots: [{ username: 'one' }, { username: 'two' }] });
    try {
      const [one, two] = e.bots;
      if (!one || !two) throw new Error('two bots expected');
      const guild = e.createGuild({ name: 'g' });
      const channelId = e.createChannel(guild.id, { name: 'c' }).id;
      const alice = e.createMember(guild.id, { username: 'alice' });
      const login = async (token: string) => {
        const client = new Client({ intents: [GatewayIntentBits.Guilds], ...e.clientOptions() });
        const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
        await client.login(token);
        await ready;
        return client;
      };
      const [c1, c2] = [await login(one.token), await login(two.token)];
      const got: string[] = [];
      for (const c of [c1, c2]) {
        c.on(Events.InteractionCreate, async (i) => {
          got.push(c.user?.username ?? '');
          if (i.isButton()) await i.update({ content: `${c.user?.username} got it` });
        });
      }
      const channel = c2.channels.cache.get(channelId);
      if (!channel?.isSendable()) throw new Error('channel not cached');
      const posted = await channel.send({ content: 'Q', components: [answerRow('q')] });
      const click = e.clickButton({ messageId: posted.id, customId: 'q:A', userId: alice.id });
      expect((await click.waitForUpdate()).content).toBe('two got it');
      expect(got).toEqual(['two']);
      expect(click.interaction.applicationId).toBe(two.applicationId);
      await Promise.all([c1.destroy(), c2.destroy()]);
    } finally {
      await e.stop();
    }
  });
});
