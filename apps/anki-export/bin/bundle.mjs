// The command runs as one JavaScript bundle (esbuild), built on the first run and again whenever
// anything it was built from changed: starting through tsx costs about a second of CPU (compiling
// every module on each run), the bundle about a quarter of that. The rule for "changed": every
// input the bundle was built from (as esbuild lists them, node_modules included), the package.json
// above each, the folders holding them (a file added there could change what an import finds),
// this file and esbuild's version must match, by size and modification time, what was recorded at
// the build. Anything else, or any doubt, rebuilds.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FORMAT = 1;

/** @param {string} path */
function stamp(path) {
  try {
    const s = statSync(path);
    return `${s.isDirectory() ? 'd' : 'f'}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The nearest package.json above `file`, inside `root`. */
function packageJsonOf(/** @type {string} */ file, /** @type {string} */ root) {
  for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
    if (stamp(join(dir, 'package.json')) !== 'missing') return join(dir, 'package.json');
    if (dir === root) break;
  }
  return undefined;
}

/**
 * @param {{ appDir: string, entries: Record<string, string>, outdir: string, external: string[],
 *   root: string }} spec
 * @param {string} esbuildVersion
 * @param {string[]} inputs absolute paths of the bundle's inputs
 */
function manifestOf(spec, esbuildVersion, inputs) {
  const paths = new Set([fileURLToPath(import.meta.url), ...inputs]);
  for (const input of inputs) {
    paths.add(dirname(input));
    const pkg = packageJsonOf(input, spec.root);
    if (pkg) paths.add(pkg);
  }
  return {
    format: FORMAT,
    esbuild: esbuildVersion,
    spec: { entries: spec.entries, external: spec.external },
    files: Object.fromEntries([...paths].sort().map((p) => [p, stamp(p)])),
  };
}

/** True when the recorded build is still what the sources would give. */
function isFresh(/** @type {string} */ manifestFile, spec) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return false;
  }
  if (manifest?.format !== FORMAT) return false;
  if (
    JSON.stringify(manifest.spec) !==
    JSON.stringify({ entries: spec.entries, external: spec.external })
  )
    return false;
  for (const [path, recorded] of Object.entries(manifest.files ?? {})) {
    if (stamp(path) !== recorded) return false;
  }
  for (const name of Object.keys(spec.entries)) {
    if (stamp(join(spec.outdir, `${name}.js`)) === 'missing') return false;
  }
  return Object.keys(manifest.files ?? {}).length > 0;
}

async function build(spec, manifestFile) {
  const esbuild = await import('esbuild');
  // Built into a folder of its own, then moved into place: a run started meanwhile never sees a
  // half-written bundle, and two first runs at once both end with a whole one.
  const staging = `${spec.outdir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const result = await esbuild.build({
      absWorkingDir: spec.appDir,
      entryPoints: spec.entries,
      outdir: staging,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: spec.external,
      // Bundled CommonJS code calls require() for Node's built-ins.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((i) => resolve(spec.appDir, i));
    const manifest = manifestOf(spec, esbuild.version, inputs);
    mkdirSync(spec.outdir, { recursive: true });
    for (const name of Object.keys(spec.entries)) {
      renameSync(join(staging, `${name}.js`), join(spec.outdir, `${name}.js`));
    }
    writeFileSync(`${manifestFile}.${process.pid}`, JSON.stringify(manifest));
    renameSync(`${manifestFile}.${process.pid}`, manifestFile);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The bundle's entry to import, built first when missing or stale; undefined when it cannot be
 * built here (no esbuild, a read-only folder, a syntax error tsx will report better).
 *
 * @param {{ appDir: string, entries: Record<string, string>, outdir: string, external: string[],
 *   root: string }} spec entries: output name → source, relative to appDir
 * @param {string} entry the output name to run
 */
export async function freshBundle(spec, entry) {
  const manifestFile = join(spec.outdir, 'inputs.json');
  if (!isFresh(manifestFile, spec)) {
    try {
      await build(spec, manifestFile);
    } catch {
      return undefined;
    }
  }
  return join(spec.outdir, `${entry}.js`);
}
