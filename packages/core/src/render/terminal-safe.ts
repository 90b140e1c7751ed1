import { CONTROL_CHARACTERS, HAS_CONTROL } from './control-characters';

/**
 * Text that is safe to print on a terminal: escape sequences, C0 controls other than tab and
 * newline, DEL, C1 controls and bidirectional controls are removed. Every program applies it where
 * it prints, so bank text can neither retitle the terminal, clear it, nor reorder a line.
 */
export function terminalSafe(text: string): string {
  return HAS_CONTROL.test(text) ? text.replace(CONTROL_CHARACTERS, '') : text;
}
