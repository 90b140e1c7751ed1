/**
 * Splits text into pieces of at most `max` characters, preferring paragraph breaks, then line
 * breaks, then spaces; a word longer than `max` is cut. Nothing is dropped: joining the pieces
 * with the separators they were cut at gives the text back (surrounding whitespace aside).
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be positive');
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = -1;
    for (const sep of ['\n\n', '\n', ' ']) {
      const at = window.lastIndexOf(sep);
      if (at > max / 4) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) cut = max;
    // Never cut a surrogate pair in half.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
