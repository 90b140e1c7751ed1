import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { showBankFile } from '../src/commands/show';

const run = promisify(execFile);
const cliDir = resolve(import.meta.dirname, '..');
const rnnBank = resolve(cliDir, '../../banks/rnn-quiz.md');
const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-show-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `quizdeck show …` as users do, in its own process (slow: a couple of seconds each). */
async function showProcess(
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'show', ...args],
      { cwd: cliDir, env: { ...process.env, INIT_CWD: cliDir, NO_COLOR: '1' } },
    );
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

/** The same command in this process. */
async function show(file: string, ...args: string[]): Promise<{ stdout: string }> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const { output } = await showBankFile(file, { question: opt('--question'), as: opt('--as') });
  return { stdout: output };
}

const hostile = join(tmp, 'hostile.quiz.json');
writeFileSync(
  hostile,
  JSON.stringify({
    id: 'hostile',
    title: 'Hostile <b>bank</b>',
    contexts: [{ id: 'ctx', body: 'Passage @everyone <img src=x onerror=alert(1)>' }],
    questions: [
      {
        id: 'evil',
        context: 'ctx',
        prompt: 'Ping @here and <@123456789>? </script><script>alert(1)</script> $a < b$',
        options: [
          { key: 'A', text: '[x](javascript:alert(1))' },
          { key: 'B', text: '<@&42> role' },
        ],
        answer: ['A'],
        multiple: false,
        notes: [{ kind: 'dispute', text: 'The key is wrong @everyone' }],
      },
    ],
  }),
);

describe('quizdeck show on the bundled RNN bank', () => {
  it('shows all ten questions with passages once, keys and notes (text, as a process)', async () => {
    const { stdout, stderr, code } = await showProcess(rnnBank);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.match(/^Q\d+\. /gm)).toHaveLength(10);
    expect(stdout).toContain('D. All of the above  [pinned]');
    expect(stdout.match(/5 different conditions/g)).toHaveLength(1);
    expect(stdout).toContain('227 × 227');
    expect(stdout).toMatch(/Key: A, D\b/);
    expect(stdout).toMatch(/Key: A, B, D\b/);
    expect(stdout.match(/^Dispute: /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(stdout).not.toMatch(/\$\d/); // no TeX left undelimited
  });

  it('shows one question with its whole context chain (Q9 needs the MRI passage)', async () => {
    const { stdout } = await show(rnnBank, '--question', '9');
    expect(stdout.match(/^Q\d+\. /gm)).toEqual(['Q9. ']);
    const mri = stdout.indexOf('5 different conditions');
    const cnn = stdout.indexOf('final, fully connected layer');
    const prompt = stdout.indexOf('Q9. ');
    expect(mri).toBeGreaterThan(0);
    expect(cnn).toBeGreaterThan(mri);
    expect(prompt).toBeGreaterThan(cnn);
    expect(stdout).toContain('W_yh');
    expect(stdout).toMatch(/Key: B\b/);
  });

  it('renders for Discord with Unicode math', async () => {
    const { stdout } = await show(rnnBank, '--question', '6', '--as', 'discord');
    expect(stdout).toContain('W_hh');
    expect(stdout).toContain('C. 100 × 100');
    expect(stdout).toContain('**Key:** C');
  });

  it('renders HTML with MathJax delimiters', async () => {
    const { stdout } = await show(rnnBank, '--question', '5', '--as', 'html');
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).toContain('\\(227 \\times 227\\)');
    expect(stdout).toContain('<p class="select-all">Select all that apply.</p>');
  });
});

describe('quizdeck show on hostile text', () => {
  it('pings nobody in Discord', async () => {
    const { stdout } = await show(hostile, '--as', 'discord');
    expect(stdout).toContain('Ping @\u200bhere');
    expect(stdout).not.toMatch(/@(everyone|here)|<@|<#/);
  });

  it('injects no HTML', async () => {
    const { stdout } = await show(hostile, '--as', 'html');
    expect(stdout).not.toMatch(/<(script|img)\b|href="javascript:|<b>/i);
    expect(stdout).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(stdout).toContain('\\(a &lt; b\\)');
  });
});

describe('quizdeck show errors', () => {
  it('names the questions when the one asked for does not exist', async () => {
    await expect(show(hostile, '--question', '42')).rejects.toThrow(
      expect.objectContaining({
        code: 'SHOW_NO_QUESTION',
        message: expect.stringContaining('no question "42"; the bank has evil'),
      }),
    );
  });

  it('rejects an unknown target', async () => {
    await expect(show(hostile, '--as', 'pdf')).rejects.toThrow(
      '--as must be discord, html or text (got "pdf")',
    );
  });

  it('reports a broken bank with file:line on stderr and exits 1 (as a process)', async () => {
    const broken = join(tmp, 'broken.md');
    writeFileSync(broken, '1. A question without options\n');
    const { stdout, stderr, code } = await showProcess(broken);
    expect(code).toBe(1);
    // What was understood goes to stdout (check --explain), the error to stderr.
    expect(stdout).toMatch(
      /^ +1 {2}bank description +│ 1\. A question without options\n +! +│ error: /m,
    );
    expect(stderr).toMatch(/^quizdeck show: .*broken\.md:1:\d+: error: /);
  });
});
