import { charReplacer } from './char-replacer';
import { escapeHtml } from './escape-html';
import { MAX_TEX_DEPTH, type TexProblem, texProblem, throwTooDeep } from './tex-policy';
import { texToUnicode } from './tex-to-unicode';

const MIN_DEEP_CHARS = MAX_TEX_DEPTH * 2;

// Backslashes of the math we write stand in as U+0001 until finishHtml: bank text cannot hold one
// (control characters are stripped first), so every other backslash is the bank's own.
const OWN_BACKSLASH = '\u0001';

let collecting: TexProblem[] | undefined;

/** Runs `render` and returns what it gave with the TeX it refused (for `check`). */
export function collectTexProblems<T>(render: () => T): { value: T; problems: TexProblem[] } {
  const outer = collecting;
  const problems: TexProblem[] = [];
  collecting = problems;
  try {
    return { value: render(), problems };
  } finally {
    collecting = outer;
  }
}

/**
 * A math span for MathJax: `\( \)` or `\[ \]` around the TeX, `<`, `>`, `&` and quotes escaped.
 * TeX outside the allow-list is shown as code instead, where MathJax never looks. Its backslashes
 * are placeholders until finishHtml runs on the page it is part of.
 */
export function mathHtml(tex: string, display: boolean): string {
  return mathSpanHtml(tex, display, false);
}

/** mathHtml as finishHtml leaves it: for HTML written already finished (fast-markdown-html.ts). */
export function finishedMathHtml(tex: string, display: boolean): string {
  return mathSpanHtml(tex, display, true);
}

function mathSpanHtml(tex: string, display: boolean, finished: boolean): string {
  const problem = texProblem(tex);
  if (problem?.code === 'tex/depth') throwTooDeep();
  // Nesting without braces (`\sqrt\sqrt…`) takes a character or more per level: only a long span
  // can be too deep, and the Unicode renderer, which follows every level, is the measure.
  if (tex.length > MIN_DEEP_CHARS) texToUnicode(tex);
  if (problem) {
    collecting?.push(problem);
    const fence = display ? '$$' : '$';
    const code = escapeHtml(`${fence}${tex}${fence}`);
    return `<code class="tex-refused">${finished ? finishText(code) : code}</code>`;
  }
  const escaped = escapeHtml(tex);
  const own = finished ? '\\' : OWN_BACKSLASH;
  const body = finished ? escaped : escaped.replaceAll('\\', OWN_BACKSLASH);
  return display ? `${own}[${body}${own}]` : `${own}(${body}${own})`;
}

/** What finishHtml writes for the bank's own backslashes and braces (see there). */
export const FINISHED_CHARACTERS: Readonly<Record<string, string>> = {
  '\\': '\\&#8288;',
  '{': '&#123;',
  '}': '&#125;',
};
const finishText = charReplacer(FINISHED_CHARACTERS);
const finishPage = charReplacer({ ...FINISHED_CHARACTERS, [OWN_BACKSLASH]: '\\' });

/**
 * The last step of every HTML rendering. MathJax reads the page's text, entities decoded, so a
 * backslash of the bank's own text is followed by a word joiner (U+2060, invisible): no `\(`,
 * `\[`, `\begin` or `\$` MathJax would act on can appear outside the math written above. Braces
 * become character references: Anki 2.1.0–2.1.19 rescan field HTML for `{{…}}` template syntax,
 * while the card (and MathJax, reading `\frac{a}{b}`) still sees the braces.
 */
export function finishHtml(html: string): string {
  return finishPage(html);
}
