import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBank } from '@quizdeck/core';
import { afterAll, describe, expect, it } from 'vitest';
import { quizdeck } from './run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'quizdeck-ids-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// CRLF line ends, a byte-order mark, trailing spaces and tabs, no final newline; one question with
// its own id, one with a one-line comment to merge into, one with a YAML block comment.
const AUTHORED = [
  '\uFEFF# Week 3  ',
  '',
  '1. What does a GRU gate control?\t',
  '',
  '- A RIGHT. How much of the past is kept ',
  '- B. The learning rate',
  '',
  '2. Which cell has a separate memory?',
  '<!-- quizdeck: {tags: [lstm]} -->',
  '- A. GRU',
  '- B RIGHT. LSTM',
  '',
  '3. Already named?',
  '<!-- quizdeck: {id: named, tags: [x]} -->',
  '- A RIGHT. yes',
  '- B. no',
  '',
  '4. What does a GRU gate control?',
  '<!-- quizdeck:',
  '  tags: [gru]',
  '-->',
  '- A. Nothing',
  '- B RIGHT. The update',
].join('\r\n');

const write = (name: string, text: string) => {
  writeFileSync(join(tmp, name), text);
  return name;
};
const read = (name: string) => readFileSync(join(tmp, name), 'utf8');
const bank = (name: string) => {
  const r = parseBank(readFileSync(join(tmp, name)), { file: name, format: 'md' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.bank?.questions ?? [];
};

/** The ids `ids` reports it stamps (`file:line: question N: q1 → id (…)`). */
const stampedIds = (stdout: string) => [...stdout.matchAll(/ → ([a-z0-9-]+) \(/g)].map((m) => m[1]);

/**
 * The authored text, recovered from the stamped one by removing exactly what `ids --write` says it
 * added: a `<!-- quizdeck: {id: X} -->` line, or `id: X, ` inside a one-line comment. Anything else
 * that changed shows up as a difference.
 */
function unstamp(stamped: string, ids: readonly (string | undefined)[]): string {
  let text = stamped;
  for (const id of ids) {
    const line = `<!-- quizdeck: {id: ${id}} -->`;
    const at = text.indexOf(line);
    if (at !== -1) {
      const end = at + line.length;
      // The line and its own line end; at the very end of a file, the line end before it.
      text =
        text.slice(end, end + 2) === '\r\n'
          ? text.slice(0, at) + text.slice(end + 2)
          : text.slice(0, at - 2) + text.slice(end);
    } else text = text.replace(`{id: ${id}, `, '{');
  }
  return text;
}

describe('quizdeck ids', { timeout: 60_000 }, () => {
  it('prints what it would stamp and writes nothing without --write', async () => {
    const file = write('dry.md', AUTHORED);
    const r = await quizdeck(tmp, 'ids', file);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'dry.md:3: question 1: q1 → gru-gate-control (a new line after it)',
      'dry.md:9: question 2: q2 → cell-separate-memory (into its quizdeck comment)',
      'dry.md:18: question 4: q4 → gru-gate-control-2 (a new line after it)',
    ]);
    expect(r.stderr).toContain('nothing written: run again with --write');
    expect(r.code).toBe(0);
    expect(read(file)).toBe(AUTHORED);
  });

  it('--write stamps each question without an id and leaves every other byte alone', async () => {
    const file = write('week3.md', AUTHORED);
    const before = bank(file);
    const r = await quizdeck(tmp, 'ids', '--write', file);
    expect(r.stderr).toContain('week3.md: wrote 3 ids');
    expect(r.code).toBe(0);
    const stamped = read(file);
    const ids = stampedIds(r.stdout);
    expect(ids).toEqual(['gru-gate-control', 'cell-separate-memory', 'gru-gate-control-2']);
    expect(stamped).not.toBe(AUTHORED);
    expect(unstamp(stamped, ids)).toBe(AUTHORED);
    expect(stamped.startsWith('\uFEFF')).toBe(true);
    expect(stamped.endsWith('- B RIGHT. The update')).toBe(true);
    expect(stamped).toContain(
      '2. Which cell has a separate memory?\r\n<!-- quizdeck: {id: cell-separate-memory, tags: [lstm]} -->\r\n',
    );
    const after = bank(file);
    expect(after.map((q) => q.id)).toEqual([
      'gru-gate-control',
      'cell-separate-memory',
      'named',
      'gru-gate-control-2',
    ]);
    // The same questions, with nothing but their ids changed.
    expect(after.map(({ id: _id, ...q }) => q)).toEqual(before.map(({ id: _id, ...q }) => q));
    // Stable: a second run finds nothing to do.
    const again = await quizdeck(tmp, 'ids', '--write', file);
    expect(again.stderr).toContain('week3.md: every question has its own id');
    expect(read(file)).toBe(stamped);
  });

  it('keeps every id when a question is inserted near the top and the rest renumbered', async () => {
    const file = write('insert.md', AUTHORED);
    await quizdeck(tmp, 'ids', '--write', file);
    const stamped = bank(file);
    const renumbered = read(file)
      .replace(/^(\d+)\. /gm, (_m, n: string) => `${Number(n) + 1}. `)
      .replace(
        '# Week 3  \r\n\r\n',
        '# Week 3  \r\n\r\n1. A new first question?\r\n\r\n- A RIGHT. yes\r\n- B. no\r\n\r\n',
      );
    write(file, renumbered);
    const after = bank(file);
    expect(after).toHaveLength(stamped.length + 1);
    const what = (q: (typeof after)[number]) =>
      `${q.prompt} | ${q.options.map((o) => o.text).join(' | ')}`;
    const idOf = new Map(after.map((q) => [what(q), q.id]));
    for (const q of stamped) expect(idOf.get(what(q))).toBe(q.id);
    // The positional ids would all have moved: q1 is now the new question.
    expect(after[0]?.id).toBe('q1');
  });

  it('check warns once per bank with positional ids, and not after ids --write', async () => {
    const file = write('warn.md', AUTHORED);
    const r = await quizdeck(tmp, 'check', file);
    const warnings = r.stdout.split('\n').filter((l) => l.includes('positional ids'));
    expect(warnings).toEqual([
      'warn.md:3:1: warning: 3 of the 4 questions have only positional ids (q1, q2, q4), which pass to other questions when one is inserted, and Anki\'s review history with them: run "quizdeck ids --write warn.md" to give each its own',
    ]);
    await quizdeck(tmp, 'ids', '--write', file);
    const clean = await quizdeck(tmp, 'check', file);
    expect(clean.stdout).not.toContain('positional ids');
    expect(clean.stderr).toBe('warn.md: ok, 4 questions\n');
  });

  it('says YAML and JSON banks need nothing, and refuses a bank with errors untouched', async () => {
    const yaml = write(
      'b.quiz.yaml',
      'id: b\ntitle: B\nquestions:\n  - id: x\n    prompt: P?\n    options: [{ key: A, text: a }, { key: B, text: b }]\n    answer: [A]\n    multiple: false\n',
    );
    const y = await quizdeck(tmp, 'ids', '--write', yaml);
    expect(y.stderr).toContain(
      'b.quiz.yaml: YAML and JSON banks give every question its id already',
    );
    expect(y.code).toBe(0);
    const broken = write('broken.md', '1. No key?\n\n- A. x\n- B. y\n');
    const b = await quizdeck(tmp, 'ids', '--write', broken);
    expect(b.stdout).toMatch(/^broken\.md:1:\d+: error: /);
    expect(b.stderr).toContain('broken.md: fix its errors first; no id stamped');
    expect(b.stderr).toContain('quizdeck ids: some files were left as they were');
    expect(b.code).toBe(1);
    expect(read(broken)).toBe('1. No key?\n\n- A. x\n- B. y\n');
  });

  it('--keep-positional writes the current ids, so an exported deck keeps its notes', async () => {
    const file = write('keep.md', AUTHORED);
    const r = await quizdeck(tmp, 'ids', '--write', '--keep-positional', file);
    expect(stampedIds(r.stdout)).toEqual(['q1', 'q2', 'q4']);
    expect(unstamp(read(file), ['q1', 'q2', 'q4'])).toBe(AUTHORED);
    expect(bank(file).map((q) => q.id)).toEqual(['q1', 'q2', 'named', 'q4']);
  });
});
