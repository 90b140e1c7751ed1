import type { APIEmbed, MessageMentionOptions } from 'discord.js';
import { LIMITS } from './limits';
import { splitText } from './split-text';

/** Question text is untrusted: no message the bot sends may ping anyone. */
export const NO_PINGS: MessageMentionOptions = { parse: [] };

/** A message of embeds; fits channel sends, edits and interaction replies alike. */
export interface EmbedPayload {
  embeds: APIEmbed[];
  allowedMentions: MessageMentionOptions;
}

export interface EmbedText {
  title?: string;
  body: string;
  footer?: string;
  color?: number;
}

// Room left under the 6,000-character embed total for title and footer.
const BODY_MAX = LIMITS.embedDescription - 96;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * One embed per message, as many messages as the body needs: the title goes on the first, the
 * footer on the last. Long bodies are split at paragraph/line breaks, never rejected.
 */
export function embedMessages(text: EmbedText): EmbedPayload[] {
  const chunks = splitText(text.body, BODY_MAX);
  return chunks.map((chunk, i) => {
    const embed: APIEmbed = { description: chunk };
    if (i === 0 && text.title) embed.title = clip(text.title, LIMITS.embedTitle);
    if (i === chunks.length - 1 && text.footer) {
      embed.footer = { text: clip(text.footer, LIMITS.embedFooter) };
    }
    if (text.color !== undefined) embed.color = text.color;
    return { embeds: [embed], allowedMentions: NO_PINGS };
  });
}

const FENCE = '```';

/**
 * A code block (a table) over as many messages as it needs: each message holds whole lines in a
 * block of its own, so no message shows an open fence or a table cut mid-row.
 */
export function codeBlockMessages(text: Omit<EmbedText, 'body'> & { code: string }) {
  const max = BODY_MAX - 2 * (FENCE.length + 1);
  const lines = text.code
    .split('\n')
    .flatMap((line) => (line.length <= max ? [line] : splitText(line, max)));
  const blocks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (current.length > 0 && size + 1 + line.length > max) {
      blocks.push(current.join('\n'));
      current = [];
      size = 0;
    }
    size += (current.length > 0 ? 1 : 0) + line.length;
    current.push(line);
  }
  blocks.push(current.join('\n'));
  const { code: _, title, footer, ...rest } = text;
  return blocks.flatMap((block, i) =>
    embedMessages({
      ...rest,
      ...(i === 0 && title !== undefined ? { title } : {}),
      ...(i === blocks.length - 1 && footer !== undefined ? { footer } : {}),
      body: `${FENCE}\n${block}\n${FENCE}`,
    }),
  );
}

/** Plain text messages (≤ 2,000 characters each), for ephemeral replies and notices. */
export function textMessages(text: string): string[] {
  return splitText(text, LIMITS.content);
}
