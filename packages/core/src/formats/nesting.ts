/**
 * How deep a YAML or JSON bank may nest. The deepest a bank needs is about 6 levels (bank,
 * questions, question, check, spec, value); parsers past a few hundred levels run out of stack.
 */
export const MAX_NESTING = 64;

export const nestingMessage = (what: string) =>
  `${what} nested more than ${MAX_NESTING} levels deep; a bank needs fewer than 10`;
