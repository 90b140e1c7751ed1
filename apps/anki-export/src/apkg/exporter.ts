import { createRequire } from 'node:module';
import type ExporterClass from 'anki-apkg-export/dist/exporter';

const require = createRequire(import.meta.url);

// The package entry (dist/index.js) loads its bundled sql.js 0.5, whose fixed 16 MB heap crashes
// between 500 and 600 cards; the Exporter class itself takes any sql.js, so we load only it.
export const Exporter: typeof ExporterClass = require('anki-apkg-export/dist/exporter').default;
export type Exporter = ExporterClass;

export function loadPackageTemplate(): typeof import('anki-apkg-export/dist/template').default {
  return require('anki-apkg-export/dist/template').default;
}
