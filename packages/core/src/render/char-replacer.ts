/**
 * A function replacing each of a few ASCII characters by its string (an escape), returning the
 * text itself when none occurs. A regular expression finds the first one (most texts have none);
 * from there one pass over the character codes writes the rest, with no call per match.
 */
export function charReplacer(map: Readonly<Record<string, string>>): (text: string) => string {
  const table: string[] = new Array(128).fill('');
  let chars = '';
  for (const [ch, replacement] of Object.entries(map)) {
    const code = ch.charCodeAt(0);
    if (ch.length !== 1 || code >= 128 || replacement === '') {
      throw new RangeError(`charReplacer: ${JSON.stringify(ch)} is not one ASCII character`);
    }
    table[code] = replacement;
    chars += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  const find = new RegExp(`[${chars}]`);
  return (text) => {
    const first = text.search(find);
    if (first < 0) return text;
    let out = '';
    let last = first;
    for (let at = first; at < text.length; at++) {
      const code = text.charCodeAt(at);
      const replacement = code < 128 ? (table[code] as string) : '';
      if (replacement === '') continue;
      out += text.slice(last, at) + replacement;
      last = at + 1;
    }
    return text.slice(0, first) + out + text.slice(last);
  };
}
