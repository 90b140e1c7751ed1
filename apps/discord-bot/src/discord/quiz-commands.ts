import { type Bank, ScoringPolicySchema, seededRandom } from '@quizdeck/core';
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { BankCatalog } from '../banks/bank-catalog';
import type { LeaderboardScope } from '../db/standings';
import { CommandError } from '../errors';
import type { QuizEngine } from '../quiz/quiz-engine';
import { planGroupReview } from '../review/group-review';
import type { ReviewContext } from '../review/member-review';
import { bankLine } from './bank-text';
import { embedMessages, NO_PINGS } from './embed-messages';
import { assertBotCanQuiz, assertQuizmaster } from './permissions';
import { leaderboardMessages } from './quiz-messages';

export interface CommandContext {
  engine: QuizEngine;
  catalog: BankCatalog;
  /** Spaced review: the store's reviews, the banks, the bot's clock. */
  review: ReviewContext;
}

const ephemeral = { flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS } as const;
const pct = (x: number) => `${Math.round(x * 100)}%`;

function pickBank(catalog: BankCatalog, id: string | null): Bank {
  const ids = [...catalog.banks.keys()];
  const bank = id ? catalog.banks.get(id) : catalog.banks.get(ids[0] ?? '');
  if (!bank) {
    throw new CommandError(
      'UNKNOWN_BANK',
      ids.length
        ? `No bank \`${id}\`. Banks: ${ids.map((i) => `\`${i}\``).join(', ')}.`
        : 'No banks are loaded.',
    );
  }
  return bank;
}

/** Picks the questions of a session: tag filter, seeded shuffle, count. */
export function planQuestions(
  bank: Bank,
  opts: { tag: string | null; shuffle: boolean; count: number | null; seed: string },
) {
  let ids = bank.questions.filter((q) => !opts.tag || q.tags.includes(opts.tag)).map((q) => q.id);
  if (opts.shuffle) {
    const random = seededRandom(opts.seed);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    }
  }
  if (opts.count !== null) ids = ids.slice(0, opts.count);
  return ids;
}

export async function quizStart(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  const store = ctx.engine.store;
  const settings = await store.settings(i.guildId);
  assertQuizmaster(i, settings);
  assertBotCanQuiz(i);
  const bank = pickBank(ctx.catalog, i.options.getString('bank'));
  const tag = i.options.getString('tag');
  const shuffle = i.options.getBoolean('shuffle') ?? false;
  const count = i.options.getInteger('count');
  const review = i.options.getString('mode') === 'review';
  const questionIds = review
    ? await planGroupReview(ctx.review, i, bank, count)
    : planQuestions(bank, { tag, shuffle, count, seed: `${i.channelId}:${i.id}` });
  if (questionIds.length === 0 && review) {
    throw new CommandError(
      'NO_REVIEWS',
      `Nobody who played in this channel lately has questions of \`${bank.id}\` in review yet.`,
    );
  }
  if (questionIds.length === 0) {
    throw new CommandError(
      'NO_QUESTIONS',
      `Bank \`${bank.id}\` has no questions tagged ${bankLine(tag ?? '')}.`,
    );
  }
  const scoring = ScoringPolicySchema.parse(
    i.options.getString('scoring') ?? settings.defaultScoring,
  );
  const seconds = i.options.getInteger('seconds') ?? settings.defaultSeconds;
  const session = await ctx.engine.storeFor(i.guildId).createSession({
    guildId: i.guildId,
    channelId: i.channelId,
    bankId: bank.id,
    startedBy: i.user.id,
    seconds,
    scoring,
    shuffle,
    questionIds,
    now: ctx.review.clock(),
  });
  const announced = i.reply({
    content: `Quiz **${bankLine(bank.title)}**${review ? ' (review: the questions most due for this channel)' : ''}: ${questionIds.length} questions, ${seconds} s each, ${scoring} scoring. React with the letters to answer.`,
    allowedMentions: NO_PINGS,
  });
  // The session exists now: it is the channel's quiz at once (`/quiz stop` finds it while the
  // announcement is in flight) and runs once the announcement is out, or failed (expired).
  ctx.engine.run(session, bank, announced);
  await announced;
}

export async function quizStop(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  assertQuizmaster(i, await ctx.engine.store.settings(i.guildId));
  const quiz = ctx.engine.quizIn(i.channelId);
  if (!quiz) throw new CommandError('NO_QUIZ', 'No quiz is running in this channel.');
  // At once, not after the reply: replies can queue behind others (the start announcement's).
  quiz.stop();
  await i.reply({ content: 'Stopping the quiz.', ...ephemeral });
}

export async function quizSkip(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  assertQuizmaster(i, await ctx.engine.store.settings(i.guildId));
  const quiz = ctx.engine.quizIn(i.channelId);
  if (!quiz) throw new CommandError('NO_QUIZ', 'No quiz is running in this channel.');
  quiz.skip();
  await i.reply({ content: 'Skipping this question.', ...ephemeral });
}

export async function quizStatus(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  const store = ctx.engine.store;
  const session = await store.runningInChannel(i.channelId);
  if (!session) return i.reply({ content: 'No quiz is running in this channel.', ...ephemeral });
  const round = await store.latestRound(session.id);
  const at = round
    ? `question ${round.idx + 1} of ${session.questionIds.length} (${round.state})`
    : 'starting';
  const close =
    round?.state === 'open' && round.closesAt
      ? `, closes <t:${Math.ceil(round.closesAt / 1000)}:R>`
      : '';
  return i.reply({
    content: `Quiz \`${session.bankId}\`: ${at}${close}, ${session.scoring} scoring.`,
    ...ephemeral,
  });
}

export async function quizLeaderboard(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  const store = ctx.engine.store;
  const scope = (i.options.getString('scope') ?? 'session') as LeaderboardScope;
  if (scope === 'session') {
    const session = await store.latestInChannel(i.channelId);
    if (!session) return i.reply({ content: 'No quiz has run in this channel yet.', ...ephemeral });
    const [first] = leaderboardMessages(
      `Leaderboard: ${session.bankId} session`,
      await store.sessionStandings(session.id),
    );
    return i.reply({ ...first, allowedMentions: NO_PINGS });
  }
  const title = scope === 'week' ? 'Leaderboard: last 7 days' : 'Leaderboard: all time';
  const [first] = leaderboardMessages(
    title,
    // Grades are stamped by the bot's clock: the seven days count back from it too.
    await store.guildStandings(i.guildId, scope, ctx.review.clock()),
  );
  return i.reply({ ...first, allowedMentions: NO_PINGS });
}

export async function quizStats(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  const user = i.options.getUser('member') ?? i.user;
  const s = await ctx.engine.store.memberStats(i.guildId, user.id);
  const tags = s.tags
    .map((t) => `${bankLine(t.tag)} ${pct(t.mastery)} (${t.answered})`)
    .join(' · ');
  const body = [
    `Answered: **${s.answered}**, right: **${s.correct}**`,
    `Accuracy: **${pct(s.accuracy)}**`,
    `Streak: **${s.streak}**`,
    tags ? `Mastery by tag: ${tags}` : '',
  ].join('\n');
  const [first] = embedMessages({ title: `Stats for ${user.username}`, body });
  return i.reply({ ...first, ...ephemeral });
}

export async function quizBanks(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  const lines = [...ctx.catalog.banks.values()].map(
    (b) =>
      `\`${b.id}\` **${bankLine(b.title)}**: ${b.questions.length} questions${b.tags.length ? ` (${b.tags.map(bankLine).join(', ')})` : ''}`,
  );
  if (lines.length === 0) lines.push('No banks are loaded.');
  const { problems } = ctx.catalog;
  if (problems.length) {
    // Diagnostics quote bank text: shown as code, one line each, through the bank-text rule.
    const shown = problems.slice(0, 15).map((p) => `\`${bankLine(p).replaceAll('`', "'")}\``);
    lines.push('', `**Failed to load (${problems.length}):**`, ...shown);
    if (problems.length > shown.length)
      lines.push(`… and ${problems.length - shown.length} more in the bot's log.`);
  }
  const [first] = embedMessages({ title: 'Banks', body: lines.join('\n') });
  return i.reply({ ...first, ...ephemeral });
}

export async function quizConfig(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: CommandContext,
) {
  const store = ctx.engine.store;
  const settings = await store.settings(i.guildId);
  assertQuizmaster(i, { ...settings, quizmasterRoleId: null });
  const role = i.options.getRole('quizmaster_role');
  const next = {
    ...settings,
    quizmasterRoleId: role?.id ?? settings.quizmasterRoleId,
    defaultSeconds: i.options.getInteger('seconds') ?? settings.defaultSeconds,
    defaultScoring: ScoringPolicySchema.parse(
      i.options.getString('scoring') ?? settings.defaultScoring,
    ),
  };
  await store.saveSettings(next, ctx.review.clock());
  const roleText = next.quizmasterRoleId
    ? `<@&${next.quizmasterRoleId}>`
    : 'none (Manage Server only)';
  return i.reply({
    content: `Quizmaster role: ${roleText}; default ${next.defaultSeconds} s per question, ${next.defaultScoring} scoring.`,
    ...ephemeral,
  });
}
