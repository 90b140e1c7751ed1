import { BankSchema } from '../model/bank';
import { fastBank } from '../model/bank-fast-check';

export type ValidatedBank = ReturnType<typeof BankSchema.safeParse> & {
  /** The fast check took it, so it holds no key the schema does not know. */
  allKnown?: true;
};

/**
 * BankSchema.safeParse, through the fast check first: a valid bank (the common case) costs a
 * fraction of zod's parse; anything else gets the schema's own result and messages.
 */
export function validateBank(data: unknown): ValidatedBank {
  const bank = fastBank(data);
  return bank === undefined
    ? BankSchema.safeParse(data)
    : { success: true, data: bank, allKnown: true };
}
