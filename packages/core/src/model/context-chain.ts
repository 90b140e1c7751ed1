import type { Bank } from './bank';
import type { Context } from './context';
import { QuizdeckError } from './errors';

export class ContextChainError extends QuizdeckError {}

/**
 * The passages a question builds on, oldest first: the context itself preceded by the ones it
 * `continues`. No id gives an empty chain; an unknown id or a cycle (only possible in a bank that
 * skipped validation) throws a `ContextChainError`.
 */
export function contextChain(
  bank: Pick<Bank, 'contexts'>,
  contextId: string | undefined,
): Context[] {
  if (contextId === undefined) return [];
  const byId = contextsById(bank.contexts);
  const chain: Context[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = contextId; id !== undefined; ) {
    const context = byId.get(id);
    if (!context) {
      throw new ContextChainError('CONTEXT_UNKNOWN', `unknown context "${id}"`);
    }
    if (seen.has(id)) {
      throw new ContextChainError('CONTEXT_CYCLE', `context "${id}" continues itself`);
    }
    seen.add(id);
    chain.unshift(context);
    id = context.continues;
  }
  return chain;
}

// Asked once per question: the index of a bank's passages is built once per list (parsed banks
// are treated as immutable, as render-question.ts's cache of rendered passages also assumes).
const indexes = new WeakMap<readonly Context[], Map<string, Context>>();

function contextsById(contexts: readonly Context[]): Map<string, Context> {
  let byId = indexes.get(contexts);
  if (byId === undefined) {
    byId = new Map(contexts.map((c) => [c.id, c]));
    indexes.set(contexts, byId);
  }
  return byId;
}
