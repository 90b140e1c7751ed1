import type { DiscordEmulator, RecordedMessage } from '@quizdeck/discord-emulator';

/** The four answer letters a question of the bundled bank shows. */
export const LETTERS = ['🇦', '🇧', '🇨', '🇩'];

/** The `p`th percentile (nearest rank) of `xs`; NaN for none. */
export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN;
};

/** Kilobytes as whole megabytes. */
export const mb = (kb: number) => (kb / 1024).toFixed(0);

export const title = (m: RecordedMessage) => String(m.embeds[0]?.title ?? '');

/** A channel's quiz and the members answering in it. */
export interface AnsweringChannel {
  channelId: string;
  memberIds: readonly string[];
}

/**
 * Members answer each channel's questions as soon as one shows its close time: member `i` reacts
 * with `letters(i)`. Every `everyMs` it reads only what is new in each channel (reading every
 * message copies every reaction's users, which would load the emulator, i.e. "Discord", and count
 * against the bot). `ended` fills with the channels whose quiz is over or stopped.
 */
export function answerWhenOpen(
  emu: DiscordEmulator,
  channels: readonly AnsweringChannel[],
  letters: (member: number) => string[],
  everyMs: number,
): { ended: Set<string>; stop(): void } {
  const seen = new Map<string, string>(); // channel → last message id read
  const waiting = new Map<string, string>(); // channel → question posted, not yet open
  const ended = new Set<string>();
  const timer = setInterval(() => {
    for (const { channelId, memberIds } of channels) {
      if (ended.has(channelId)) continue;
      const after = seen.get(channelId);
      const fresh = emu.messages(channelId, after === undefined ? {} : { after });
      const last = fresh.at(-1);
      if (last) seen.set(channelId, last.id);
      for (const m of fresh) {
        if (/^Question \d+ of/.test(title(m))) waiting.set(channelId, m.id);
        if (/^Quiz (over|stopped)/.test(title(m))) ended.add(channelId);
      }
      const qid = waiting.get(channelId);
      if (!qid || !String(emu.message(qid).embeds[0]?.description ?? '').includes('Closes <t:')) {
        continue;
      }
      waiting.delete(channelId);
      memberIds.forEach((userId, i) => {
        for (const letter of letters(i)) emu.react(channelId, qid, userId, letter);
      });
    }
  }, everyMs);
  return { ended, stop: () => clearInterval(timer) };
}
