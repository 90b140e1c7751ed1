import type { Bank, Question } from '@quizdeck/core';
import type { CardKey } from '../db/review-rows';

/** The banks as loaded now (the catalog; reloads replace the map). */
export interface LoadedBanks {
  readonly banks: ReadonlyMap<string, Bank>;
}

const indexes = new WeakMap<Bank, Map<string, Question>>();

function byId(bank: Bank): Map<string, Question> {
  let index = indexes.get(bank);
  if (!index) {
    index = new Map(bank.questions.map((q) => [q.id, q]));
    indexes.set(bank, index);
  }
  return index;
}

/**
 * The question a card is for, as its bank has it now (its text may have changed: the id is what
 * counts), or undefined when the bank or the question is gone: such a card is kept, not offered.
 */
export function cardQuestion(
  catalog: LoadedBanks,
  key: Pick<CardKey, 'bankId' | 'questionId'>,
): { bank: Bank; question: Question } | undefined {
  const bank = catalog.banks.get(key.bankId);
  const question = bank && byId(bank).get(key.questionId);
  return bank && question ? { bank, question } : undefined;
}
