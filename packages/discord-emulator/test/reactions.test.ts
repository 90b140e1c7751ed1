import { Events, type MessageReaction, type User } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../src/index';
import { connect } from './helpers';

let emu: DiscordEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

const LETTERS = ['🇦', '🇧', '🇨', '🇩'];
const REACT_ROUTE = 'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me';

describe('reactions', () => {
  it('adds 4 reactions one at a time under the 1-per-250 ms bucket', async () => {
    emu = await DiscordEmulator.start();
    const guild = emu.createGuild({ name: 'g' });
    const channelId = emu.createChannel(guild.id, { name: 'quiz' }).id;
    const client = await connect(emu);
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error('channel not cached');
    const message = await channel.send({ content: 'Q1', allowedMentions: { parse: [] } });
    for (const letter of LETTERS) await message.react(letter);

    const recorded = emu.message(message.id);
    expect(recorded.reactions).toEqual(LETTERS.map((emoji) => ({ emoji, users: [emu?.bot.id] })));
    // discord.js learns the bucket hash from the first answer and opens a fresh queue for it, so
    // the second request may race into one 429 (as on Discord); it then keeps to the bucket.
    expect(emu.rateLimits.hits.length).toBeLessThanOrEqual(1);
    expect(emu.rateLimits.hits.every((h) => h.route === REACT_ROUTE && !h.global)).toBe(true);
    const puts = emu.requests.filter((r) => r.route === REACT_ROUTE && r.status === 204);
    expect(puts).toHaveLength(4);
    for (let i = 1; i < puts.length; i++) {
      expect((puts[i]?.at ?? 0) - (puts[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(240);
    }
    await client.destroy();
  });

  it('dispatches members reacting with `member`, and pages reaction users past 100', async () => {
    emu = await DiscordEmulator.start();
    const guild = emu.createGuild({ name: 'g' });
    const channelId = emu.createChannel(guild.id, { name: 'quiz' }).id;
    const members = Array.from({ length: 150 }, (_, i) =>
      emu?.createMember(guild.id, { username: `m${i}` }),
    ).flatMap((m) => (m ? [m] : []));
    const client = await connect(emu);
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error('channel not cached');
    const message = await channel.send('Q1');
    await message.react('🇦');

    const seen: { user: User; reaction: MessageReaction }[] = [];
    const memberNames = new Set<string>();
    client.on(Events.MessageReactionAdd, (reaction, user) => {
      seen.push({ user: user as User, reaction: reaction as MessageReaction });
      const member = reaction.message.guild?.members.cache.get(user.id);
      if (member) memberNames.add(member.user.username);
    });
    for (const m of members) emu.react(channelId, message.id, m.id, '🇦');
    await emu.waitFor(() => seen.length === 150, { description: '150 reaction events' });
    expect(memberNames.size).toBe(150);
    expect(seen[0]?.reaction.emoji.name).toBe('🇦');

    const reaction = message.reactions.cache.get('🇦');
    if (!reaction) throw new Error('reaction not cached');
    expect(reaction.count).toBe(151);
    const first = await reaction.users.fetch({ limit: 100 });
    const second = await reaction.users.fetch({ limit: 100, after: first.lastKey() ?? '0' });
    expect(first.size).toBe(100);
    expect(second.size).toBe(51);
    const all = new Set([...first.keys(), ...second.keys()]);
    expect(all).toEqual(new Set([emu.bot.id, ...members.map((m) => m.id)]));

    const removed = new Promise<string>((resolve) =>
      client.once(Events.MessageReactionRemove, (_r, user) => resolve(user.id)),
    );
    const leaver = members[0];
    if (!leaver) throw new Error('no members');
    expect(emu.unreact(channelId, message.id, leaver.id, '🇦')).toBe(true);
    expect(await removed).toBe(leaver.id);
    expect(emu.message(message.id).reactions[0]?.users).not.toContain(leaver.id);
    await client.destroy();
  });

  it('lets the bot remove its own and a member’s reaction', async () => {
    emu = await DiscordEmulator.start();
    const guild = emu.createGuild({ name: 'g' });
    const channelId = emu.createChannel(guild.id, { name: 'quiz' }).id;
    const bob = emu.createMember(guild.id, { username: 'bob' });
    const client = await connect(emu);
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error('channel not cached');
    const message = await channel.send('Q1');
    await message.react('🇦');
    emu.react(channelId, message.id, bob.id, '🇦');
    await emu.waitFor(() => message.reactions.cache.get('🇦')?.count === 2);
    await message.reactions.cache.get('🇦')?.users.remove(bob.id);
    await message.reactions.cache.get('🇦')?.users.remove(client.user.id);
    expect(emu.message(message.id).reactions).toEqual([]);
    await client.destroy();
  });

  it('holds members to the reaction rules and hides channels the bot cannot view', async () => {
    emu = await DiscordEmulator.start();
    const guild = emu.createGuild({ name: 'g' });
    const channelId = emu.createChannel(guild.id, {
      name: 'quiz',
      overwrites: [
        { id: guild.id, type: 'role', deny: ['AddReactions'] },
        { id: emu.bot.id, type: 'member', allow: ['AddReactions'] },
      ],
    }).id;
    const hidden = emu.createChannel(guild.id, {
      name: 'staff',
      overwrites: [{ id: emu.bot.id, type: 'member', deny: ['ViewChannel'] }],
    }).id;
    const fay = emu.createMember(guild.id, { username: 'fay' });
    const client = await connect(emu);
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error('channel not cached');
    const message = await channel.send('Q1');
    await message.react('🇦');
    expect(() => emu?.react(channelId, message.id, fay.id, '🇧')).toThrow(/lacks AddReactions/);
    expect(emu.react(channelId, message.id, fay.id, '🇦')).toBe(true);

    const events: string[] = [];
    client.on(Events.Raw, (packet: { t: string | null; d: { channel_id?: string } }) => {
      if (packet.t === 'MESSAGE_CREATE') events.push(`${packet.t} ${packet.d.channel_id}`);
    });
    emu.postMessage(hidden, fay.id, 'psst');
    emu.postMessage(channelId, fay.id, 'hello');
    await emu.waitFor(() => events.length > 0);
    expect(events).toEqual([`MESSAGE_CREATE ${channelId}`]);
    await client.destroy();
  });
});
