/**
 * How deep a YAML or JSON bank may nest. The deepest a bank needs is about 6 levels (bank,
 * questions, question, check, spec, value); parsers past a few hundred levels run out of stack.
 */
export const MAX_NESTING = 64;

export const nestingMessage = (what: string) =>
  `${what} nested more than ${MAX_NESTING} levels deep; a bank needs fewer than 10`;

/**
 * Where `[`/`{` brackets outside quotes first nest deeper than MAX_NESTING in a flow YAML text, or
 * -1: a check cheap enough to run before a parser that recurses.
 */
export function flowTooDeepAt(text: string): number {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 /* \ */ && quote === 34) i++;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}
