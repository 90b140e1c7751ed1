const A = 'A'.charCodeAt(0);
const REGIONAL_A = 0x1f1e6;

/** The regional-indicator emoji members react with for an option letter: A → 🇦. */
export function letterEmoji(letter: string): string {
  return String.fromCodePoint(REGIONAL_A + letter.charCodeAt(0) - A);
}

/** The option letter of a regional-indicator emoji, or undefined for any other emoji. */
export function emojiLetter(emoji: string | null | undefined): string | undefined {
  if (!emoji) return undefined;
  const cp = emoji.codePointAt(0);
  if (cp === undefined || cp < REGIONAL_A || cp > REGIONAL_A + 25 || emoji.length !== 2) {
    return undefined;
  }
  return String.fromCharCode(A + cp - REGIONAL_A);
}
