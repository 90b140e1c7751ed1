import { BankSchema } from '../model/bank';
import { fastBank } from '../model/bank-fast-check';

/**
 * BankSchema.safeParse, through the fast check first: a valid bank (the common case) costs a
 * fraction of zod's parse; anything else gets the schema's own result and messages.
 */
export function validateBank(data: unknown): ReturnType<typeof BankSchema.safeParse> {
  const bank = fastBank(data);
  return bank === undefined ? BankSchema.safeParse(data) : { success: true, data: bank };
}
