/**
 * C0/C1 control characters except tab and newline: terminal escape sequences and bells in a bank
 * never reach a terminal or a Discord message.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
