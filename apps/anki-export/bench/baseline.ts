// The benchmark's baseline: anki-apkg-export 4.0.3 as its README uses it (`addCard`, `save`).
// Its package entry loads a bundled sql.js 0.5 whose 16 MB heap crashes past about 550 cards, so
// the Exporter class is loaded on its own and given a current sql.js.
import { createRequire } from 'node:module';
import type ExporterClass from 'anki-apkg-export/dist/exporter';
import type createTemplate from 'anki-apkg-export/dist/template';

const require = createRequire(import.meta.url);

export const Exporter: typeof ExporterClass = require('anki-apkg-export/dist/exporter').default;
export const packageTemplate: typeof createTemplate =
  require('anki-apkg-export/dist/template').default;
