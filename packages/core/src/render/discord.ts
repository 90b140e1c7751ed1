import MarkdownIt from 'markdown-it';
import { CONTROL_CHARACTERS } from './control-characters';
import { matchMath } from './math-span';
import { neutraliseMentions } from './mentions';
import { texToUnicode } from './tex-to-unicode';

const { unescapeAll } = new MarkdownIt().utils;
const ENTITY = /^&(?:#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/i;

/**
 * Markdown → Discord Markdown. Discord already speaks Markdown (bold, italics, code, lists, quotes,
 * headings), so the text passes through; TeX outside code becomes readable Unicode, Markdown's
 * trailing-space line breaks are dropped (Discord keeps every newline anyway) and mentions are
 * neutralised so no question can ping.
 */
export function markdownToDiscord(source: string): string {
  let out = '';
  let pos = 0;
  const src = source.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
  while (pos < src.length) {
    const atLineStart = pos === 0 || src.charAt(pos - 1) === '\n';
    const fence = atLineStart ? /^ {0,3}(`{3,}|~{3,})/.exec(src.slice(pos)) : null;
    if (fence?.[1]) {
      const end = fenceEnd(src, pos, fence[1]);
      out += src.slice(pos, end);
      pos = end;
      continue;
    }
    const ch = src.charAt(pos);
    if (ch === '`') {
      const run = /^`+/.exec(src.slice(pos))?.[0] ?? '`';
      const close = findRun(src, pos + run.length, run);
      const end = close < 0 ? pos + run.length : close + run.length;
      out += src.slice(pos, end);
      pos = end;
      continue;
    }
    const math = matchMath(src, pos);
    if (math) {
      out += texToUnicode(math.tex);
      pos = math.end;
      continue;
    }
    if (ch === '\\' && /[!-/:-@[-`{-~]/.test(src.charAt(pos + 1))) {
      // A backslash escape (\$, \`, \*): Discord reads it as Markdown does, so it stays as written.
      out += src.slice(pos, pos + 2);
      pos += 2;
      continue;
    }
    const entity = ch === '&' ? ENTITY.exec(src.slice(pos, pos + 40)) : null;
    if (entity) {
      // Markdown decodes entity references; Discord would show them raw.
      out += unescapeAll(entity[0]);
      pos += entity[0].length;
      continue;
    }
    out += ch;
    pos++;
  }
  return neutraliseMentions(
    out
      .replace(CONTROL_CHARACTERS, '')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
}

/** Discord shows one line of text as it is; an option or a title becomes one line. */
export function inlineMarkdownToDiscord(source: string): string {
  return markdownToDiscord(source).replace(/\s*\n\s*/g, ' ');
}

function fenceEnd(src: string, start: number, marker: string): number {
  const lineEnd = src.indexOf('\n', start);
  if (lineEnd < 0) return src.length;
  const closing = new RegExp(`^ {0,3}${marker.charAt(0)}{${marker.length},}[ \\t]*$`, 'm');
  const rest = src.slice(lineEnd + 1);
  const m = closing.exec(rest);
  return m ? lineEnd + 1 + m.index + m[0].length : src.length;
}

/** Index of the next backtick run exactly as long as `run`, or -1. */
function findRun(src: string, from: number, run: string): number {
  for (let i = src.indexOf(run, from); i >= 0; i = src.indexOf(run, i + 1)) {
    const before = src.charAt(i - 1);
    const after = src.charAt(i + run.length);
    if (before !== '`' && after !== '`') return i;
    while (src.charAt(i + 1) === '`') i++;
  }
  return -1;
}
