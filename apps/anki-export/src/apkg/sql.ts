import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loaded: Promise<SqlJsStatic> | undefined;

/**
 * The current sql.js (WebAssembly), loaded once per process. By default V8 compiles a wasm
 * function on this thread the first time it is called, which makes a process's first export pay
 * ~100 ms for SQLite's code; compiled eagerly, the whole module compiles in about half that on V8's
 * background threads, while the caller renders notes.
 */
export function loadSql(): Promise<SqlJsStatic> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const wasm = require.resolve('sql.js/dist/sql-wasm.wasm');
    setFlagsFromString('--no-wasm-lazy-compilation');
    loaded = initSqlJs({ locateFile: () => wasm });
    // Only this module: wasm compiled later in the process keeps V8's default.
    const restore = () => setFlagsFromString('--wasm-lazy-compilation');
    loaded.then(restore, restore);
  }
  return loaded;
}
