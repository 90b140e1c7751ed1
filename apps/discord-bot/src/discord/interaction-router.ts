import { QuizdeckError } from '@quizdeck/core';
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { StoreInvariantError } from '../errors';
import type { Logger } from '../log';
import { quizDigest } from '../review/digest-command';
import { isReviewCustomId } from '../review/review-custom-id';
import { reviewButton, reviewCommand } from '../review/review-interactions';
import { NO_PINGS } from './embed-messages';
import { assertOptionsInRange } from './option-ranges';
import {
  type CommandContext,
  quizBanks,
  quizConfig,
  quizLeaderboard,
  quizSkip,
  quizStart,
  quizStats,
  quizStatus,
  quizStop,
} from './quiz-commands';
import { shapesCommand } from './shapes-command';

const quizHandlers = {
  start: quizStart,
  stop: quizStop,
  skip: quizSkip,
  status: quizStatus,
  leaderboard: quizLeaderboard,
  stats: quizStats,
  banks: quizBanks,
  config: quizConfig,
  digest: quizDigest,
} as const;

/** `/quizdeck`: what every member may ask. */
const memberHandlers = {
  status: quizStatus,
  leaderboard: quizLeaderboard,
  stats: quizStats,
  banks: quizBanks,
} as const;

/**
 * Runs a slash command or a review button; a QuizdeckError becomes an ephemeral reply with its
 * message, except a StoreInvariantError (a bug: logged, like any other error).
 */
export async function routeInteraction(i: Interaction, ctx: CommandContext, log: Logger) {
  if (i.isButton()) {
    if (!isReviewCustomId(i.customId)) return;
    return reportErrors(i, log, 'a review button', () => reviewButton(i, ctx.review));
  }
  if (!i.isChatInputCommand()) return;
  return reportErrors(i, log, `/${i.commandName}`, () => runCommand(i, ctx));
}

async function runCommand(i: ChatInputCommandInteraction, ctx: CommandContext) {
  assertOptionsInRange(i);
  if (i.commandName === 'shapes') return await shapesCommand(i);
  if (!['quiz', 'quizdeck', 'review'].includes(i.commandName)) return;
  if (!i.inGuild()) {
    return await i.reply({
      content: 'Quizzes run in server channels.',
      flags: MessageFlags.Ephemeral,
    });
  }
  if (i.commandName === 'review') return await reviewCommand(i, ctx.review);
  const handlers = i.commandName === 'quiz' ? quizHandlers : memberHandlers;
  const sub = i.options.getSubcommand();
  const handler = Object.hasOwn(handlers, sub) ? handlers[sub as keyof typeof handlers] : undefined;
  if (handler) await handler(i, ctx);
}

async function reportErrors(
  i: ChatInputCommandInteraction | ButtonInteraction,
  log: Logger,
  what: string,
  run: () => Promise<unknown>,
) {
  try {
    await run();
  } catch (err) {
    const known = err instanceof QuizdeckError && !(err instanceof StoreInvariantError);
    if (!known) log.error(`${what} failed`, err);
    const content = known ? err.message : 'Something went wrong; the error is in the bot log.';
    const reply = { content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS } as const;
    await (i.replied || i.deferred ? i.followUp(reply) : i.reply(reply)).catch((e: unknown) =>
      log.error('could not report the error', e),
    );
  }
}
