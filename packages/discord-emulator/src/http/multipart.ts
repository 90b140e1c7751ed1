import { createHash } from 'node:crypto';

/** Where a parsed body keeps its uploads (a key no JSON body can have). */
export const UPLOADS = Symbol('uploads');

/** A file part of a multipart message create, as Discord receives an upload. */
export interface Upload {
  /** The form field: `files[0]`, `files[1]`, … */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Splits a `multipart/form-data` body (how discord.js sends a message with files) into its
 * `payload_json` text and its file parts. Bytes are hashed and counted, not kept.
 */
export function parseMultipart(raw: Buffer, contentType: string) {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const out: { json: string | undefined; uploads: Upload[] } = { json: undefined, uploads: [] };
  if (!boundary) return out;
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, body, CRLF before the next delimiter.
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = part.subarray(0, split).toString('utf8');
      const body = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name === 'payload_json') out.json = body.toString('utf8');
      else if (filename !== undefined) {
        out.uploads.push({
          field: name,
          filename,
          contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? '',
          size: body.length,
          sha256: createHash('sha256').update(body).digest('hex'),
        });
      }
    }
    at = next;
  }
  return out;
}
