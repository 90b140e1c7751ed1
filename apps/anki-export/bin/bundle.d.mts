export interface BundleSpec {
  /** The folder entries are relative to. */
  appDir: string;
  /** package.json files are looked for up to this folder. */
  root: string;
  /** Output name → source file. */
  entries: Record<string, string>;
  outdir: string;
  external: string[];
}

export function freshBundle(spec: BundleSpec, entry: string): Promise<string | undefined>;
