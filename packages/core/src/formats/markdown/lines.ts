// Recognisers for the line shapes of quiz-markdown (see docs/bank-format.md).

export interface QuestionLine {
  number: string;
  text: string;
  /** Written as a heading or in bold: a question even when it has no options. */
  emphatic: boolean;
}

// "1. …", "2) …", "## 6. …", "**8. …**", "Question 3: …", "Q4. …".
const QUESTION_RE =
  /^(#{1,6}[ \t]+)?(\*\*|__)?(?:(?:Question|Q)[ \t]*(\d{1,6})[.):]|(\d{1,6})[.)])(?:\*\*|__)?[ \t]+(.+)$/;

export function matchQuestion(line: string): QuestionLine | undefined {
  const m = QUESTION_RE.exec(line);
  if (!m) return undefined;
  let text = (m[5] ?? '').trimEnd();
  const bold = m[2];
  if (bold !== undefined && text.endsWith(bold)) text = text.slice(0, -bold.length).trimEnd();
  const number = m[3] ?? m[4] ?? '';
  return { number, text, emphatic: m[1] !== undefined || bold !== undefined || m[3] !== undefined };
}

export interface OptionLine {
  key: string;
  text: string;
  right: boolean;
}

const OPTION_RE =
  /^[ \t]{0,3}[-*+][ \t]+(?:\*\*|__)?\(?([A-Za-z])\)?(?:[ \t]+(RIGHT|CORRECT))?[.):](?:\*\*|__)?(?:[ \t]+(.*))?$/;
const BARE_OPTION_RE =
  /^(?:\*\*|__)?\(?([A-Za-z])\)?(?:[ \t]+(RIGHT|CORRECT))?[.)](?:\*\*|__)?[ \t]+(\S.*)$/;
// Anchored at the end only after a cheap endsWith test: `[ \t]+…$` alone is quadratic on long lines.
const TRAILING_MARK_RE = /(?:\(?(?:RIGHT|CORRECT)\)?|[✓✔✅])$/u;

/** Text without a trailing ` RIGHT`, ` (RIGHT)` or ` ✓` mark, and whether it had one. */
function stripTrailingMark(text: string): { text: string; right: boolean } {
  const m = TRAILING_MARK_RE.exec(text.slice(-9));
  if (!m) return { text, right: false };
  const before = text.slice(0, text.length - m[0].length);
  if (before === '' || before.trimEnd() === before) return { text, right: false };
  return { text: before.trimEnd(), right: true };
}

/**
 * Options are lettered in capitals, or all in lowercase (`- a. …`, read as A, B, …) in a question
 * that has no capital ones: then "a)"/"b)" statements in a prompt above capital options stay prompt.
 */
export type LetterCase = 'upper' | 'lower';

/** `- A. text`, `- D RIGHT. text`, `- **B RIGHT.** text`, `- C. text (RIGHT)`. */
export function matchOption(line: string, letters: LetterCase = 'upper'): OptionLine | undefined {
  return readOption(OPTION_RE.exec(line), letters);
}

/** Inside a question block options may also be written without a bullet: `A. text`, `B) text`. */
export function matchQuestionOption(
  line: string,
  letters: LetterCase = 'upper',
): OptionLine | undefined {
  return readOption(OPTION_RE.exec(line) ?? BARE_OPTION_RE.exec(line), letters);
}

/** The first option of a question is `A` (so "- I. …" statements in a prompt stay prompt). */
export function startsOptions(line: string, letters: LetterCase = 'upper'): boolean {
  return (
    (OPTION_RE.exec(line) ?? BARE_OPTION_RE.exec(line))?.[1] === (letters === 'upper' ? 'A' : 'a')
  );
}

function readOption(m: RegExpExecArray | null, letters: LetterCase): OptionLine | undefined {
  if (!m) return undefined;
  const letter = m[1] ?? '';
  if ((letter === letter.toUpperCase()) !== (letters === 'upper')) return undefined;
  let text = (m[3] ?? '').trim();
  let right = m[2] !== undefined;
  const marked = stripTrailingMark(text);
  if (marked.right) {
    text = marked.text;
    right = true;
  }
  return { key: letter.toUpperCase(), text, right };
}

export const isBlank = (line: string) => line.trim() === '';
export const isEmptyBullet = (line: string) => /^[ \t]*[-*+][ \t]*$/.test(line);
export const isRule = (line: string) => /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line);
export const isBullet = (line: string) => /^[ \t]*[-*+][ \t]+\S/.test(line);
export const stripBullet = (line: string) => line.replace(/^[ \t]*[-*+][ \t]+/, '');

const ACCEPTED_RE =
  /^(?:[-*+][ \t]+)?(?:the[ \t]+)?(?:official[ \t]+)?(?:(?:accepted|correct|right)[ \t]+(?:answers?|options?)[ \t]*(?:is|are|:|=|-)|answers?[ \t]*[:=])[ \t]*(.*)$/i;

/**
 * "Accepted answer is A and D." → "A and D."; "Accepted Answers:" → ""; also "Correct answer: …",
 * "Right options are …", "Answer: B".
 */
export function matchAccepted(line: string): string | undefined {
  const m = ACCEPTED_RE.exec(line.replace(/\*\*|__/g, '').trim());
  return m ? (m[1] ?? '').trim() : undefined;
}

/** Text as compared between an accepted answer and an option: no emphasis, spacing or case. */
export function normaliseText(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]$/, '')
    .toLowerCase();
}

const PINNED_RE =
  /^(?:\*\*|__)?(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|these|them|those)\b/i;
export const isPinnedText = (text: string) => PINNED_RE.test(text.trimStart());

const SELECT_ALL_RE = /\b(?:select|choose|mark|tick|pick)[ \t]+all\b|\ball[ \t]+that[ \t]+apply\b/i;
export const saysSelectAll = (prompt: string) => SELECT_ALL_RE.test(prompt);
