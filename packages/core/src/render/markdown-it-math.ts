import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';
import { matchMath } from './math-span';

/**
 * markdown-it plugin: TeX spans become `math_inline` / `math_block` tokens whose content is the raw
 * TeX, so emphasis and escapes never reach inside them. Each renderer decides how to show them.
 */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('escape', 'math_inline', (state: StateInline, silent: boolean) => {
    const span = matchMath(state.src, state.pos);
    if (!span || span.end > state.posMax) return false;
    if (!silent) {
      const token = state.push(span.display ? 'math_display' : 'math_inline', 'math', 0);
      token.content = span.tex;
      token.markup = state.src.slice(state.pos, state.pos + 2);
    }
    state.pos = span.end;
    return true;
  });

  md.block.ruler.before(
    'paragraph',
    'math_block',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
      const open = state.src.slice(start, start + 2);
      if (open !== '$$' && open !== '\\[') return false;
      if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
      const close = open === '$$' ? '$$' : '\\]';
      // The span runs from the opening line to the first line that ends with the closing delimiter.
      for (let line = startLine; line < endLine; line++) {
        const lineStart = (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
        const lineEnd = state.eMarks[line] ?? 0;
        const text = state.src.slice(lineStart, lineEnd).trimEnd();
        const from = line === startLine ? 2 : 0;
        if (text.length >= from + 2 && text.endsWith(close)) {
          if (silent) return true;
          const body = state.src.slice(start + 2, lineStart + text.length - 2);
          if (!body.trim()) return false;
          const token = state.push('math_block', 'math', 0);
          token.block = true;
          token.content = body;
          token.map = [startLine, line + 1];
          state.line = line + 1;
          return true;
        }
        if (line > startLine && text === '') return false;
        if (line === startLine && text.indexOf(close, 2) >= 0) return false;
      }
      return false;
    },
    { alt: ['paragraph', 'blockquote', 'list'] },
  );
}
