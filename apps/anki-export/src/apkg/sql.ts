import { createRequire } from 'node:module';
import type { SqlJsStatic } from 'sql.js';

let loaded: Promise<SqlJsStatic> | undefined;

/**
 * The current sql.js (WebAssembly), loaded once per process, and only by an export that reads a
 * previous one: importing it costs a first export a tenth of a second or more.
 */
export function loadSql(): Promise<SqlJsStatic> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('sql.js/dist/sql-wasm.wasm');
    loaded = import('sql.js').then(({ default: initSqlJs }) =>
      initSqlJs({ locateFile: () => wasm }),
    );
  }
  return loaded;
}
