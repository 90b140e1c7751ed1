import { Client, type ClientOptions, DiscordAPIError, Events, GatewayIntentBits } from 'discord.js';
import type { DiscordEmulator } from '../src/index';

/**
 * A plain discord.js client logged in to the emulator, resolved once ready; `options` adds client
 * options (`shards`, `shardCount`, ...).
 */
export async function connect(
  emu: DiscordEmulator,
  intents: GatewayIntentBits[] = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.GuildMessageReactions,
  ],
  options: Partial<ClientOptions> = {},
): Promise<Client<true>> {
  const client = new Client({ intents, ...emu.clientOptions(), ...options });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(emu.bot.token);
  return ready;
}

/** The DiscordAPIError `promise` rejects with (fails the test if it resolves or rejects otherwise). */
export async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError))
    throw new Error(`expected DiscordAPIError, got ${error}`);
  return error;
}
