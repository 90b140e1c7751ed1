import { execFile, execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type BundleSpec, freshBundle } from '../bin/bundle.mjs';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function app(): BundleSpec {
  const appDir = mkdtempSync(join(tmpdir(), 'quizdeck-bundle-'));
  made.push(appDir);
  mkdirSync(join(appDir, 'src', 'lib'), { recursive: true });
  writeFileSync(join(appDir, 'package.json'), '{"type":"module"}');
  writeFileSync(
    join(appDir, 'src', 'main.ts'),
    "import { word } from './lib/word';\nconsole.log(word);\n",
  );
  writeFileSync(join(appDir, 'src', 'lib', 'word.ts'), "export const word: string = 'alpha';\n");
  return {
    appDir,
    root: appDir,
    entries: { main: 'src/main.ts' },
    outdir: join(appDir, 'dist'),
    external: [],
  };
}

const runBundle = (file: string) =>
  execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim();

/** Sets a file's modification time `seconds` later than now, as an editor's save would. */
const touchLater = (file: string, seconds: number) => {
  const t = Date.now() / 1000 + seconds;
  utimesSync(file, t, t);
};

describe('the command bundle (bin/bundle.mjs)', () => {
  it('is built on the first run and reused while nothing changed', async () => {
    const spec = app();
    const out = await freshBundle(spec, 'main');
    expect(out).toBe(join(spec.outdir, 'main.js'));
    expect(runBundle(out as string)).toBe('alpha');
    const built = statSync(out as string).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await freshBundle(spec, 'main')).toBe(out);
    expect(statSync(out as string).mtimeMs).toBe(built);
  });

  it('is rebuilt when an imported source changes, even to the same size', async () => {
    const spec = app();
    const out = (await freshBundle(spec, 'main')) as string;
    const word = join(spec.appDir, 'src', 'lib', 'word.ts');
    writeFileSync(word, "export const word: string = 'omega';\n");
    touchLater(word, 5);
    expect(runBundle((await freshBundle(spec, 'main')) as string)).toBe('omega');
    expect(readFileSync(out, 'utf8')).toContain('omega');
  });

  it('is rebuilt when a file added next to a source changes what an import finds', async () => {
    const spec = app();
    await freshBundle(spec, 'main');
    const lib = join(spec.appDir, 'src', 'lib');
    // esbuild prefers word.tsx over word.ts: the import now finds another file.
    writeFileSync(join(lib, 'word.tsx'), "export const word: string = 'shadow';\n");
    touchLater(lib, 5);
    expect(runBundle((await freshBundle(spec, 'main')) as string)).toBe('shadow');
  });

  it('is rebuilt when its output is missing, and gives up (undefined) on a source that does not build', async () => {
    const spec = app();
    const out = (await freshBundle(spec, 'main')) as string;
    rmSync(out);
    expect(runBundle((await freshBundle(spec, 'main')) as string)).toBe('alpha');
    const main = join(spec.appDir, 'src', 'main.ts');
    writeFileSync(main, 'export const = ;\n');
    touchLater(main, 5);
    expect(await freshBundle(spec, 'main')).toBeUndefined();
  });
});

describe('quizdeck-anki, run as its bin (the bundle)', () => {
  const bin = fileURLToPath(new URL('../bin/quizdeck-anki.js', import.meta.url));
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const bank = fileURLToPath(new URL('./fixtures/fixture-bank.json', import.meta.url));
  const exportWith = (args: string[], out: string) =>
    new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [...args, bank, '-o', out],
        { env: { ...process.env, SOURCE_DATE_EPOCH: '1750000000' } },
        (error, _stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stderr)),
      ),
    );

  it('writes the same bytes as the TypeScript entry run through tsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizdeck-anki-bin-'));
    made.push(dir);
    await exportWith([bin], join(dir, 'bundle.apkg'));
    await exportWith(['--import', tsx, main], join(dir, 'tsx.apkg'));
    const bundled = readFileSync(join(dir, 'bundle.apkg'));
    expect(bundled.length).toBeGreaterThan(1000);
    expect(bundled.equals(readFileSync(join(dir, 'tsx.apkg')))).toBe(true);
    expect(statSync(fileURLToPath(new URL('../dist/main.js', import.meta.url))).isFile()).toBe(
      true,
    );
  });
});
