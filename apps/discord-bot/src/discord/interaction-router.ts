import { QuizdeckError } from '@quizdeck/core';
import { type Interaction, MessageFlags } from 'discord.js';
import type { Logger } from '../log';
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
} as const;

/** `/quizdeck`: what every member may ask. */
const memberHandlers = {
  status: quizStatus,
  leaderboard: quizLeaderboard,
  stats: quizStats,
  banks: quizBanks,
} as const;

/** Runs a slash command; a QuizdeckError becomes an ephemeral reply with its message. */
export async function routeInteraction(i: Interaction, ctx: CommandContext, log: Logger) {
  if (!i.isChatInputCommand()) return;
  try {
    assertOptionsInRange(i);
    if (i.commandName === 'shapes') return await shapesCommand(i);
    const handlers = i.commandName === 'quiz' ? quizHandlers : memberHandlers;
    if (i.commandName !== 'quiz' && i.commandName !== 'quizdeck') return;
    if (!i.inGuild()) {
      return await i.reply({
        content: 'Quizzes run in server channels.',
        flags: MessageFlags.Ephemeral,
      });
    }
    const sub = i.options.getSubcommand();
    const handler = Object.hasOwn(handlers, sub)
      ? handlers[sub as keyof typeof handlers]
      : undefined;
    if (handler) await handler(i, ctx);
  } catch (err) {
    const known = err instanceof QuizdeckError;
    if (!known) log.error(`/${i.commandName} failed`, err);
    const content = known ? err.message : 'Something went wrong; the error is in the bot log.';
    const reply = { content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS } as const;
    await (i.replied || i.deferred ? i.followUp(reply) : i.reply(reply)).catch((e: unknown) =>
      log.error('could not report the error', e),
    );
  }
}
