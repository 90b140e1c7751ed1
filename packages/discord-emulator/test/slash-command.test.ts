import {
  type ApplicationCommandDataResolvable,
  ApplicationCommandOptionType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordEmulator, EmulatorError } from '../src/index';
import { connect } from './helpers';

let emu: DiscordEmulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

const quizCommand: ApplicationCommandDataResolvable = {
  name: 'quiz',
  description: 'Quiz commands',
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand as const,
      name: 'start',
      description: 'Start a quiz',
      options: [
        {
          type: ApplicationCommandOptionType.Integer as const,
          name: 'count',
          description: 'questions',
        },
        { type: ApplicationCommandOptionType.User as const, name: 'host', description: 'host' },
      ],
    },
  ],
};

describe('slash commands', () => {
  it('logs in, receives a slash command, replies and edits the reply', async () => {
    emu = await DiscordEmulator.start();
    const guild = emu.createGuild({ name: 'Study group' });
    const channel = emu.createChannel(guild.id, { name: 'quiz' });
    const alice = emu.createMember(guild.id, { username: 'alice' });
    const client = await connect(emu);
    expect(client.user.id).toBe(emu.bot.id);
    expect(client.guilds.cache.get(guild.id)?.channels.cache.has(channel.id)).toBe(true);

    const registered = await client.application.commands.set([quizCommand], guild.id);
    expect(registered.first()?.name).toBe('quiz');

    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const count = interaction.options.getInteger('count', true);
      const host = interaction.options.getUser('host', true);
      await interaction.reply({
        content: `${interaction.options.getSubcommand()} ${count} by ${host.username}`,
        allowedMentions: { parse: [] },
      });
      await interaction.editReply({ content: 'edited' });
      await interaction.followUp({ content: 'secret', flags: MessageFlags.Ephemeral });
    });

    const run = emu.runCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: alice.id,
      name: 'quiz',
      subcommand: 'start',
      options: { count: 3, host: alice.id },
    });
    const original = await run.waitForOriginal((m) => m.content === 'edited');
    expect(original.edits.map((e) => e.content)).toEqual(['edited']);
    expect(original.allowedMentions).toEqual({ parse: [] });
    expect(run.callbacks[0]).toMatchObject({ type: 4, data: { content: 'start 3 by alice' } });
    const followUp = await run.waitForFollowUp();
    expect(followUp).toMatchObject({ content: 'secret', ephemeral: true });
    expect(emu.messages(channel.id).map((m) => m.content)).toEqual(['edited', 'secret']);
    await client.destroy();
  });

  it('refuses commands the bot never registered', async () => {
    emu = await DiscordEmulator.start();
    const guild = emu.createGuild({ name: 'g' });
    const channel = emu.createChannel(guild.id, { name: 'c' });
    expect(() =>
      emu?.runCommand({
        guildId: guild.id,
        channelId: channel.id,
        userId: guild.ownerId,
        name: 'nope',
      }),
    ).toThrow(EmulatorError);
  });

  it('types options from the registered command: groups, roles, channels, numbers', async () => {
    emu = await DiscordEmulator.start();
    const guild = emu.createGuild({ name: 'g' });
    const channel = emu.createChannel(guild.id, { name: 'c' });
    const role = emu.createRole(guild.id, { name: 'quizmaster' });
    const client = await connect(emu);
    await client.application.commands.set([
      {
        name: 'quiz',
        description: 'Quiz',
        options: [
          {
            type: ApplicationCommandOptionType.SubcommandGroup as const,
            name: 'config',
            description: 'Config',
            options: [
              {
                type: ApplicationCommandOptionType.Subcommand as const,
                name: 'set',
                description: 'Set',
                options: [
                  {
                    type: ApplicationCommandOptionType.Role as const,
                    name: 'role',
                    description: 'r',
                  },
                  {
                    type: ApplicationCommandOptionType.Channel as const,
                    name: 'where',
                    description: 'c',
                  },
                  {
                    type: ApplicationCommandOptionType.Number as const,
                    name: 'seconds',
                    description: 's',
                  },
                ],
              },
            ],
          },
        ],
      },
    ]);
    const seen: unknown[] = [];
    client.on(Events.InteractionCreate, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push([
        i.options.getSubcommandGroup(),
        i.options.getSubcommand(),
        i.options.getRole('role', true).name,
        i.options.getChannel('where', true).id,
        i.options.getNumber('seconds', true),
      ]);
      await i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    const run = emu.runCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: guild.ownerId,
      name: 'quiz',
      subcommandGroup: 'config',
      subcommand: 'set',
      options: { role: role.id, where: channel.id, seconds: 30 },
    });
    await run.waitForOriginal();
    expect(seen).toEqual([['config', 'set', 'quizmaster', channel.id, 30]]);
    await client.destroy();
  });

  it('routes a command to the invoked bot only when several bots share a guild', async () => {
    emu = await DiscordEmulator.start({ bots: [{ username: 'one' }, { username: 'two' }] });
    const [one, two] = emu.bots;
    if (!one || !two) throw new Error('two bots expected');
    const guild = emu.createGuild({ name: 'g' });
    const channel = emu.createChannel(guild.id, { name: 'c' });
    const login = async (token: string) => {
      const client = new Client({ intents: [GatewayIntentBits.Guilds], ...emu?.clientOptions() });
      const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
      await client.login(token);
      await ready;
      return client;
    };
    const [c1, c2] = [await login(one.token), await login(two.token)];
    await c2.application?.commands.set([{ name: 'ping', description: 'Ping' }]);
    const got: string[] = [];
    for (const c of [c1, c2]) {
      c.on(Events.InteractionCreate, async (i) => {
        got.push(c.user?.username ?? '');
        if (i.isChatInputCommand()) await i.reply('pong');
      });
    }
    const run = emu.runCommand(
      { guildId: guild.id, channelId: channel.id, userId: guild.ownerId, name: 'ping' },
      two.id,
    );
    expect((await run.waitForOriginal()).authorId).toBe(two.id);
    expect(got).toEqual(['two']);
    await Promise.all([c1.destroy(), c2.destroy()]);
  });
});
