import { CONTROL_CHARACTERS } from './control-characters';

// biome-ignore-start lint/suspicious/noControlCharactersInRegex: matching control characters is the point
/** Any character `terminalSafe` may change: most text has none and is returned as it is. */
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Whole escape sequences, so their parameters (a window title, a colour) go too: CSI (ESC [ or
 * 0x9B), string commands (OSC, DCS, SOS, PM, APC: ESC ] P X ^ _ or 0x90 0x98 0x9D 0x9E 0x9F) up to
 * BEL or ST but never past a line end, and two-character ESC commands.
 */
const SEQUENCES =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g;
// biome-ignore-end lint/suspicious/noControlCharactersInRegex: matching control characters is the point
/** Bidirectional controls: they reorder what a terminal shows (a line can read as another). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text that is safe to print on a terminal: escape sequences, C0 controls other than tab and
 * newline, DEL, C1 controls and bidirectional controls are removed. Every program applies it where
 * it prints, so bank text can neither retitle the terminal, clear it, nor reorder a line.
 */
export function terminalSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(SEQUENCES, '').replace(CONTROL_CHARACTERS, '').replace(BIDI, '');
}
