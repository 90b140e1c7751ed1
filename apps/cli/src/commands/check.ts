import { stat } from 'node:fs/promises';
import {
  checkAnswerKeys,
  type Diagnostic,
  formatDiagnostic,
  type ParseResult,
} from '@quizdeck/core';
import { defineCommand } from 'citty';
import { resolveUserPath } from '../env';
import { findBankFiles, readBankFile } from '../load-bank';

interface FileReport {
  file: string;
  ok: boolean;
  questions: number;
  diagnostics: Diagnostic[];
}

const fileError = (file: string, code: string, message: string): Diagnostic => ({
  file,
  line: 1,
  col: 1,
  severity: 'error',
  code,
  message,
});

/** Parse problems plus the shape-math check of each key, at the question's location. */
function keyDiagnostics(file: string, result: ParseResult): Diagnostic[] {
  if (!result.bank) return [];
  return checkAnswerKeys(result.bank).map((issue) => {
    const at = result.locations.questions[issue.questionId] ?? { line: 1, col: 1 };
    return {
      file,
      ...at,
      severity: 'error',
      code: 'key-check',
      message: `${issue.questionId}: ${issue.message}`,
    };
  });
}

async function checkFile(file: string): Promise<FileReport> {
  const result = await readBankFile(file);
  const diagnostics = [...result.diagnostics, ...keyDiagnostics(file, result)];
  return {
    file,
    ok: result.bank !== undefined && !diagnostics.some((d) => d.severity === 'error'),
    questions: result.bank?.questions.length ?? 0,
    diagnostics,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `ok, 10 questions`, `ok, 1 question, 2 warnings`, `invalid: 3 errors`. */
function summary(r: FileReport): string {
  const count = (s: Diagnostic['severity']) => r.diagnostics.filter((d) => d.severity === s).length;
  const warnings = count('warning') > 0 ? `, ${plural(count('warning'), 'warning')}` : '';
  return r.ok
    ? `ok, ${plural(r.questions, 'question')}${warnings}`
    : `invalid: ${plural(count('error'), 'error')}${warnings}`;
}

/** The files a path names: itself, or the bank files under a folder. */
async function expand(path: string): Promise<string[] | Diagnostic> {
  const info = await stat(resolveUserPath(path)).catch(() => undefined);
  if (info === undefined) return fileError(path, 'BANK_READ', 'no such file or folder');
  if (!info.isDirectory()) return [path];
  const files = await findBankFiles(path);
  return files.length > 0
    ? files
    : fileError(path, 'NO_BANKS', 'no bank files (.md, .quiz.yaml, .quiz.json) in this folder');
}

/**
 * `quizdeck check PATH…`: one `file:line:col: error|warning: message` line per problem, exit 1 when
 * any bank has an error. `--json` prints a machine report instead.
 */
export default defineCommand({
  meta: { name: 'check', description: 'Validate bank files or folders of banks' },
  args: {
    paths: { type: 'positional', description: 'Bank files or folders', required: true },
    json: { type: 'boolean', description: 'Print a JSON report', default: false },
  },
  async run({ args }) {
    const paths = args._.length > 0 ? args._ : [args.paths];
    const reports: FileReport[] = [];
    for (const path of paths) {
      const files = await expand(path);
      if (Array.isArray(files)) for (const f of files) reports.push(await checkFile(f));
      else reports.push({ file: path, ok: false, questions: 0, diagnostics: [files] });
    }
    const ok = reports.every((r) => r.ok);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ ok, files: reports }, null, 2)}\n`);
    } else {
      for (const r of reports)
        for (const d of r.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
      for (const r of reports) process.stderr.write(`${r.file}: ${summary(r)}\n`);
    }
    if (!ok) process.exitCode = 1;
  },
});
