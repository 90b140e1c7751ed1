import {
  type APIEmbed,
  type APIUser,
  type Client,
  Events,
  type Message,
  type MessageCreateOptions,
  Routes,
  type SendableChannels,
  Status,
} from 'discord.js';
import { CommandError } from '../errors';
import { REQUIRED_CHANNEL_PERMISSIONS } from './command-definitions';
import { NO_PINGS } from './embed-messages';
import { permissionLabel } from './permissions';

/**
 * The few Discord operations a quiz makes, through discord.js. Channel and message objects are
 * fetched on demand so a restarted bot works with messages it has never seen.
 */
export class DiscordIo {
  /** `guard` runs before every post, reaction and edit: it throws when they may not be made. */
  constructor(
    private readonly client: Client,
    private readonly guard: () => void = () => {},
  ) {}

  /** The same operations, each first passing `guard` (a shard's lease, see ShardLeases). */
  guarded(guard: () => void): DiscordIo {
    return new DiscordIo(this.client, guard);
  }

  get selfId(): string | undefined {
    return this.client.user?.id;
  }

  async channel(channelId: string): Promise<SendableChannels> {
    const channel = await this.client.channels.fetch(channelId);
    if (!channel?.isSendable()) {
      throw new CommandError('CHANNEL_UNUSABLE', `I cannot post in <#${channelId}>.`);
    }
    return channel;
  }

  /** Readable names of the quiz permissions the bot lacks in a guild channel, as Discord computes them. */
  async missingPermissions(channelId: string): Promise<string[]> {
    const channel = await this.client.channels.fetch(channelId);
    if (!channel || channel.isDMBased() || !('guild' in channel)) return [];
    const me = channel.guild.members.me ?? (await channel.guild.members.fetchMe());
    const perms = channel.permissionsFor(me);
    return Object.entries(REQUIRED_CHANNEL_PERMISSIONS)
      .filter(([, flag]) => !perms.has(flag))
      .map(([name]) => permissionLabel(name));
  }

  /**
   * Posts the payloads in order. With `nonce` (at most 22 characters), payload i carries the nonce
   * `<nonce>.<i>` enforced: Discord answers a repeat of the same post within a few minutes with
   * the message already made, so a post whose answer was lost (retried by discord.js, by the
   * quiz loop, or by a restarted bot) is not made twice.
   */
  async send(
    channelId: string,
    payloads: readonly MessageCreateOptions[],
    nonce?: string,
  ): Promise<Message[]> {
    const channel = await this.channel(channelId);
    const sent: Message[] = [];
    for (const [i, p] of payloads.entries()) {
      this.guard();
      const once = nonce === undefined ? {} : { nonce: `${nonce}.${i}`, enforceNonce: true };
      // Whatever the payload says, nothing the bot posts may ping anyone.
      sent.push(await channel.send({ ...p, ...once, allowedMentions: NO_PINGS }));
    }
    return sent;
  }

  /*
   * Reactions and edits go by id over REST rather than through discord.js's Message objects: a
   * member's reaction that arrives before the answer to the bot's post leaves a partial message in
   * the cache, which Message#edit cannot handle.
   */

  /** Puts up the bot's own reaction (idempotent on Discord). */
  async react(channelId: string, messageId: string, emoji: string): Promise<void> {
    this.guard();
    await this.client.rest.put(
      Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji)),
    );
  }

  async edit(channelId: string, messageId: string, payload: { embeds: APIEmbed[] }): Promise<void> {
    this.guard();
    await this.client.rest.patch(Routes.channelMessage(channelId, messageId), {
      body: { embeds: payload.embeds, allowed_mentions: { parse: [] } },
    });
  }

  /**
   * Waits up to `timeoutMs` for every shard's gateway connection to be up. Reactions made while one
   * was down reach the bot only when its session resumes (replayed before RESUMED), so grading
   * earlier misses them. `client.ws.status` cannot tell: it turns Ready once and stays so; each
   * shard's status follows its connection (Connecting, Resuming, ... Ready).
   */
  async gatewayReady(timeoutMs: number): Promise<boolean> {
    if (this.connected()) return true;
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.client.off(Events.ShardResume, up);
        this.client.off(Events.ShardReady, up);
        resolve(ok);
      };
      const up = () => {
        if (this.connected()) done(true);
      };
      const timer = setTimeout(() => done(this.connected()), timeoutMs);
      this.client.on(Events.ShardResume, up);
      this.client.on(Events.ShardReady, up);
    });
  }

  private connected(): boolean {
    const shards = [...this.client.ws.shards.values()];
    return shards.length > 0 && shards.every((shard) => shard.status === Status.Ready);
  }

  /** Users who reacted with `emoji`, every page of them (Discord returns at most 100 a request). */
  async reactionUsers(channelId: string, messageId: string, emoji: string): Promise<APIUser[]> {
    const users: APIUser[] = [];
    let after: string | undefined;
    for (;;) {
      const query = new URLSearchParams({ limit: '100' });
      if (after) query.set('after', after);
      const page = (await this.client.rest.get(
        Routes.channelMessageReaction(channelId, messageId, encodeURIComponent(emoji)),
        { query },
      )) as APIUser[];
      users.push(...page);
      if (page.length < 100) return users;
      after = page[page.length - 1]?.id;
    }
  }
}
