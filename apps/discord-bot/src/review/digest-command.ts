import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { NO_PINGS } from '../discord/embed-messages';
import { assertQuizmaster } from '../discord/permissions';
import type { CommandContext } from '../discord/quiz-commands';
import { CommandError } from '../errors';

const DEFAULT_HOUR_UTC = 9;
const ephemeral = { flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS } as const;

/** `/quiz digest channel: hour: off:`: the quizmaster turns the daily review line on or off. */
export async function quizDigest(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  const store = ctx.engine.store;
  assertQuizmaster(i, await store.settings(i.guildId));
  const reviews = store.reviews;
  if (i.options.getBoolean('off')) {
    await reviews.saveDigest(i.guildId, null);
    return i.reply({ content: 'The daily review line is off.', ...ephemeral });
  }
  const current = await reviews.digest(i.guildId);
  const channelId = i.options.getChannel('channel')?.id ?? current?.channelId;
  if (!channelId) {
    throw new CommandError('NO_DIGEST_CHANNEL', 'Pick the channel the daily line goes to.');
  }
  const hourUtc = i.options.getInteger('hour') ?? current?.hourUtc ?? DEFAULT_HOUR_UTC;
  await reviews.saveDigest(i.guildId, { channelId, hourUtc });
  return i.reply({
    content: `Every day at ${String(hourUtc).padStart(2, '0')}:00 UTC, <#${channelId}> gets one line of how many review questions are due and for how many members (nobody is named or pinged).`,
    ...ephemeral,
  });
}
