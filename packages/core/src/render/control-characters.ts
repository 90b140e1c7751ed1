/**
 * Terminal control: whole CSI (`ESC [ … final`) and terminated OSC (`ESC ] … BEL|ST`) sequences,
 * then any C0/C1 control character but tab and newline, DEL, and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a terminal or a message shows. None
 * of them reaches a terminal, a Discord message or a card.
 */
export const CONTROL_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\u001b\[[0-?]{0,64}[ -/]{0,8}[@-~]|\u001b\][^\u0007\u001b\u009c\n]{0,512}(?:\u0007|\u001b\\|\u009c)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
