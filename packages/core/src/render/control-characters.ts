// biome-ignore-start lint/suspicious/noControlCharactersInRegex: matching control characters is the point
/**
 * What never reaches a terminal, a Discord message or a card, the one home of the rule: whole
 * escape sequences, so their parameters (a window title, a colour) go too: CSI (ESC [ or 0x9B),
 * string commands (OSC, DCS, SOS, PM, APC: ESC ] P X ^ _ or 0x90 0x98 0x9D 0x9E 0x9F) up to BEL or
 * ST but never past a line end, two-character ESC commands; then every C0 control but tab and
 * newline, DEL, C1 controls, and the bidirectional controls that reorder what is shown (ALM, LRM,
 * RLM, embeddings, overrides, isolates).
 */
export const CONTROL_CHARACTERS =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Any character CONTROL_CHARACTERS may remove: most text has none. */
export const HAS_CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** HAS_CONTROL's characters, to go inside another regular expression's `[…]`. */
export const CONTROL_CLASS = HAS_CONTROL.source.slice(1, -1);
// biome-ignore-end lint/suspicious/noControlCharactersInRegex: matching control characters is the point
