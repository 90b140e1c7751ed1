import { afterEach, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../src/index';
import { connect } from './helpers';

let emu: DiscordEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function setup(options: Parameters<typeof DiscordEmulator.start>[0] = {}) {
  const e = await DiscordEmulator.start(options);
  emu = e;
  const guild = e.createGuild({ name: 'g', botPermissions: ['MentionEveryone'] });
  const channelId = e.createChannel(guild.id, { name: 'quiz' }).id;
  const client = await connect(e);
  const channel = client.channels.cache.get(channelId);
  if (!channel?.isSendable()) throw new Error('channel not cached');
  return { e, guild, client, channel, channelId };
}

describe('messages', () => {
  it('records allowed_mentions and who would really be pinged', async () => {
    const { e, guild, client, channel, channelId } = await setup();
    const dave = e.createMember(guild.id, { username: 'dave' });
    const text = `@everyone look, <@${dave.id}>`;
    await channel.send({ content: text, allowedMentions: { parse: [] } });
    await channel.send({ content: text, allowedMentions: { users: [dave.id] } });
    await channel.send({ content: text });
    const [none, user, all] = e.messages(channelId);
    expect(none?.allowedMentions).toEqual({ parse: [] });
    expect(none?.pinged).toEqual({ everyone: false, users: [], roles: [] });
    expect(user?.pinged).toEqual({ everyone: false, users: [dave.id], roles: [] });
    expect(all?.allowedMentions).toBeUndefined();
    expect(all?.pinged).toEqual({ everyone: true, users: [dave.id], roles: [] });
    await client.destroy();
  });

  it('records edits, lists history with paging, and deletes', async () => {
    const { e, client, channel, channelId } = await setup();
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await channel.send(`m${i}`));
    await sent[0]?.edit({ content: 'm0 edited', embeds: [{ title: 'E' }] });
    const recorded = e.messages(channelId)[0];
    expect(recorded?.edits).toEqual([
      { content: 'm0 edited', embeds: [{ title: 'E' }], editedAt: expect.any(String) },
    ]);
    const latest = await channel.messages.fetch({ limit: 2 });
    expect([...latest.values()].map((m) => m.content)).toEqual(['m4', 'm3']);
    const older = await channel.messages.fetch({ limit: 10, before: sent[2]?.id ?? '' });
    expect([...older.values()].map((m) => m.content)).toEqual(['m1', 'm0 edited']);
    await sent[4]?.delete();
    expect(e.messages(channelId)).toHaveLength(4);
    expect(e.messages(channelId, { includeDeleted: true }).at(-1)?.deleted).toBe(true);
    await client.destroy();
  });

  it('serves users/@me, guild members and roles', async () => {
    const { e, guild, client } = await setup();
    const role = e.createRole(guild.id, { name: 'quizmaster', permissions: ['ManageGuild'] });
    const erin = e.createMember(guild.id, { username: 'erin', roles: [role.id] });
    const me = await client.user.fetch(true);
    expect(me.username).toBe(e.bot.username);
    const g = client.guilds.cache.get(guild.id);
    if (!g) throw new Error('guild not cached');
    const member = await g.members.fetch({ user: erin.id, force: true });
    expect(member.roles.cache.has(role.id)).toBe(true);
    expect(member.permissions.has('ManageGuild')).toBe(true);
    const roles = await g.roles.fetch();
    expect([...roles.values()].map((r) => r.name).sort()).toEqual(
      ['@everyone', e.bot.username, 'quizmaster'].sort(),
    );
    e.setMemberRoles(guild.id, erin.id, []);
    const refetched = await g.members.fetch({ user: erin.id, force: true });
    expect(refetched.roles.cache.has(role.id)).toBe(false);
    await client.destroy();
  });

  it('enforces the global limit: discord.js waits out the 429s and every request lands', async () => {
    const { e, client, channel, channelId } = await setup({
      rateLimits: { globalPerSecond: 5 },
    });
    await Promise.all(Array.from({ length: 8 }, (_, i) => channel.send(`burst ${i}`)));
    expect(e.messages(channelId)).toHaveLength(8);
    expect(e.rateLimits.hits.some((h) => h.global && !h.injected)).toBe(true);
    await client.destroy();
  });

  it('lets moderators delete messages and clear reactions, and members leave', async () => {
    const { e, guild, client, channel, channelId } = await setup();
    const gil = e.createMember(guild.id, { username: 'gil' });
    const message = await channel.send('Q1');
    await message.react('🇦');
    e.react(channelId, message.id, gil.id, '🇦');
    e.react(channelId, message.id, gil.id, '🇧');
    await e.waitFor(() => message.reactions.cache.size === 2);
    e.clearReactions(channelId, message.id, '🇧');
    await e.waitFor(() => message.reactions.cache.size === 1);
    e.clearReactions(channelId, message.id);
    await e.waitFor(() => message.reactions.cache.size === 0);
    expect(e.message(message.id).reactions).toEqual([]);

    e.deleteMessage(channelId, message.id);
    await e.waitFor(() => !channel.messages.cache.has(message.id));
    const error = await message.react('🇦').catch((err: unknown) => err);
    expect((error as { code?: number }).code).toBe(10008);

    const g = client.guilds.cache.get(guild.id);
    await g?.members.fetch(gil.id);
    e.removeMember(guild.id, gil.id);
    const gone = await g?.members.fetch({ user: gil.id, force: true }).catch((err: unknown) => err);
    expect((gone as { code?: number }).code).toBe(10007);
    await client.destroy();
  });
});
