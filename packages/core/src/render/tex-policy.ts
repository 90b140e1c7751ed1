import { RenderError } from './render-error';
import { TEX_ALLOWED, TEX_ENVIRONMENTS, TEX_REFUSED } from './tex-allow-list';

/**
 * How deep TeX may nest (groups, `\left…\right`, environments). Quiz formulas stay under ten;
 * MathJax and our Unicode renderer recurse per level, and a few thousand overflow them.
 */
export const MAX_TEX_DEPTH = 32;

export interface TexProblem {
  code: 'tex/command' | 'tex/environment' | 'tex/depth';
  message: string;
}

const tooDeep = (): TexProblem => ({
  code: 'tex/depth',
  message: `TeX nested more than ${MAX_TEX_DEPTH} levels deep`,
});

/**
 * The first reason `tex` (a math span without its delimiters) may not reach MathJax, or
 * undefined: a command or environment outside the allow-list, or nesting past MAX_TEX_DEPTH.
 */
export function texProblem(tex: string): TexProblem | undefined {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex.charAt(i);
    if (ch === '{') {
      if (++depth > MAX_TEX_DEPTH) return tooDeep();
      continue;
    }
    if (ch === '}') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (ch !== '\\') continue;
    const name = commandName(tex, i + 1);
    if (name === '') continue; // a trailing backslash typesets nothing
    i += name.length;
    if (!TEX_ALLOWED.has(name)) return refused(name);
    if (name === 'left' || name === 'begin') {
      if (++depth > MAX_TEX_DEPTH) return tooDeep();
    } else if (name === 'right' || name === 'end') {
      depth = Math.max(0, depth - 1);
    }
    if (name === 'begin' || name === 'end') {
      const env = /^\s*\{([^{}]*)\}/.exec(tex.slice(i + 1, i + 80));
      if (!env || !TEX_ENVIRONMENTS.has(env[1] ?? '')) {
        return {
          code: 'tex/environment',
          message: `TeX environment ${env ? `{${env[1]}}` : 'without a {name}'} is not allowed: only ${[...TEX_ENVIRONMENTS].join(', ')}`,
        };
      }
      i += env[0].length;
    }
  }
  return undefined;
}

/** The command after a backslash at `from - 1`: up to 64 ASCII letters, or the one character. */
function commandName(tex: string, from: number): string {
  const stop = Math.min(from + 64, tex.length);
  let end = from;
  while (end < stop && isAsciiLetter(tex.charCodeAt(end))) end++;
  return end > from ? tex.slice(from, end) : tex.charAt(from);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function refused(name: string): TexProblem {
  const why = TEX_REFUSED[name];
  const shown = /^(?:[A-Za-z]+|[!-~])$/.test(name)
    ? `\\${name}`
    : `\\U+${(name.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    code: 'tex/command',
    message: why
      ? `TeX command ${shown} is not allowed: it ${why}`
      : `TeX command ${shown} is not in quizdeck's allow-list of math commands (docs/bank-format.md)`,
  };
}

/** Throws the RenderError a renderer gives for TeX nested past the limit. */
export function throwTooDeep(): never {
  throw new RenderError('RENDER_TEX_DEPTH', tooDeep().message);
}
