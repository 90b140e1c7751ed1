import { MAX_TEX_DEPTH, throwTooDeep } from './tex-policy';
import {
  DOUBLE_STRUCK,
  SUPERSCRIPTS,
  TEX_ACCENTS,
  TEX_IGNORED,
  TEX_STYLES,
  TEX_SYMBOLS,
} from './tex-symbols';

/** Characters of math mode that read better as their typographic form. */
const MATH_CHARS: Record<string, string> = { '-': '−', '*': '∗', "'": '′', '~': ' ', '&': ' ' };
const TEXT_MODE = new Set(['text', 'textbf', 'textit', 'textrm', 'mbox', 'operatorname']);
const SUPERSCRIPT_CHARS = new Set(Object.values(SUPERSCRIPTS));
const ROOTS: Record<string, string> = { '': '√', '2': '√', '3': '∛', '4': '∜' };

interface Cursor {
  src: string;
  pos: number;
  /** Nested atoms being converted: each TeX level takes one to three. */
  depth: number;
}

const MAX_ATOM_DEPTH = 3 * MAX_TEX_DEPTH;

/**
 * Turns a TeX math snippet (without its `$` delimiters) into readable Unicode text:
 * `227 \times 227` → `227 × 227`, `W_{hh}` → `W_hh`, `x^2` → `x²`, `\frac{a+b}{2}` → `(a+b)/2`.
 * Anything it does not know stays readable: unknown commands show their name.
 */
export function texToUnicode(tex: string): string {
  return convert(tex, 0);
}

function convert(tex: string, depth: number): string {
  const c: Cursor = { src: tex, pos: 0, depth };
  let out = '';
  while (c.pos < c.src.length) out += atom(c, false);
  return out
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t\r]+/g, ' ')
        .replace(/([([]) /g, '$1')
        .replace(/ ([)\]])/g, '$1')
        .trim(),
    )
    .join('\n')
    .trim()
    .normalize('NFC');
}

/**
 * Converts one element at the cursor: a character, a command with its arguments or a group.
 * TeX nested past the limit is a RenderError, never a stack overflow.
 */
function atom(c: Cursor, inGroup: boolean): string {
  if (++c.depth > MAX_ATOM_DEPTH) throwTooDeep();
  const out = element(c, inGroup);
  c.depth--;
  return out;
}

function element(c: Cursor, inGroup: boolean): string {
  const ch = c.src.charAt(c.pos);
  c.pos++;
  switch (ch) {
    case '{':
      return group(c);
    case '}':
      return inGroup ? '' : '}';
    case '\\':
      return command(c);
    case '^':
      return superscript(argument(c));
    case '_':
      return `_${wrap(argument(c))}`;
    default:
      return /\s/.test(ch) ? ' ' : (MATH_CHARS[ch] ?? ch);
  }
}

/** Reads up to the matching `}` (the `{` is already consumed). */
function group(c: Cursor): string {
  let out = '';
  while (c.pos < c.src.length) {
    if (c.src.charAt(c.pos) === '}') {
      c.pos++;
      return out;
    }
    out += atom(c, true);
  }
  return out;
}

function skipSpaces(c: Cursor): void {
  while (/\s/.test(c.src.charAt(c.pos)) && c.pos < c.src.length) c.pos++;
}

/** A command's argument or a script: a `{group}`, a command, or one character. */
function argument(c: Cursor): string {
  skipSpaces(c);
  if (c.pos >= c.src.length) return '';
  return atom(c, false).trim();
}

/** The raw text of a `{…}` argument, braces balanced, for text-mode commands. */
function rawArgument(c: Cursor): string {
  skipSpaces(c);
  if (c.src.charAt(c.pos) !== '{') return argument(c);
  let depth = 0;
  const start = c.pos + 1;
  for (; c.pos < c.src.length; c.pos++) {
    const ch = c.src.charAt(c.pos);
    if (ch === '\\') c.pos++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) break;
  }
  const raw = c.src.slice(start, c.pos);
  c.pos++;
  return raw.replace(/\\([{}%$&#_ ])/g, '$1').replace(/~/g, ' ');
}

function optionalArgument(c: Cursor): string {
  skipSpaces(c);
  if (c.src.charAt(c.pos) !== '[') return '';
  const end = c.src.indexOf(']', c.pos);
  if (end < 0) return '';
  const inner = convert(c.src.slice(c.pos + 1, end), c.depth + 1);
  c.pos = end + 1;
  return inner;
}

function command(c: Cursor): string {
  const letters = /^[A-Za-z]+/.exec(c.src.slice(c.pos));
  const name = letters ? letters[0] : c.src.charAt(c.pos);
  c.pos += name.length;
  if (name === '') return '\\';
  if (name === '\\') return '\n';
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const num = argument(c);
    return `${wrap(num)}/${wrap(argument(c))}`;
  }
  if (name === 'sqrt') {
    const index = optionalArgument(c);
    return `${ROOTS[index] ?? `${superscript(index)}√`}${wrap(argument(c))}`;
  }
  if (name === 'begin' || name === 'end') {
    rawArgument(c);
    return name === 'end' ? '\n' : '';
  }
  if (name === 'mathbb') {
    return [...argument(c)].map((ch) => DOUBLE_STRUCK[ch] ?? ch).join('');
  }
  if (TEXT_MODE.has(name)) return rawArgument(c);
  if (TEX_STYLES.has(name)) return argument(c);
  const accent = TEX_ACCENTS[name];
  if (accent !== undefined) return `${argument(c)}${accent}`;
  if (TEX_IGNORED.has(name)) return '';
  return TEX_SYMBOLS[name] ?? name;
}

function superscript(text: string): string {
  const chars = [...text];
  if (
    chars.length > 0 &&
    chars.every((ch) => SUPERSCRIPTS[ch] !== undefined || SUPERSCRIPT_CHARS.has(ch))
  ) {
    return chars.map((ch) => SUPERSCRIPTS[ch] ?? ch).join('');
  }
  return `^${wrap(text)}`;
}

/** Parenthesises a compound operand so `a/b`, `x^(…)` and `h_(t−1)` read unambiguously. */
function wrap(text: string): string {
  const t = text.trim();
  if (/^[\p{L}\p{N}.′]*$/u.test(t) || [...t].length === 1) return t;
  if (/^\([^()]*\)$/.test(t)) return t;
  return `(${t})`;
}
