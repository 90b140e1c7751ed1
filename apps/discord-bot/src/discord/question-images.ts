import { extname } from 'node:path';
import { imageSources, readMediaFile } from '@quizdeck/bank-files';
import { type Bank, type Question, renderQuestion } from '@quizdeck/core';
import type { APIEmbed, AttachmentPayload } from 'discord.js';
import { bankLine } from './bank-text';
import { LIMITS } from './limits';

export interface PostedImages {
  files: AttachmentPayload[];
  /** Image-only embeds, one per file (`attachment://name`), for the message that carries them. */
  embeds: APIEmbed[];
  /** Why an image is not shown (too large for Discord, outside the bank's folder, missing). */
  notes: string[];
}

const MIB = 1024 * 1024;

/**
 * The bank's local images a question shows (in its passages, prompt and options, or its
 * explanation and notes for the reveal), read by bank-files' one rule (only files in the bank's
 * folder), as Discord attachments within Discord's limits: 10 files and 10 MiB a message.
 */
export function questionImages(
  bank: Bank,
  question: Question,
  bankFile: string | undefined,
  part: 'question' | 'reveal',
): PostedImages {
  const out: PostedImages = { files: [], embeds: [], notes: [] };
  if (!bankFile) return out;
  let html: string[];
  try {
    const r = renderQuestion(bank, question, 'html');
    html =
      part === 'question'
        ? [...r.contexts.map((c) => c.body), r.prompt, ...r.options.map((o) => o.text)]
        : [r.explanation ?? '', ...r.notes.map((n) => n.text)];
  } catch {
    return out; // a question that cannot be rendered is skipped before it is posted
  }
  let bytes = 0;
  const seen = new Set<string>();
  for (const src of html.flatMap(imageSources)) {
    if (seen.has(src) || /^data:/i.test(src)) continue;
    seen.add(src);
    const read = readMediaFile(bankFile, src);
    if (!('data' in read)) {
      out.notes.push(`(${bankLine(read.message)})`);
      continue;
    }
    const size = read.data.byteLength;
    // The message's own text embed counts towards Discord's 10 embeds.
    if (
      out.files.length >= Math.min(LIMITS.files, LIMITS.embeds - 1) ||
      bytes + size > LIMITS.uploadBytes
    ) {
      out.notes.push(
        `(image ${bankLine(src)} is not shown: ${(size / MIB).toFixed(1)} MiB, and Discord takes at most ${LIMITS.uploadBytes / MIB} MiB and ${LIMITS.files} files with a message)`,
      );
      continue;
    }
    bytes += size;
    const name = `image-${out.files.length + 1}${safeExtension(src)}`;
    out.files.push({ attachment: Buffer.from(read.data), name });
    out.embeds.push({ image: { url: `attachment://${name}` } });
  }
  return out;
}

/** Markdown image syntax in Discord text, shown as its alt text: the image itself is attached. */
export function imagesAsText(text: string): string {
  return text.replace(/!\[([^\]]*)\]\([^)]*\)/g, (_, alt: string) => `🖼️ ${alt.trim() || 'image'}`);
}

function safeExtension(src: string): string {
  const ext = extname(src.split(/[?#]/)[0] ?? '').toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '';
}

/**
 * The payloads with the images on the last one (the question's letters message, or the reveal):
 * its files, an image embed per file after its text embed, and the notes at the end of its text.
 */
export function withImages<P extends { embeds: APIEmbed[] }>(
  payloads: P[],
  images: PostedImages,
): (P & { files?: AttachmentPayload[] })[] {
  const last = payloads.at(-1);
  if (!last || (images.embeds.length === 0 && images.notes.length === 0)) return payloads;
  const [text, ...rest] = last.embeds;
  const noted: APIEmbed | undefined =
    text && images.notes.length
      ? {
          ...text,
          description: `${text.description ?? ''}\n\n${images.notes.join('\n')}`.slice(
            0,
            LIMITS.embedDescription,
          ),
        }
      : text;
  const withFiles = {
    ...last,
    embeds: [...(noted ? [noted] : []), ...rest, ...images.embeds],
    ...(images.files.length ? { files: images.files } : {}),
  };
  return [...payloads.slice(0, -1), withFiles];
}
