import {
  type Bank,
  type BankLocations,
  DISCORD_LIMITS,
  type Diagnostic,
  quoteBankText,
  renderQuestion,
} from '@quizdeck/core';
import { imageSources, readMediaFile } from './media';

const MAY_HAVE_IMAGE = /!\[|<img/i;

const mayHaveImage = (q: Bank['questions'][number]): boolean =>
  [
    q.prompt,
    q.explanation ?? '',
    ...q.options.map((o) => o.text),
    ...q.notes.map((n) => n.text),
  ].some((t) => MAY_HAVE_IMAGE.test(t));

const MIB = 1024 * 1024;

/** A readable image too large for any Discord message: the bot posts its question without it. */
const tooLargeForDiscord = (src: string, bytes: number) =>
  `image ${quoteBankText(src)} is ${(bytes / MIB).toFixed(1)} MiB; Discord takes at most ${DISCORD_LIMITS.uploadBytes / MIB} MiB a message, so the bot posts the question without it (Anki decks still carry it)`;

/**
 * Every image a bank references that a deck could not pack (outside the bank's folder, remote,
 * missing or unreadable: errors) or that the bot could not attach in Discord (a warning), once per
 * image, at the first question that shows it. The images are found in the cards' own HTML, as
 * `pnpm anki` finds them.
 */
export function mediaDiagnostics(
  bank: Bank,
  locations: BankLocations,
  bankFile: string,
  file: string,
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const contexts = bank.contexts.some(
    (c) => MAY_HAVE_IMAGE.test(c.body) || MAY_HAVE_IMAGE.test(c.notes ?? ''),
  );
  for (const q of bank.questions) {
    if (!contexts && !mayHaveImage(q)) continue;
    let html: string;
    try {
      const r = renderQuestion(bank, q, 'html');
      html = [
        r.prompt,
        r.explanation ?? '',
        ...r.options.map((o) => o.text),
        ...r.notes.map((n) => n.text),
        ...r.contexts.flatMap((c) => [c.body, c.notes ?? '']),
      ].join('\n');
    } catch {
      continue; // a question that cannot be rendered is reported by its renderer's check
    }
    for (const src of imageSources(html)) {
      if (seen.has(src)) continue;
      seen.add(src);
      const read = readMediaFile(bankFile, src);
      const at = locations.questions[q.id] ?? { line: 1, col: 1 };
      if ('data' in read) {
        if (read.data.byteLength <= DISCORD_LIMITS.uploadBytes) continue;
        out.push({
          file,
          ...at,
          severity: 'warning',
          code: 'media-discord-size',
          message: `${q.id}: ${tooLargeForDiscord(src, read.data.byteLength)}`,
        });
        continue;
      }
      out.push({
        file,
        ...at,
        severity: 'error',
        code: `media-${read.code}`,
        message: `${q.id}: ${read.message}`,
      });
    }
  }
  return out;
}
