// Test helper: seeded mutations of bank files, for the fuzz test.

/** Snippets a hostile or careless bank holds: markup, TeX, YAML, controls, nesting. */
export const HOSTILE_SNIPPETS = [
  '$\\href{javascript:alert(1)}{x}$',
  '\\\\(\\style{position:fixed}{x}\\\\)',
  '&#92;(\\cssId{qd-back}{x}&#92;)',
  `$${'\\frac{'.repeat(400)}x${'}{y}'.repeat(400)}$`,
  `$${'{'.repeat(3000)}x$`,
  `$${'\\sqrt'.repeat(800)} x$`,
  '{{Front}} {{#Id}}{{/Id}}',
  '\u001b[2J\u001b]0;title\u0007\u009b31m\u202e',
  '\u0000\u0001\u007f',
  '\ufeff',
  '\r\n',
  '\t',
  '<!-- quizdeck: {id: x, tags: [a, b]} -->',
  '<!-- quizdeck: {id: *alias} -->',
  '<!-- quizdeck: {a: &x [*x, *x], b: *x} -->',
  `<!-- quizdeck: ${'['.repeat(2000)} -->`,
  `<!-- quizdeck: {${'a: {'.repeat(500)}} -->`,
  '<!-- quizdeck: {check: {cell: lstm, input: -1}} -->',
  '---',
  '---\ntitle: [unclosed\n---',
  '- A RIGHT. ',
  '- B. option',
  '- Z RIGHT. late',
  'Accepted answer is A and Q.',
  'Answer: ',
  'Explanation:',
  'Dispute: no',
  '1. ',
  '99999999999999999999. Big?',
  '## Heading',
  `${'> '.repeat(600)}deep quote`,
  `${'  - '.repeat(300)}deep list`,
  `${'['.repeat(3000)}links`,
  `${'*'.repeat(5000)}`,
  `${'_'.repeat(3000)}x${'_'.repeat(3000)}`,
  '```\ncode\n',
  '$$\n\\begin{pmatrix}a\\end{pmatrix}\n$$',
  '![x](/etc/passwd) ![y](../../x.png) ![z](https://evil.example/t.png)',
  '<script>alert(1)</script>',
  '@everyone <@123456789012345678>',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '$5 and $10',
  '\\',
  '$',
  'é́́́́',
  '\ud800',
];

/** Structured-bank snippets: YAML aliases, anchors, tags, deep nesting, duplicate keys. */
export const STRUCTURED_SNIPPETS = [
  '*alias',
  '&a [*a]',
  '<<: *base',
  '"text": *important*',
  'text: *important*',
  `a: &a [${'*a, '.repeat(200)}]`,
  '!!binary aGVsbG8=',
  '!!js/function "x"',
  '? [a]\n: b',
  `${'['.repeat(1500)}`,
  `${'{"a":'.repeat(1500)}`,
  '{"id": "x", "id": "y"}',
  '"\\u0000\\u001b[2J"',
  '1e999',
  '-0',
  'null',
  '~',
  '%YAML 1.1\n---',
];

export type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

/** One mutation of `text`: lines deleted, doubled, swapped or spliced, snippets and bytes added. */
export function mutate(
  text: string,
  random: Random,
  others: readonly string[],
  snippets: readonly string[],
): string {
  const lines = text.split('\n');
  const at = () => Math.floor(random() * (lines.length + 1));
  const rounds = 1 + Math.floor(random() * 4);
  for (let r = 0; r < rounds; r++) {
    switch (Math.floor(random() * 9)) {
      case 0:
        lines.splice(at(), 1);
        break;
      case 1: {
        const i = at();
        lines.splice(i, 0, lines[i] ?? '');
        break;
      }
      case 2: {
        const i = at();
        const j = at();
        const a = lines[i];
        lines[i] = lines[j] ?? '';
        lines[j] = a ?? '';
        break;
      }
      case 3:
      case 4:
        lines.splice(at(), 0, pick(random, snippets));
        break;
      case 5: {
        // A snippet inside a line, at a random character.
        const i = Math.floor(random() * lines.length);
        const line = lines[i] ?? '';
        const c = Math.floor(random() * (line.length + 1));
        lines[i] = line.slice(0, c) + pick(random, snippets) + line.slice(c);
        break;
      }
      case 6: {
        const other = pick(random, others).split('\n');
        const from = Math.floor(random() * other.length);
        lines.splice(at(), 0, ...other.slice(from, from + 1 + Math.floor(random() * 30)));
        break;
      }
      case 7:
        lines.length = Math.max(0, Math.min(lines.length, at()));
        break;
      default: {
        // A few random characters anywhere.
        const i = Math.floor(random() * lines.length);
        const line = lines[i] ?? '';
        const c = Math.floor(random() * (line.length + 1));
        const ch = String.fromCharCode(Math.floor(random() * 0x250));
        lines[i] = line.slice(0, c) + ch.repeat(1 + Math.floor(random() * 3)) + line.slice(c + 1);
      }
    }
  }
  return lines.join('\n');
}
