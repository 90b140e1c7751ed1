import { opensAnnotation } from './annotations';
import { matchAnswerLine } from './answer-line';
import { isWhiteAt, skipSpaceTab } from './chars';
import type { LineSet } from './items';
import { isBlank, isEmptyBullet, stripBullet } from './lines';
import {
  hasLetter,
  type LetterCase,
  type OptionLine,
  OptionWindow,
  splitOnOneLine,
} from './option-line';
import { readLabel } from './remarks';

export interface DraftOption {
  key: string;
  text: string;
  right: boolean;
  line: number;
}

export interface OptionBlock {
  /** Lines between the question line and the first option (the rest of the prompt). */
  promptEnd: number;
  options: DraftOption[];
  /** Index after the options. */
  next: number;
  /** Annotation lines met among the options. */
  annotations: number[];
}

/** The first line in (h, end) that opens lettered options in `letters` (its letter is A or a). */
function firstLettered(
  options: OptionWindow,
  h: number,
  end: number,
  sheltered: LineSet,
  letters: LetterCase,
): number {
  for (let i = h + 1; i < end; i++) {
    if (sheltered.has(i)) continue;
    if (hasLetter(options.at(i), 'A', letters)) return i;
  }
  return -1;
}

/** Is an unlettered bullet at lines[i] a remark or a key rather than an option? */
function notAnOption(line: string): boolean {
  const text = stripBullet(line);
  return matchAnswerLine(text) !== undefined || readLabel(text) !== undefined;
}

/** `^[ \t]{2,}\S`: an indented line that goes on the option above. */
export function continuesOption(line: string): boolean {
  const k = skipSpaceTab(line, 0);
  return k >= 2 && k < line.length && !isWhiteAt(line, k);
}

/**
 * The first run of at least two unlettered bullets after the prompt, before any key statement:
 * `- Yes` / `- No`, `- [x] Adam` / `- [ ] SGD`.
 */
function firstUnlettered(
  lines: readonly string[],
  options: OptionWindow,
  h: number,
  end: number,
  sheltered: LineSet,
) {
  for (let i = h + 1; i < end; i++) {
    const line = lines[i] ?? '';
    if (sheltered.has(i) || isBlank(line)) continue;
    if (matchAnswerLine(line) !== undefined) return -1;
    const o = options.at(i);
    if (o?.bullet && o.key === undefined && !notAnOption(line)) {
      let n = 0;
      for (let k = i; k < end; k++) {
        const ok = options.at(k);
        if (ok?.bullet && ok.key === undefined && !notAnOption(lines[k] ?? '')) n++;
        else if (!isBlank(lines[k] ?? '')) break;
      }
      return n >= 2 ? i : -1;
    }
  }
  return -1;
}

const letterAt = (n: number) => String.fromCharCode(65 + n);

/** Reads the options of the question whose line is lines[h] and whose block ends before `end`. */
export function readOptions(
  lines: readonly string[],
  h: number,
  end: number,
  sheltered: LineSet,
): OptionBlock {
  const options = new OptionWindow(lines, h + 1, end);
  let letters: LetterCase = 'upper';
  let first = firstLettered(options, h, end, sheltered, 'upper');
  if (first === -1) {
    first = firstLettered(options, h, end, sheltered, 'lower');
    letters = 'lower';
  }
  const unlettered = first === -1;
  if (unlettered) first = firstUnlettered(lines, options, h, end, sheltered);
  const block: OptionBlock = { promptEnd: first, options: [], next: h + 1, annotations: [] };
  if (first === -1) return block;
  const fits = (o: OptionLine | undefined): o is OptionLine =>
    o !== undefined &&
    (unlettered
      ? o.bullet && o.key === undefined
      : o.key !== undefined && o.lower === (letters === 'lower'));
  let i = first;
  while (i < end) {
    const line = lines[i] ?? '';
    const o = options.at(i);
    if (fits(o) && !(unlettered && notAnOption(line))) {
      const at = i;
      i++;
      let text = o.text;
      while (i < end && continuesOption(lines[i] ?? '') && !fits(options.at(i))) {
        text += `\n${(lines[i] ?? '').trim()}`;
        i++;
      }
      const whole = text === o.text ? o : { ...o, text, raw: o.raw === o.text ? text : o.raw };
      for (const part of splitOnOneLine(whole)) {
        const key = unlettered ? letterAt(block.options.length) : (part.key ?? '');
        block.options.push({ key, text: part.text, right: part.right, line: at });
      }
    } else if (isBlank(line) || isEmptyBullet(line)) i++;
    else if (opensAnnotation(line) && optionFollows(lines, options, i, end, fits)) {
      while (i < end && !(lines[i] ?? '').includes('-->')) block.annotations.push(i++);
      block.annotations.push(i++);
    } else break;
  }
  block.next = i;
  return block;
}

/** True when the comment at lines[i] sits among the options (the next text line is an option). */
function optionFollows(
  lines: readonly string[],
  options: OptionWindow,
  i: number,
  end: number,
  fits: (o: OptionLine | undefined) => boolean,
): boolean {
  let k = i;
  while (k < end && !(lines[k] ?? '').includes('-->')) k++;
  for (k++; k < end; k++) {
    const line = lines[k] ?? '';
    if (!isBlank(line) && !isEmptyBullet(line)) return fits(options.at(k));
  }
  return false;
}
