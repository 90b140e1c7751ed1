import { z } from 'zod';

const Emoji = z.object({ name: z.string().nullable() });
const Add = z.object({
  message_id: z.string(),
  user_id: z.string(),
  emoji: Emoji,
  member: z.object({ user: z.object({ bot: z.boolean().optional() }).optional() }).optional(),
});
const Remove = z.object({ message_id: z.string(), user_id: z.string(), emoji: Emoji });
const RemoveAll = z.object({ message_id: z.string() });
const RemoveEmoji = z.object({ message_id: z.string(), emoji: Emoji });

export type GatewayReaction =
  | {
      kind: 'add' | 'remove';
      messageId: string;
      userId: string;
      emoji: string | null;
      bot: boolean;
    }
  | { kind: 'clear'; messageId: string; emoji?: string | null };

/**
 * A reaction event from a raw gateway packet, or undefined for any other packet. The bot reads
 * reactions from the packets rather than from discord.js's reaction events: those need the
 * message cached (or partials), and building message, reaction, user and member objects for every
 * member's letter is most of what a busy quiz costs in memory.
 */
export function gatewayReaction(packet: { t?: string | null; d?: unknown }) {
  switch (packet.t) {
    case 'MESSAGE_REACTION_ADD': {
      const d = Add.safeParse(packet.d);
      if (!d.success) return undefined;
      return {
        kind: 'add',
        messageId: d.data.message_id,
        userId: d.data.user_id,
        emoji: d.data.emoji.name,
        bot: d.data.member?.user?.bot === true,
      } satisfies GatewayReaction;
    }
    case 'MESSAGE_REACTION_REMOVE': {
      const d = Remove.safeParse(packet.d);
      if (!d.success) return undefined;
      // Removals carry no member: a bot's removal changes nothing, its additions were ignored.
      return {
        kind: 'remove',
        messageId: d.data.message_id,
        userId: d.data.user_id,
        emoji: d.data.emoji.name,
        bot: false,
      } satisfies GatewayReaction;
    }
    case 'MESSAGE_REACTION_REMOVE_ALL': {
      const d = RemoveAll.safeParse(packet.d);
      return d.success
        ? ({ kind: 'clear', messageId: d.data.message_id } satisfies GatewayReaction)
        : undefined;
    }
    case 'MESSAGE_REACTION_REMOVE_EMOJI': {
      const d = RemoveEmoji.safeParse(packet.d);
      return d.success
        ? ({
            kind: 'clear',
            messageId: d.data.message_id,
            emoji: d.data.emoji.name,
          } satisfies GatewayReaction)
        : undefined;
    }
    default:
      return undefined;
  }
}
