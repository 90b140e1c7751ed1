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
  const client = new Client({
    intents,
    rest: { api: emu.restUrl },
    // discord.js waits 5 s between identifies of one shard; tests re-identify at once.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(emu.bot.token);
  return ready;
}
