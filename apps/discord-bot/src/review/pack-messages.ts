import type { APIEmbed } from 'discord.js';
import type { EmbedPayload } from '../discord/embed-messages';
import { LIMITS } from '../discord/limits';

const embedLength = (e: APIEmbed) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);

/**
 * One-embed payloads (as `embedMessages` makes them) gathered into as few messages as Discord
 * takes: at most 10 embeds and 6,000 characters of embed text a message. An ephemeral review is a
 * reply and its follow-ups, so fewer messages is fewer round trips.
 */
export function packMessages(payloads: readonly EmbedPayload[]): EmbedPayload[] {
  const out: EmbedPayload[] = [];
  let size = 0;
  for (const p of payloads) {
    const length = p.embeds.reduce((n, e) => n + embedLength(e), 0);
    const last = out.at(-1);
    if (
      last &&
      last.embeds.length + p.embeds.length <= LIMITS.embeds &&
      size + length <= LIMITS.embedTotal
    ) {
      last.embeds.push(...p.embeds);
      size += length;
    } else {
      out.push({ ...p, embeds: [...p.embeds] });
      size = length;
    }
  }
  return out;
}
