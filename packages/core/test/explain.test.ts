import { describe, expect, it } from 'vitest';
import { explainMarkdown, formatExplanation } from '../src/index';

describe('formatExplanation', () => {
  const text = [
    '# Quiz \u001b[31mred\u001b[0m',
    '',
    'A company sells 3 products in 5 shops over 12 months of the year. Answer the following questions.',
    '',
    '1. First?',
    '- A. one \u202eevil',
    '- B RIGHT. two',
    '',
    '> I think A is right too.',
    '',
    '2. Second?',
    '',
  ].join('\n');
  const out = formatExplanation(explainMarkdown(text, 'q.md'));

  it('gives each question its key, multiple, pinned, context chain and notes by kind', () => {
    expect(out).toContain('── Q1  id q1  (lines 5–10)\n   key: B   multiple: no   pinned: none');
    expect(out).toContain('   context: context-1   notes: 1 dispute, 0 comment');
    expect(out).toMatch(/── Q2 {2}id q2 {2}\(lines 11–12\) {2}NOT PLAYABLE/);
  });

  it('shows each line with its field and the diagnostics under their line', () => {
    expect(out).toMatch(/ 3 {2}passage context-1 body │ A company sells/);
    expect(out).toMatch(/ 9 {2}note \(dispute\) +│ > I think A is right too\./);
    expect(out).toMatch(/11 {2}prompt +│ 2\. Second\?\n +! +│ error: question 2 has no options/);
  });

  it('lets no terminal control sequence or bidi override through', () => {
    expect(out.includes('\u001b') || out.includes('\u202e')).toBe(false);
    expect(out).toContain('bank q: "Quiz red"');
  });
});
