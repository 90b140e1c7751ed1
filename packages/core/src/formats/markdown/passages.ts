import { soundsLikeDispute } from './remarks';

// "Answer the following questions", "the next 3 questions", "questions 4-5": a passage's last line.
export const MARKER_RE =
  /\banswer the following\b|\bthe following (?:\w+ )?questions\b|\bquestions? (?:that )?follows?\b|\bnext (?:\d+|two|three|four|five|six|seven|eight|nine|ten) questions\b|\bquestions?[ \t]+\d+[ \t]*(?:-|–|—|to|through|and)[ \t]*\d+\b|\bQ\d+[ \t]*(?:-|–|—|to)[ \t]*Q?\d+\b/i;
// Every marker has a "q" ("question", "Q3") or "following": most paragraphs fail this cheaper test.
const FOLLOWING_RE = /following/i;
const isMarker = (text: string) =>
  (text.includes('q') || text.includes('Q') || FOLLOWING_RE.test(text)) && MARKER_RE.test(text);
const RANGE_RE =
  /\bquestions?[ \t]+(\d{1,4})[ \t]*(?:-|–|—|to|through|and)[ \t]*(\d{1,4})\b|\bQ(\d{1,4})[ \t]*(?:-|–|—|to)[ \t]*Q?(\d{1,4})\b/i;
const COUNT_RE =
  /\b(?:next|following)[ \t]+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)[ \t]+questions\b/i;
const WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The range a passage states: "questions 12 to 15", "Q3–Q5", "the next three questions". */
export function statedRange(
  text: string,
): { from: number; to: number } | { count: number } | undefined {
  const r = RANGE_RE.exec(text);
  if (r) {
    const from = Number(r[1] ?? r[3]);
    const to = Number(r[2] ?? r[4]);
    if (to >= from) return { from, to };
  }
  const c = COUNT_RE.exec(text);
  if (c) {
    const word = (c[1] ?? '').toLowerCase();
    const n = WORDS.includes(word) ? WORDS.indexOf(word) + 2 : Number(word);
    if (n > 0) return { count: n };
  }
  return undefined;
}
const SCENARIO_RE = /^(?:A|An|Consider|Suppose|Imagine|You are|In this (?:scenario|case))\b/;

/** True for the paragraph that ends a case-study passage. */
export const endsPassage = (text: string) => isMarker(text);

/** True when an unlabelled paragraph after a question opens a case-study passage. */
export function opensPassage(text: string): boolean {
  if (isMarker(text)) return true;
  return SCENARIO_RE.test(text) && text.length >= 150 && !soundsLikeDispute(text);
}

const STOP = new Set([
  'following',
  'above',
  'below',
  'first',
  'second',
  'next',
  'last',
  'same',
  'other',
]);

/** Nouns a passage introduces ("A company …", "an image …"). */
export function introduced(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:a|an)\s+(?:[\w-]+\s+)?([a-z][\w-]{3,})/gi)) {
    out.add((m[1] ?? '').toLowerCase());
  }
  for (const m of text.matchAll(/\b(?:a|an)\s+([a-z][\w-]{3,})/gi))
    out.add((m[1] ?? '').toLowerCase());
  return out;
}

/**
 * The earlier passage whose scenario this one extends: the latest one that introduced something this
 * passage refers back to with "the"/"this"/"that" ("A company …" then "… in the company …").
 * A passage that opens with "A"/"An" starts a new scenario.
 */
export function findContinued(
  body: string,
  earlier: readonly { id: string; nouns: ReadonlySet<string> }[],
): string | undefined {
  if (/^\s*(?:A|An)\s/.test(body)) return undefined;
  const refs = new Set<string>();
  for (const m of body.matchAll(/\b(?:the|this|that|these|those)\s+([a-z][\w-]{3,})/gi)) {
    const word = (m[1] ?? '').toLowerCase();
    if (!STOP.has(word)) refs.add(word);
  }
  for (let i = earlier.length - 1; i >= 0; i--) {
    const c = earlier[i];
    if (c === undefined) continue;
    for (const r of refs) if (c.nouns.has(r)) return c.id;
  }
  return undefined;
}
