import { EmulatorError } from '../errors';
import type {
  BotRecord,
  ChannelRecord,
  CommandRecord,
  GuildRecord,
  InteractionRecord,
  MemberRecord,
  MessageRecord,
  RoleRecord,
  UserRecord,
} from './types';

/** Every record the emulator holds, with lookups that throw readable errors for the scenario API. */
export class Store {
  readonly users = new Map<string, UserRecord>();
  readonly bots = new Map<string, BotRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  /** Keyed by `${guildId}:${userId}`. */
  readonly members = new Map<string, MemberRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly commands = new Map<string, CommandRecord>();
  readonly interactions = new Map<string, InteractionRecord>();

  private readonly listeners = new Set<() => void>();
  private readonly byChannel = new Map<string, MessageRecord[]>();
  private notifying = false;

  /**
   * Tells waiters that something changed, once per turn of the event loop however many changes
   * happened (a burst of 10,000 reactions must not re-run every probe 10,000 times).
   */
  changed(): void {
    if (this.notifying) return;
    this.notifying = true;
    setImmediate(() => {
      this.notifying = false;
      for (const listener of [...this.listeners]) listener();
    });
  }

  addMessage(message: MessageRecord): void {
    this.messages.set(message.id, message);
    const list = this.byChannel.get(message.channelId);
    if (list) list.push(message);
    else this.byChannel.set(message.channelId, [message]);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  botByToken(token: string): BotRecord | undefined {
    for (const bot of this.bots.values()) if (bot.token === token) return bot;
    return undefined;
  }

  botByApplication(applicationId: string): BotRecord | undefined {
    for (const bot of this.bots.values()) if (bot.applicationId === applicationId) return bot;
    return undefined;
  }

  user(id: string): UserRecord {
    const user = this.users.get(id);
    if (!user) throw new EmulatorError('EMU_UNKNOWN_USER', `no user with id ${id}`);
    return user;
  }

  guild(id: string): GuildRecord {
    const guild = this.guilds.get(id);
    if (!guild) throw new EmulatorError('EMU_UNKNOWN_GUILD', `no guild with id ${id}`);
    return guild;
  }

  channel(id: string): ChannelRecord {
    const channel = this.channels.get(id);
    if (!channel) throw new EmulatorError('EMU_UNKNOWN_CHANNEL', `no channel with id ${id}`);
    return channel;
  }

  message(id: string): MessageRecord {
    const message = this.messages.get(id);
    if (!message) throw new EmulatorError('EMU_UNKNOWN_MESSAGE', `no message with id ${id}`);
    return message;
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.members.get(`${guildId}:${userId}`);
  }

  requireMember(guildId: string, userId: string): MemberRecord {
    const member = this.member(guildId, userId);
    if (!member) {
      throw new EmulatorError('EMU_UNKNOWN_MEMBER', `user ${userId} is not a member of ${guildId}`);
    }
    return member;
  }

  guildRoles(guildId: string): RoleRecord[] {
    return [...this.roles.values()]
      .filter((r) => r.guildId === guildId)
      .sort((a, b) => a.position - b.position);
  }

  guildChannels(guildId: string): ChannelRecord[] {
    return [...this.channels.values()].filter((c) => c.guildId === guildId);
  }

  guildMembers(guildId: string): MemberRecord[] {
    return [...this.members.values()].filter((m) => m.guildId === guildId);
  }

  guildsOf(userId: string): GuildRecord[] {
    return [...this.guilds.values()].filter((g) => this.members.has(`${g.id}:${userId}`));
  }

  /** The channel's messages in creation order. */
  channelMessages(channelId: string): MessageRecord[] {
    return [...(this.byChannel.get(channelId) ?? [])];
  }
}
