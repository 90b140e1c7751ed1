import { ButtonStyle, type DiscordAPIError, MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatorError } from '../src/index';
import { answerRow, reviewBot, stopReviewBots } from './buttons-harness';

afterEach(async () => {
  await stopReviewBots();
});

describe('buttons', () => {
  it('shows a member their ephemeral buttons; a click updates that message', async () => {
    const { e, client, alice, bob, channelId, seen, review } = await reviewBot(async (i) => {
      await i.update({
        content: `You chose ${i.customId.split(':')[1]}`,
        components: [answerRow('q1', ['A', 'B', 'C', 'D'])],
      });
    });
    const question = await review();
    const visible = e.ephemeralMessages(alice.id, { channelId });
    expect(visible.map((m) => m.id)).toEqual([question.id]);
    expect(e.ephemeralMessages(bob.id)).toEqual([]);
    expect(question.visibleTo).toBe(alice.id);
    expect(question.buttons).toEqual([
      ...['A', 'B', 'C', 'D'].map((l) => ({
        row: 0,
        customId: `q1:${l}`,
        label: l,
        style: ButtonStyle.Primary,
        emoji: null,
        url: null,
        disabled: l === 'D',
      })),
      {
        row: 0,
        customId: null,
        label: 'Help',
        style: ButtonStyle.Link,
        emoji: null,
        url: 'https://example.org/help',
        disabled: false,
      },
    ]);

    const click = e.clickButton({ messageId: question.id, customId: 'q1:B', userId: alice.id });
    expect(await click.response()).toMatchObject({ type: 7 });
    const updated = await click.waitForUpdate();
    expect(updated).toMatchObject({ id: question.id, content: 'You chose B', ephemeral: true });
    expect(updated.buttons.filter((b) => b.customId).every((b) => b.disabled)).toBe(true);
    expect(updated.edits).toEqual([
      expect.objectContaining({ content: 'You chose B', components: updated.components }),
    ]);
    expect(click.original?.id).toBe(question.id);

    // What discord.js handed the bot.
    const interaction = seen[0];
    expect(interaction?.customId).toBe('q1:B');
    expect(interaction?.user.id).toBe(alice.id);
    expect(interaction?.message.id).toBe(question.id);
    expect(interaction?.message.flags.has(MessageFlags.Ephemeral)).toBe(true);
    expect(interaction?.inGuild()).toBe(true);
    await client.destroy();
  });

  it('refuses clicks no member could make', async () => {
    const { e, client, alice, bob, review } = await reviewBot(async (i) => {
      await i.deferUpdate();
    });
    const question = await review();
    const attempt = (userId: string, customId: string) => {
      try {
        e.clickButton({ messageId: question.id, customId, userId });
        return 'clicked';
      } catch (error) {
        return error instanceof EmulatorError ? error.code : String(error);
      }
    };
    expect(attempt(bob.id, 'q1:A')).toBe('EMU_MESSAGE_NOT_VISIBLE');
    expect(attempt(alice.id, 'q1:D')).toBe('EMU_COMPONENT_DISABLED');
    expect(attempt(alice.id, 'q1:E')).toBe('EMU_UNKNOWN_COMPONENT');
    expect(attempt(alice.id, 'q1:A')).toBe('clicked');
    await client.destroy();
  });

  it('defers the update, then edits the clicked channel message and sends an ephemeral follow-up', async () => {
    const { e, client, channel, channelId, alice, bob } = await reviewBot(async (i) => {
      await i.deferUpdate();
      await i.editReply({ content: `${i.user.username} answered`, components: [] });
      await i.followUp({ content: 'Correct!', flags: MessageFlags.Ephemeral });
    });
    const posted = await channel.send({ content: 'Q2', components: [answerRow('q2')] });
    const click = e.clickButton({
      messageId: posted.id,
      customId: 'q2:C',
      userId: bob.id,
      channelId,
    });
    expect(await click.response()).toMatchObject({ type: 6 });
    const edited = await click.waitForUpdate((m) => m.content === 'bob answered');
    expect(edited.components).toEqual([]);
    expect(edited.ephemeral).toBe(false);
    const followUp = await click.waitForFollowUp();
    expect(followUp).toMatchObject({ content: 'Correct!', ephemeral: true, visibleTo: bob.id });
    expect(e.ephemeralMessages(bob.id).map((m) => m.content)).toEqual(['Correct!']);
    expect(e.ephemeralMessages(alice.id)).toEqual([]);
    // The channel message is edited for everyone: the bot reads it back.
    const fetched = await channel.messages.fetch({ message: posted.id, force: true });
    expect(fetched.content).toBe('bob answered');
    await client.destroy();
  });

  it('replies to a click with a new message, or defers it and edits the new one', async () => {
    const { e, client, channel, alice } = await reviewBot(async (i) => {
      if (i.customId.endsWith('A')) {
        await i.reply({ content: 'Next question', flags: MessageFlags.Ephemeral });
      } else {
        await i.deferReply({ flags: MessageFlags.Ephemeral });
        await i.editReply({ content: 'Graded', components: [answerRow('q3')] });
      }
    });
    const posted = await channel.send({ content: 'Q3', components: [answerRow('q3')] });
    const reply = e.clickButton({ messageId: posted.id, customId: 'q3:A', userId: alice.id });
    expect(await reply.waitForOriginal()).toMatchObject({
      content: 'Next question',
      ephemeral: true,
      visibleTo: alice.id,
    });
    expect(reply.original?.id).not.toBe(posted.id);
    expect(reply.message.content).toBe('Q3');

    const deferred = e.clickButton({ messageId: posted.id, customId: 'q3:B', userId: alice.id });
    expect(await deferred.response()).toMatchObject({ type: 5 });
    const graded = await deferred.waitForOriginal();
    expect(graded).toMatchObject({ content: 'Graded', ephemeral: true, loading: false });
    expect(graded.buttons).toHaveLength(5);
    // The buttons on the new ephemeral message work like any other.
    const next = e.clickButton({ messageId: graded.id, customId: 'q3:A', userId: alice.id });
    expect((await next.waitForOriginal()).content).toBe('Next question');
    await client.destroy();
  });

  it('answers 40060 to a second callback and 10062 to a late first one', async () => {
    const results: string[] = [];
    const { e, client, channel, alice, errors } = await reviewBot(
      async (i) => {
        if (i.customId.endsWith('B')) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          await i.update({ content: 'late' });
          return;
        }
        await i.update({ content: 'first' });
        results.push('updated');
        await i.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, {
          body: { type: 7, data: { content: 'second' } },
          auth: false,
        });
      },
      { interactionTimeoutMs: 100 },
    );
    const posted = await channel.send({ content: 'Q4', components: [answerRow('q4')] });
    e.clickButton({ messageId: posted.id, customId: 'q4:A', userId: alice.id });
    await e.waitFor(() => errors.length === 1);
    expect(results).toEqual(['updated']);
    expect((errors[0] as DiscordAPIError).code).toBe(40060);
    expect(e.message(posted.id).content).toBe('first');

    const late = e.clickButton({ messageId: posted.id, customId: 'q4:B', userId: alice.id });
    await e.waitFor(() => errors.length === 2);
    expect((errors[1] as DiscordAPIError).code).toBe(10062);
    expect(late.callbacks).toEqual([]);
    expect(e.message(posted.id).content).toBe('first');
    await client.destroy();
  });
});
