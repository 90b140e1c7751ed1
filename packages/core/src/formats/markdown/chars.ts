// Character tests the line readers make by char code instead of by regex: they are asked of nearly
// every line of a bank. Each names the regex it stands for; test/line-shapes.test.ts holds them to it.

const WHITE_RE = /\s/;

/** Is line[k] white space as `\s` and trim() read it? False past the end. */
export function isWhiteAt(line: string, k: number): boolean {
  if (k >= line.length) return false;
  const c = line.charCodeAt(k);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && WHITE_RE.test(line.charAt(k));
}

/** Is the code a space or a tab (`[ \t]`)? */
export const isSpaceTab = (c: number) => c === 32 || c === 9;

/** Index after the run of spaces and tabs from k (`[ \t]*`). */
export function skipSpaceTab(line: string, k: number): number {
  let j = k;
  while (j < line.length && isSpaceTab(line.charCodeAt(j))) j++;
  return j;
}

/** "-", "*" or "+": a list bullet. */
export const isBulletCode = (c: number) => c === 45 || c === 42 || c === 43;

/** Length of the `^[ \t]*[-*+][ \t]+` a line starts with, or -1 when it has no bullet. */
export function bulletEnd(line: string): number {
  const k = skipSpaceTab(line, 0);
  if (!isBulletCode(line.charCodeAt(k)) || !isSpaceTab(line.charCodeAt(k + 1))) return -1;
  return skipSpaceTab(line, k + 2);
}

/** Does the line from k on hold only spaces and tabs (`[ \t]*$`)? */
export const onlySpaceTabFrom = (line: string, k: number) => skipSpaceTab(line, k) === line.length;

/** An ASCII letter (`[A-Za-z]`)? */
export const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
