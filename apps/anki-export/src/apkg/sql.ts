import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loaded: Promise<SqlJsStatic> | undefined;

/** The current sql.js (WebAssembly), loaded once per process. */
export function loadSql(): Promise<SqlJsStatic> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('sql.js/dist/sql-wasm.wasm');
    loaded = initSqlJs({ locateFile: () => wasm });
  }
  return loaded;
}
