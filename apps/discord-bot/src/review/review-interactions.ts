import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  MessageFlags,
} from 'discord.js';
import { CommandError } from '../errors';
import { questionView } from '../quiz/round-view';
import { cardQuestion } from './bank-questions';
import {
  type AnswerOutcome,
  answerPrompt,
  memberStatus,
  offerNext,
  type ReviewContext,
} from './member-review';
import { parseReviewCustomId, togglePick } from './review-custom-id';
import {
  type ReviewMessage,
  reviewNotice,
  reviewQuestionMessages,
  reviewResultMessages,
  reviewStatusMessage,
} from './review-messages';

const ephemeral = (m: ReviewMessage): InteractionReplyOptions => ({
  ...m,
  flags: MessageFlags.Ephemeral,
});

type Replyable = ChatInputCommandInteraction | ButtonInteraction;

/** The first message as the reply, the rest as follow-ups: all ephemeral. */
async function replyAll(i: Replyable, messages: readonly ReviewMessage[]) {
  const [first, ...rest] = messages;
  if (!first) return;
  await i.reply(ephemeral(first));
  for (const m of rest) await i.followUp(ephemeral(m));
}

/** The clicked message becomes the first message; the rest follow. */
async function updateAll(i: ButtonInteraction, messages: readonly ReviewMessage[]) {
  const [first, ...rest] = messages;
  if (!first) return;
  await i.update(first);
  for (const m of rest) await i.followUp(ephemeral(m));
}

function bankFilterOf(i: ChatInputCommandInteraction, ctx: ReviewContext): string | null {
  const id = i.options.getString('bank');
  if (id === null) return null;
  if (!ctx.catalog.banks.has(id)) {
    const ids = [...ctx.catalog.banks.keys()].map((b) => `\`${b}\``).join(', ');
    throw new CommandError('UNKNOWN_BANK', `No bank \`${id}\`. Banks: ${ids || 'none loaded'}.`);
  }
  return id;
}

async function nextMessages(
  ctx: ReviewContext,
  member: { guildId: string; userId: string },
  bankFilter: string | null,
): Promise<ReviewMessage[]> {
  const offer = await offerNext(ctx, member, bankFilter);
  if (offer.kind === 'question') {
    return reviewQuestionMessages(offer.bank, offer.view, offer.card, offer.prompt.id, '');
  }
  if (!offer.anyCards) {
    return [
      reviewNotice(
        'Nothing to review yet. Every question you answer in a live quiz comes back here when it is due.',
      ),
    ];
  }
  const when =
    offer.nextDue === undefined
      ? ''
      : ` The next one is due <t:${Math.floor(offer.nextDue / 1000)}:R>.`;
  return [reviewNotice(`Nothing is due right now.${when}`)];
}

/** `/review next` and `/review status`: any member, any channel; only they see the answer. */
export async function reviewCommand(
  i: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: ReviewContext,
) {
  const member = { guildId: i.guildId, userId: i.user.id };
  const bankFilter = bankFilterOf(i, ctx);
  const sub = i.options.getSubcommand();
  if (sub === 'status') {
    const status = await memberStatus(ctx, member, bankFilter);
    const bankTitle = bankFilter === null ? undefined : ctx.catalog.banks.get(bankFilter)?.title;
    return replyAll(i, [reviewStatusMessage({ ...status, bankTitle }, i.user.username)]);
  }
  if (sub === 'next') return replyAll(i, await nextMessages(ctx, member, bankFilter));
}

function outcomeMessages(outcome: AnswerOutcome, promptId: number): ReviewMessage[] {
  if (outcome.kind === 'notice') {
    return [reviewNotice(outcome.text, outcome.next ? promptId : undefined)];
  }
  return reviewResultMessages(
    outcome.bank,
    outcome.view,
    outcome.picks,
    outcome.result,
    outcome.due,
    promptId,
  );
}

/**
 * A click on a review button. Everything it needs is in its custom_id and the prompt's row, so a
 * button works the same after a restart; answering is once per prompt, whatever the clicks.
 */
export async function reviewButton(i: ButtonInteraction, ctx: ReviewContext) {
  const action = parseReviewCustomId(i.customId);
  if (!action || !i.inGuild()) {
    return replyAll(i, [reviewNotice('This button is not one of mine any more.')]);
  }
  const userId = i.user.id;
  switch (action.kind) {
    case 'pick':
    case 'submit': {
      const picks = action.kind === 'pick' ? action.letter : action.picks;
      const outcome = await answerPrompt(ctx, action.promptId, userId, picks);
      return updateAll(i, outcomeMessages(outcome, action.promptId));
    }
    case 'toggle': {
      const prompt = await ctx.reviews.prompt(action.promptId);
      const found =
        prompt && prompt.userId === userId ? cardQuestion(ctx.catalog, prompt) : undefined;
      const card = prompt && (await ctx.reviews.card(prompt));
      if (!prompt || !found || !card) {
        return updateAll(
          i,
          outcomeMessages(await answerPrompt(ctx, action.promptId, userId, ''), action.promptId),
        );
      }
      const view = questionView(found.bank, found.question);
      const picks = togglePick(action.picks, action.letter);
      const last = reviewQuestionMessages(found.bank, view, card, prompt.id, picks).at(-1);
      return last ? i.update(last) : undefined;
    }
    case 'next': {
      const prompt = await ctx.reviews.prompt(action.promptId);
      if (!prompt || prompt.userId !== userId) {
        return replyAll(i, [reviewNotice('This review is no longer known.')]);
      }
      return replyAll(i, await nextMessages(ctx, prompt, prompt.bankFilter));
    }
  }
}
