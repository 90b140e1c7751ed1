import { describe, expect, it } from 'vitest';
import { explainMarkdown } from '../src/formats/markdown/explain';
import { parseBank } from '../src/index';

// Each case the issue found dropped or guessed silently: now a field, or a diagnostic at its line.
const parse = (text: string) => parseBank(text, { file: 'q.md', format: 'md' });
const said = (text: string) =>
  parse(text).diagnostics.map((d) => `${d.line} ${d.severity}: ${d.message}`);
const two = '- A. yes\n- B. no\n';

describe('nothing is dropped or guessed silently', () => {
  it('merges two quizdeck comments in one question when they agree', () => {
    const r = parse(
      `1. One?\n<!-- quizdeck: {id: one, tags: [a]} -->\n\n${two}\n<!-- quizdeck: {id: one} -->\n\nAnswer: A\n`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.bank?.questions[0]).toMatchObject({ id: 'one', tags: ['a'] });
  });

  it('reports two quizdeck comments that disagree, at the second, naming both values', () => {
    expect(
      said(
        `1. One?\n<!-- quizdeck: {id: one} -->\n\n${two}\n<!-- quizdeck: {id: uno} -->\nAnswer: A\n`,
      ),
    ).toEqual([
      '7 error: question 1: two quizdeck comments set "id" differently ("one" at line 2, "uno" here)',
    ]);
  });

  it('reports an accepted entry "- C. text" whose text is not option C, naming both', () => {
    const text = '1. Class?\n\n- A. IgA\n- B. IgM\n- C. IgG\n\nAccepted Answers:\n\n- C. IgM\n';
    expect(said(text)).toEqual([
      '9 error: question 1: the accepted answer "C. IgM" does not match option C ("IgG"); its text is option B\'s',
    ]);
    expect(parse(text.replace('- C. IgM', '- C. IgG')).bank?.questions[0]?.answer).toEqual(['C']);
  });

  it('keeps a second key statement: a warning when it agrees, an error with its text when not', () => {
    const agree = `1. One?\n\n${two}\nAnswer: A\n\nThe answer is A.\n`;
    expect(said(agree)).toEqual([
      '8 warning: question 1: a second key statement (line 8) repeats the key A',
    ]);
    expect(explainMarkdown(agree, 'q.md').fields[7]).toBe('key');
    expect(said(`1. One?\n\n${two}\nAnswer: A\n\nCorrect: B\n`)).toEqual([
      '8 error: question 1: a second key statement "Correct: B" gives B, but the first (line 6) gives A',
    ]);
  });

  it.each([
    ['Ans (a)', 'Answer: A'],
    ['Answer B', 'Answer: B'],
    ['**Answer** b', 'Answer: B'],
    ['Answer. B', 'Answer: B'],
  ])('says how "%s" was read and how to write it, at its line', (line, fix) => {
    expect(said(`1. One?\n\n${two}\n${line}\n`)).toEqual([
      `6 warning: question 1: "${line}" is read as a comment, not as the key; to give the key write "${fix}"`,
      '6 error: question 1 has no key: mark the right options RIGHT or add an "Accepted answer" line',
    ]);
  });

  it('names the closest option when an accepted answer matches none', () => {
    const text =
      '1. Which?\n\n- A. Exploding gradients\n- B. Vanishing gradients\n\nAnswer: exploding gradient\n';
    expect(said(text)).toEqual([
      '6 error: question 1: accepted answer "exploding gradient" matches no option; the closest is A ("Exploding gradients")',
    ]);
  });

  it('keeps a question without options as its own question, with an error at its line', () => {
    const text = `1. One?\n\n${two}\nAnswer: A\n\n2. The missing gate is the ____ gate.\n\nAnswer: forget\n\n3. Three?\n\n${two}\nAnswer: B\n`;
    expect(said(text)).toEqual([
      '8 error: question 2 has no options: quizdeck plays multiple-choice questions (write them as "- A. …" lines under the question)',
    ]);
    const x = explainMarkdown(text, 'q.md');
    expect(x.questions.map((q) => [q.fields.number, q.broken])).toEqual([
      ['1', false],
      ['2', true],
      ['3', false],
    ]);
    expect(JSON.stringify(x.questions[0]?.fields)).not.toContain('gate');
    expect(x.questions[1]?.fields.prompt).toBe('The missing gate is the ____ gate.');
  });

  it('keeps a fill-in question and the next after a gap apart: an error, a warning, no fold', () => {
    const text =
      '1. What is 0.8 halved three times?\n\n3) Is Adam adaptive?\n- Yes\n- No\n\nKey: Yes\n';
    const x = explainMarkdown(text, 'q.md');
    expect(x.diagnostics.map((d) => `${d.line} ${d.severity}: ${d.message}`)).toEqual([
      '1 error: question 1 has no options: quizdeck plays multiple-choice questions (write them as "- A. …" lines under the question)',
      '3 warning: the numbering jumps from 1 to 3: question 2 is missing',
    ]);
    expect(x.questions[1]?.fields).toMatchObject({
      number: '3',
      prompt: 'Is Adam adaptive?',
      answer: ['A'],
    });
  });

  it('warns at the question after a gap in the numbering', () => {
    expect(said(`1. One?\n${two}Answer: A\n\n3. Three?\n${two}Answer: B\n`)).toEqual([
      '6 warning: the numbering jumps from 1 to 3: question 2 is missing',
    ]);
  });

  it.each([
    'EDIT: fixed the typo in option A.',
    'EDIT: corrected the wrong unit in the prompt.',
    'Update: I have updated the key after the lecture; it was a typo.',
  ])('keeps an author reporting their own change a comment: %s', (line) => {
    const r = parse(`1. One?\n\n${two}\nAnswer: A\n\n${line}\n`);
    expect(r.bank?.questions[0]?.notes.map((n) => n.kind)).toEqual(['comment']);
  });

  it('keeps a blockquoted dispute a dispute, without its "> " marks or its label', () => {
    const r = parse(
      `1. One?\n\n${two}\nAnswer: A\n\n> Dispute: B should count too.\n> Half the class picked it.\n\nEDIT: added the lecture slide number.\n`,
    );
    expect(r.bank?.questions[0]?.explanation).toBeUndefined();
    expect(r.bank?.questions[0]?.notes).toEqual([
      { kind: 'dispute', text: 'B should count too.\nHalf the class picked it.' },
      { kind: 'comment', text: 'added the lecture slide number.' },
    ]);
  });

  it('gives a stray empty bullet the separator field wherever it stands (found by the fuzz test)', () => {
    for (const text of [
      '1. Q?\n\n- A. a\n- B RIGHT. b\n\nAnswer: \n- \n- Accepted answer is B.\n',
      '1. Q?\n\n- A. a\n- B RIGHT. b\n¡¡¡\n- \n- Accepted answer is B.\n',
    ]) {
      const x = explainMarkdown(text, 'q.md');
      const bullet = text.split('\n').indexOf('- ');
      expect(x.fields[bullet]).toBe('separator');
    }
  });

  it('gives every line a broken quizdeck comment took that comment as its field, with the error at its start', () => {
    const text = '1. Q?\n<!-- quizdeck: {id: x} -\n->\n\n- A. a\n- B RIGHT. b\n';
    const x = explainMarkdown(text, 'q.md');
    expect(x.diagnostics.map((d) => `${d.line}: ${d.message}`)).toContain(
      '2: unclosed quizdeck comment (no "-->")',
    );
    expect(x.fields.slice(1, 6)).toEqual(Array(5).fill('broken quizdeck comment'));
  });
});
