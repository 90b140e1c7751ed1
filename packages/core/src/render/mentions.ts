const ZWSP = '\u200b';

/**
 * Makes text unable to ping anyone in Discord: a zero-width space goes after the `@` of
 * @everyone / @here and after the `<` of user, role and channel mentions (`<@id>`, `<@!id>`,
 * `<@&id>`, `<#id>`). The text still reads the same. The bot also sends `allowedMentions: { parse: [] }`;
 * this is the second lock, and it protects text that ends up in places that setting does not cover.
 */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#)(?=\d)/g, `<${ZWSP}$1`);
}
