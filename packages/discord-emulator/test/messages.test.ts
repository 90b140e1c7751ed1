import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordEmulator, MESSAGE_LIMITS } from '../src/index';
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
      {
        content: 'm0 edited',
        embeds: [{ title: 'E' }],
        components: [],
        buttons: [],
        editedAt: expect.any(String),
      },
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

  it('answers a create repeated with enforce_nonce with the first message', async () => {
    const { e, client, channel, channelId } = await setup();
    const first = await channel.send({ content: 'q1', nonce: 'round-7.0', enforceNonce: true });
    const again = await channel.send({ content: 'q1', nonce: 'round-7.0', enforceNonce: true });
    expect(again.id).toBe(first.id);
    await channel.send({ content: 'q1', nonce: 'round-7.0' }); // not enforced: a new message
    await channel.send({ content: 'q2', nonce: 'round-7.1', enforceNonce: true });
    expect(e.messages(channelId).map((m) => m.content)).toEqual(['q1', 'q1', 'q2']);
    const error = await channel
      .send({ content: 'x', nonce: 'n'.repeat(26), enforceNonce: true })
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    await client.destroy();
  });

  it('loses the answer to a create on an injected 502: discord.js retries it', async () => {
    const { e, client, channel, channelId } = await setup();
    const route = 'POST /channels/:channelId/messages';
    e.serverErrors.inject({ route, afterHandling: true });
    await channel.send('without a nonce');
    // The retry made a second message: the first was created, only its answer was lost.
    expect(e.messages(channelId).map((m) => m.content)).toEqual([
      'without a nonce',
      'without a nonce',
    ]);
    e.serverErrors.inject({ route, afterHandling: true, count: 2 });
    const sent = await channel.send({ content: 'with one', nonce: 'q-1', enforceNonce: true });
    expect(e.messages(channelId).filter((m) => m.content === 'with one')).toHaveLength(1);
    expect(e.messages(channelId).at(-1)?.id).toBe(sent.id);
    e.serverErrors.inject({ route, status: 503 }); // before handling: nothing is created
    await channel.send('once');
    expect(e.messages(channelId).filter((m) => m.content === 'once')).toHaveLength(1);
    expect(e.serverErrors.hits.map((h) => [h.status, h.afterHandling])).toEqual([
      [502, true],
      [502, true],
      [502, true],
      [503, false],
    ]);
    await client.destroy();
  });

  it('holds a request, or only its answer, until the test releases it', async () => {
    const { e, guild, client, channel, channelId } = await setup();
    const alice = e.createMember(guild.id, { username: 'alice' });
    const route = 'POST /channels/:channelId/messages';
    const after = e.holds.inject({ route, afterHandling: true });
    const seen: string[] = [];
    client.on('raw', (p: { t?: string }) => {
      if (p.t === 'MESSAGE_REACTION_ADD') seen.push('reaction');
    });
    const sending = channel.send('held answer').then(() => seen.push('answer'));
    await after.reached;
    const made = e.messages(channelId).at(-1);
    expect(made?.content).toBe('held answer'); // created, its answer not yet sent
    e.react(channelId, made?.id as string, alice.id, '🇦');
    await e.waitFor(() => seen.length > 0);
    after.release();
    await sending;
    expect(seen).toEqual(['reaction', 'answer']);

    const before = e.holds.inject({ route });
    const second = channel.send('held request');
    await before.reached;
    expect(e.messages(channelId).map((m) => m.content)).toEqual(['held answer']);
    before.release();
    await second;
    expect(e.messages(channelId).map((m) => m.content)).toEqual(['held answer', 'held request']);
    await client.destroy();
  });

  it('records files posted with a message, points attachment:// embeds at them, refuses 10 MiB+', async () => {
    const { e, client, channel, channelId } = await setup();
    const png = Buffer.from('\x89PNG fake image bytes');
    const sent = await channel.send({
      files: [{ attachment: png, name: 'cell.png' }],
      embeds: [{ description: 'see below', image: { url: 'attachment://cell.png' } }],
    });
    const [m] = e.messages(channelId);
    expect(m?.attachments).toHaveLength(1);
    expect(m?.attachments[0]).toMatchObject({
      filename: 'cell.png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    expect((m?.embeds[0]?.image as { url?: string } | undefined)?.url).toBe(m?.attachments[0]?.url);
    expect(sent.attachments.first()?.name).toBe('cell.png');
    const big = Buffer.alloc(MESSAGE_LIMITS.uploadBytes + 1);
    const error = await channel
      .send({ files: [{ attachment: big, name: 'big.png' }] })
      .catch((err: unknown) => err);
    expect(error).toMatchObject({ status: 413, code: 40005 });
    expect(e.messages(channelId)).toHaveLength(1);
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
