import { existsSync } from 'node:fs';
import { bankFilesAt, mediaDiagnostics, type SkippedFile } from '@quizdeck/bank-files';
import { defineCommand, print, printError } from '@quizdeck/cli-kit';
import {
  checkAnswerKeys,
  type Diagnostic,
  formatDiagnostic,
  formatFromPath,
  type ParseResult,
  planIds,
  renderDiagnostics,
} from '@quizdeck/core';
import { resolveUserPath } from '../env';
import { explainBankFile } from '../explain';
import { readBankFile, readBankText } from '../load-bank';

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

/**
 * One warning for a quiz-markdown bank whose questions only have positional ids: they move to other
 * questions when one is inserted, and Anki's review history moves with them.
 */
async function implicitIdsWarning(file: string, result: ParseResult): Promise<Diagnostic[]> {
  const bank = result.bank;
  if (!bank || formatFromPath(file) !== 'md') return [];
  // Only a bank with ids that look positional is read again to tell which were given.
  if (!bank.questions.some((q) => q.id === `q${q.number}`)) return [];
  const plan = planIds(await readBankText(file), file);
  if ('diagnostics' in plan || plan.stamps.length === 0) return [];
  const first = plan.stamps[0];
  const some =
    plan.stamps.length === bank.questions.length ? 'all' : `${plan.stamps.length} of the`;
  return [
    {
      file,
      line: first?.line ?? 1,
      col: 1,
      severity: 'warning',
      code: 'implicit-ids',
      message: `${some} ${bank.questions.length} questions have only positional ids (${plan.stamps
        .slice(0, 3)
        .map((s) => s.was)
        .join(
          ', ',
        )}${plan.stamps.length > 3 ? ', …' : ''}), which pass to other questions when one is inserted, and Anki's review history with them: run "quizdeck ids --write ${file}" to give each its own`,
    },
  ];
}

async function checkFile(file: string): Promise<FileReport> {
  const result = await readBankFile(file);
  const rendering = result.bank ? renderDiagnostics(result.bank, result.locations, file) : [];
  const media = result.bank
    ? mediaDiagnostics(result.bank, result.locations, resolveUserPath(file), file)
    : [];
  const diagnostics = [
    ...result.diagnostics,
    ...keyDiagnostics(file, result),
    ...rendering,
    ...media,
  ];
  // Once the bank has no errors: fixing them comes first, and `ids --write` refuses until then.
  if (!diagnostics.some((d) => d.severity === 'error'))
    diagnostics.push(...(await implicitIdsWarning(file, result)));
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

/** The files a path names: itself, or the bank files under a folder, with what was skipped. */
function expand(
  path: string,
  ignore: readonly string[],
): { files: string[]; skipped: SkippedFile[]; problem?: Diagnostic } {
  if (!existsSync(resolveUserPath(path)))
    return {
      files: [],
      skipped: [],
      problem: fileError(path, 'BANK_READ', 'no such file or folder'),
    };
  const found = bankFilesAt(resolveUserPath(path), { name: path, ignore });
  const files = found.files.map((f) => f.name);
  if (files.length > 0 || found.skipped.length > 0) return { files, skipped: found.skipped };
  const problem = fileError(
    path,
    'NO_BANKS',
    'no bank files (.md, .quiz.yaml, .quiz.json) in this folder',
  );
  return { files, skipped: [], problem };
}

/**
 * `quizdeck check PATH…`: one `file:line:col: error|warning: message` line per problem, exit 1 when
 * any bank has an error. `--json` prints a machine report instead.
 */
export default defineCommand({
  meta: { name: 'check', description: 'Validate bank files or folders of banks' },
  args: {
    paths: { type: 'positional', description: 'Bank files or folders', multiple: true },
    json: { type: 'boolean', description: 'Print a JSON report', default: false },
    ignore: {
      type: 'string',
      multiple: true,
      valueHint: 'GLOB',
      description: 'Leave out files or folders a glob names, in folders (e.g. "drafts/**")',
    },
    explain: {
      type: 'boolean',
      description: 'Show what was read from each line of a quiz-markdown file',
      default: false,
    },
  },
  async run({ args }) {
    const paths = args.paths;
    if (args.explain) {
      for (const path of paths) {
        const { output, ok } = await explainBankFile(path);
        print(output);
        if (!ok) process.exitCode = 1;
      }
      return;
    }
    const reports: FileReport[] = [];
    const skipped: SkippedFile[] = [];
    for (const path of paths) {
      const found = expand(path, args.ignore);
      skipped.push(...found.skipped);
      if (found.problem)
        reports.push({ file: path, ok: false, questions: 0, diagnostics: [found.problem] });
      for (const f of found.files) reports.push(await checkFile(f));
    }
    const ok = reports.every((r) => r.ok);
    if (args.json) {
      print(`${JSON.stringify({ ok, files: reports, skipped }, null, 2)}\n`);
    } else {
      for (const r of reports) for (const d of r.diagnostics) print(`${formatDiagnostic(d)}\n`);
      for (const s of skipped) printError(`${s.file}: skipped: ${s.reason}\n`);
      for (const r of reports) printError(`${r.file}: ${summary(r)}\n`);
    }
    if (!ok) process.exitCode = 1;
  },
});
