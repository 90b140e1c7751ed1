import {
  type ChatInputCommandInteraction,
  DiscordAPIError,
  Events,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../src/index';
import { connect } from './helpers';

let emu: DiscordEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

/** A bot with `/ping` registered globally, handling it with `handler`. */
async function withCommand(
  handler: (i: ChatInputCommandInteraction) => Promise<void>,
  options: Parameters<typeof DiscordEmulator.start>[0] = {},
) {
  const e = await DiscordEmulator.start(options);
  emu = e;
  const guild = e.createGuild({ name: 'g' });
  const quizmaster = e.createRole(guild.id, { name: 'quizmaster', permissions: ['ManageGuild'] });
  const channelId = e.createChannel(guild.id, {
    name: 'quiz',
    overwrites: [{ id: guild.botRoles[e.bot.id] ?? '', type: 'role', deny: ['SendMessages'] }],
  }).id;
  const alice = e.createMember(guild.id, { username: 'alice', roles: [quizmaster.id] });
  const bob = e.createMember(guild.id, { username: 'bob' });
  const client = await connect(e);
  await client.application.commands.set([{ name: 'ping', description: 'Ping' }]);
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (i) => {
    if (i.isChatInputCommand()) handler(i).catch((error: unknown) => errors.push(error));
  });
  const run = (userId: string) =>
    e.runCommand({ guildId: guild.id, channelId, userId, name: 'ping' });
  return { e, client, channelId, alice, bob, run, errors };
}

describe('interactions', () => {
  it('defers, then edits @original; a reply works without Send Messages (webhook)', async () => {
    const { e, client, alice, run } = await withCommand(async (i) => {
      await i.deferReply();
      await i.editReply({ content: 'done', embeds: [{ title: 'Result' }] });
    });
    const handle = run(alice.id);
    expect(await handle.response()).toMatchObject({ type: 5 });
    const original = await handle.waitForOriginal();
    expect(original).toMatchObject({ content: 'done', loading: false, ephemeral: false });
    expect(original.embeds).toEqual([{ title: 'Result' }]);
    expect(original.interactionId).toBe(handle.id);
    expect(original.authorId).toBe(e.bot.id);
    await client.destroy();
  });

  it('turns the first follow-up after a defer into the original response', async () => {
    const { client, alice, run } = await withCommand(async (i) => {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.followUp({ content: 'first' });
      await i.followUp({ content: 'second' });
    });
    const handle = run(alice.id);
    await handle.waitForFollowUp();
    expect(handle.original).toMatchObject({ content: 'first', ephemeral: true });
    expect(handle.followUps.map((m) => m.content)).toEqual(['second']);
    await client.destroy();
  });

  it('carries the member’s permissions and roles; ephemeral replies are recorded', async () => {
    const seen: [string, boolean][] = [];
    const { client, alice, bob, run } = await withCommand(async (i) => {
      const may = i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      seen.push([i.user.username, may]);
      await i.reply({
        content: may ? 'started' : 'Only quizmasters',
        flags: may ? [] : [MessageFlags.Ephemeral],
      });
    });
    const a = run(alice.id);
    const b = run(bob.id);
    expect((await a.waitForOriginal()).ephemeral).toBe(false);
    expect(await b.waitForOriginal()).toMatchObject({
      content: 'Only quizmasters',
      ephemeral: true,
    });
    expect(seen).toEqual([
      ['alice', true],
      ['bob', false],
    ]);
    await client.destroy();
  });

  it('answers withResponse and refuses a second callback (40060)', async () => {
    const results: unknown[] = [];
    const { client, alice, run, errors } = await withCommand(async (i) => {
      const response = await i.reply({ content: 'hi', withResponse: true });
      results.push(response.resource?.message?.content);
      // Bypass discord.js's own "already replied" guard to reach the API.
      await i.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, {
        body: { type: 4, data: { content: 'again' } },
        auth: false,
      });
    });
    run(alice.id);
    await emu?.waitFor(() => errors.length === 1);
    expect(results).toEqual(['hi']);
    expect(errors[0]).toBeInstanceOf(DiscordAPIError);
    expect((errors[0] as DiscordAPIError).code).toBe(40060);
    await client.destroy();
  });

  it('expires an interaction not answered in time (10062)', async () => {
    const { client, alice, run, errors } = await withCommand(
      async (i) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await i.reply('late');
      },
      { interactionTimeoutMs: 100 },
    );
    const handle = run(alice.id);
    await emu?.waitFor(() => errors.length === 1);
    expect((errors[0] as DiscordAPIError).code).toBe(10062);
    expect(handle.callbacks).toEqual([]);
    await client.destroy();
  });
});
