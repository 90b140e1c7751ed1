/**
 * Bank text quoted for a message: JSON string syntax, so C0 controls come out as escapes, and DEL
 * and C1 controls (which JSON leaves raw) written as `\u` escapes too.
 */
export const quoteBankText = (s: string): string =>
  JSON.stringify(s).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
