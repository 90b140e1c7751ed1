import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { DiscordEmulator } from '../src/index';

/** A plain discord.js client logged in to the emulator, resolved once ready. */
export async function connect(
  emu: DiscordEmulator,
  intents: GatewayIntentBits[] = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.GuildMessageReactions,
  ],
): Promise<Client<true>> {
  const client = new Client({ intents, ...emu.clientOptions() });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(emu.bot.token);
  return ready;
}
