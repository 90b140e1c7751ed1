// One measurement in a fresh process, so peak RSS belongs to that run alone.
// Usage: tsx bench/measure.ts quizdeck|baseline <questions>; prints one JSON line.
import { performance } from 'node:perf_hooks';
import { generateBank } from '@quizdeck/core';
import { exportDeck, FIELDS, loadSql, noteFields, noteTags } from '../src/index';
import { Exporter, packageTemplate } from './baseline';

const [mode, countText] = process.argv.slice(2);
const count = Number(countText);
const bank = generateBank({ count, seed: 'bench' });
const loaded = { file: 'generated', bank, locations: { questions: {} }, diagnostics: [] };

// Modules are imported before the timed region, on both sides; SQLite itself is loaded inside it
// (sql.js's WebAssembly for the baseline, better-sqlite3's native addon for quizdeck), as a
// user's first export loads it: a one-time cost per process that the 1,000-question figure carries.
const start = performance.now();
const cpuStart = process.cpuUsage();
let bytes = 0;
if (mode === 'quizdeck') {
  const { apkg } = await exportDeck([loaded], { time: 1_750_000_000 });
  bytes = apkg.length;
} else if (mode === 'baseline') {
  // anki-apkg-export as its README uses it, with a current sql.js instead of its bundled 0.5.
  const exporter = new Exporter(bank.title, {
    template: packageTemplate(),
    sql: await loadSql(),
  });
  const at = (name: (typeof FIELDS)[number]) => FIELDS.indexOf(name);
  for (const question of bank.questions) {
    const f = Object.values(noteFields(bank, question, { shuffle: false }));
    const front = `${f[at('Context')]}${f[at('Question')]}${f[at('Options')]}`;
    const back = `${f[at('Answer')]}${f[at('Explanation')]}`;
    exporter.addCard(front, back, { tags: noteTags(bank, question, []) });
  }
  // save() does db.export() and zips; it is in the measured path like ours.
  bytes = (await exporter.save()).length;
} else {
  throw new Error(`unknown mode ${mode}`);
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
// CPU time of this process (all threads) too: on a shared machine wall time depends on the others.
const cpuMs = (cpu.user + cpu.system) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, count, ms, cpuMs, bytes, maxRssMb }));
