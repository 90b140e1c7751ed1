import { z } from 'zod';
import { BankSchema } from '../model/bank';

/**
 * JSON Schema of a bank as authors write it (defaults may be left out), for editors validating
 * `*.quiz.yaml` / `*.quiz.json`. Cross-reference rules (unique ids, keys among options) are only
 * checked by quizdeck itself.
 */
export function bankJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(BankSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'quizdeck question bank',
  };
}
