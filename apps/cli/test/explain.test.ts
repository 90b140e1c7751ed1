import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainBankFile } from '../src/explain';
import { quizdeck } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-explain-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const broken = [
  '# Broken quiz',
  '',
  '1. First?',
  '- A. one',
  '- B. two ✓',
  '',
  '2. What is 2+2? ____',
  '',
  'Answer: 4',
  '',
  '3. Third?',
  '- A. x',
  '- B. y',
  '',
  'Ans (a)',
  '',
].join('\n');
writeFileSync(join(tmp, 'broken.md'), broken);
writeFileSync(join(tmp, 'bad.quiz.yaml'), 'id: x\n');

describe('quizdeck check --explain', { timeout: 30_000 }, () => {
  it('shows every question, each line with its field, and the errors at their lines', async () => {
    const { output, ok } = await explainBankFile(join(tmp, 'broken.md'));
    expect(ok).toBe(false);
    expect(output).toContain('3 questions, 0 passages, 2 errors, 1 warning');
    expect(output).toMatch(/── Q1 {2}id q1 {2}\(lines 3–6\)\n {3}key: B {3}multiple: no/);
    expect(output).toMatch(/── Q2 {2}id q2 {2}\(lines 7–10\) {2}NOT PLAYABLE/);
    expect(output).toMatch(/ 5 {2}option B +│ - B\. two ✓/);
    expect(output).toMatch(
      / 7 {2}prompt +│ 2\. What is 2\+2\? ____\n +! +│ error: question 2 has no options/,
    );
    expect(output).toMatch(
      /15 {2}note \(comment\) +│ Ans \(a\)\n +! +│ warning: .*write "Answer: A"/,
    );
    // Every non-blank line of the file is shown with a field.
    const rows = output.split('\n').filter((l) => /^ +\d+ {2}/.test(l));
    expect(rows).toHaveLength(broken.split('\n').length);
    expect(rows.filter((r) => r.includes('(no field)'))).toEqual([]);
  });

  it('is what the command prints, with exit 1 for a bank with errors; show prints it too', async () => {
    const check = await quizdeck(tmp, 'check', '--explain', 'broken.md');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('── Q3  id q3');
    const show = await quizdeck(tmp, 'show', 'broken.md');
    expect(show.code).toBe(1);
    expect(show.stderr).toContain('broken.md:7:1: error: question 2 has no options');
    expect(show.stdout).toContain('── Q2  id q2  (lines 7–10)  NOT PLAYABLE');
  });

  it('lists the problems of a YAML bank and of a missing file instead', async () => {
    const yaml = await explainBankFile(join(tmp, 'bad.quiz.yaml'));
    expect(yaml.ok).toBe(false);
    expect(yaml.output).toContain('--explain reads quiz-markdown');
    const missing = await explainBankFile(join(tmp, 'missing.md'));
    expect(missing.output).toMatch(/missing\.md:1:1: error: no such file/);
  });
});
