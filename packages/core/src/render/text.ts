import type { Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import { CONTROL_CHARACTERS as CONTROL } from './control-characters';
import { mathPlugin } from './markdown-it-math';
import { texToUnicode } from './tex-to-unicode';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(mathPlugin);

/** Markdown → plain text: markup dropped, lists and quotes kept readable, TeX as Unicode. */
export function markdownToText(source: string): string {
  const tokens = md.parse(source, {});
  const lines: string[] = [];
  const prefixes: string[] = [];
  const counters: number[] = [];
  let pendingMarker = '';
  let inTable = false;
  for (const t of tokens) {
    switch (t.type) {
      case 'bullet_list_open':
        counters.push(-1);
        break;
      case 'ordered_list_open':
        counters.push(Number(t.attrGet('start') ?? 1));
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        counters.pop();
        if (counters.length === 0) lines.push('');
        break;
      case 'list_item_open': {
        const n = counters[counters.length - 1] ?? -1;
        pendingMarker = n < 0 ? '- ' : `${n}. `;
        if (n >= 0) counters[counters.length - 1] = n + 1;
        prefixes.push(' '.repeat(pendingMarker.length));
        break;
      }
      case 'list_item_close':
        prefixes.pop();
        break;
      case 'blockquote_open':
        prefixes.push('> ');
        break;
      case 'blockquote_close':
        prefixes.pop();
        lines.push('');
        break;
      case 'inline':
      case 'code_block':
      case 'fence':
      case 'math_block': {
        const text =
          t.type === 'inline'
            ? inlineText(t.children ?? [])
            : t.type === 'math_block'
              ? texToUnicode(t.content)
              : t.content.replace(/\n$/, '');
        if (inTable) {
          lines.push(`${lines.pop() ?? ''}${text.replace(/\n/g, ' ')} | `);
          break;
        }
        const outer = prefixes.slice(0, -1).join('');
        const inner = prefixes[prefixes.length - 1] ?? '';
        text.split('\n').forEach((line, i) => {
          const lead = i === 0 && pendingMarker ? pendingMarker : inner;
          lines.push(`${outer}${lead}${line}`.trimEnd());
        });
        pendingMarker = '';
        if (t.block && t.type !== 'inline') lines.push('');
        break;
      }
      case 'hr':
        lines.push('---');
        break;
      case 'paragraph_close':
      case 'heading_close':
        if (!t.hidden) lines.push('');
        break;
      case 'table_open':
        inTable = true;
        break;
      case 'table_close':
        inTable = false;
        lines.push('');
        break;
      case 'tr_close':
        lines.push(lines.pop()?.replace(/ \| $/, '') ?? '');
        break;
      case 'tr_open':
        lines.push('');
        break;
    }
  }
  return lines
    .join('\n')
    .replace(CONTROL, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of Markdown as plain text. */
export function inlineMarkdownToText(source: string): string {
  return inlineText(md.parseInline(source, {})[0]?.children ?? [])
    .replace(CONTROL, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function inlineText(children: Token[]): string {
  let out = '';
  let href = '';
  let linkText = '';
  for (const c of children) {
    switch (c.type) {
      case 'text':
      case 'code_inline':
        out += c.content;
        linkText += c.content;
        break;
      case 'math_inline':
      case 'math_display':
        out += texToUnicode(c.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 'image':
        out += `[image: ${c.content || String(c.attrGet('src') ?? '')}]`;
        break;
      case 'link_open':
        href = String(c.attrGet('href') ?? '');
        linkText = '';
        break;
      case 'link_close':
        if (href && href !== linkText) out += ` (${href})`;
        href = '';
        break;
    }
  }
  return out;
}
