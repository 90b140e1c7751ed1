// Parse + validate throughput on a generated 10,000-question quiz-markdown bank (target ≥ 10,000
// questions/s), with canonical JSON (JSON.parse + model validation) of the same bank as the baseline.
import { BankSchema, generateBank, parseBank, serializeBank } from '../src/index';

const QUESTIONS = 10_000;
const RUNS = 7;

/** A quiz in the seed's style: passages with derivations, bold/heading/plain numbering, RIGHT marks,
 * accepted-answer lines (letters and texts), disputes and explanations. */
function generateQuiz(count: number): string {
  const out: string[] = ['---', 'id: bench', 'title: Generated bench quiz', '---', ''];
  for (let n = 1; n <= count; n++) {
    if (n % 10 === 1) {
      out.push(
        `${n === 1 ? 'A' : 'The'} company${n === 1 ? '' : ' then'} records ${n} videos of 30 frames; each frame is a 227x227 grayscale image and the report names one of 5 conditions. Answer the following 10 questions.`,
        '',
        `I assume the input size is  $(${n}, 1)$`,
        '',
        '- $h_t = g(W_{hh} h_{t-1} + W_{xh} x_t + b_h)$',
        '',
      );
    }
    const style = n % 3;
    const prompt = `What is the size of matrix number ${n} in this network, given $W_{hh}$ and ${n} hidden units?`;
    out.push(
      style === 0 ? `${n}. ${prompt}` : style === 1 ? `## ${n}. ${prompt}` : `**${n}. ${prompt}**`,
      '',
    );
    const right = n % 4;
    for (let k = 0; k < 4; k++) {
      const key = 'ABCD'[k];
      const mark = k === right ? ' RIGHT' : '';
      const text = k === 3 && right !== 3 ? 'None of the above' : `$${n + k} \\times ${100 + k}$`;
      out.push(style === 2 ? `- **${key}${mark}.** ${text}` : `- ${key}${mark}. ${text}`);
    }
    out.push('');
    if (n % 5 === 0) out.push(`Accepted answer is ${'ABCD'[right]}.`, '');
    if (n % 7 === 0)
      out.push('I think this question is wrong: the sizes depend on the convention.', '');
    if (n % 11 === 0) out.push(`So the total is $${n} \\times 100 = ${n * 100}$`, '');
  }
  return out.join('\n');
}

function time(fn: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

const md = generateQuiz(QUESTIONS);
const check = parseBank(md, { file: 'bench.md', format: 'md' });
if (!check.bank || check.bank.questions.length !== QUESTIONS || check.diagnostics.length > 0) {
  throw new Error(
    `generated bank did not parse cleanly: ${check.diagnostics
      .slice(0, 3)
      .map((d) => d.message)
      .join('; ')}`,
  );
}
const json = serializeBank(check.bank, 'json');
for (let w = 0; w < 2; w++) parseBank(md, { file: 'bench.md', format: 'md' }); // warm-up

const mdMs = time(() => parseBank(md, { file: 'bench.md', format: 'md' }));
// The baseline skips parseBank's positions and unknown-key check.
const jsonMs = time(() => {
  if (!BankSchema.safeParse(JSON.parse(json)).success) throw new Error('baseline bank is invalid');
});
const rate = (ms: number) => Math.round(QUESTIONS / (ms / 1000));

console.log(
  `quiz-markdown: ${QUESTIONS} questions, ${(md.length / 1024 / 1024).toFixed(2)} MB, median of ${RUNS} runs`,
);
console.log(
  `  parse+validate md:    ${mdMs.toFixed(0)} ms = ${rate(mdMs)} questions/s (target >= 10000)`,
);
console.log(
  `  baseline json:        ${jsonMs.toFixed(0)} ms = ${rate(jsonMs)} questions/s (JSON.parse + BankSchema.safeParse)`,
);
console.log(`  md / json time ratio: ${(mdMs / jsonMs).toFixed(2)}x`);
console.log(`  target ${rate(mdMs) >= 10_000 ? 'met' : 'NOT met'}`);

// What `quizdeck generate --to md` writes: every question carries a `<!-- quizdeck: … -->` line
// (id, tags, the check). The loading path for md, yaml and json is timed in packages/bank-files.
const DRILLS = 4_000;
const drills = serializeBank(generateBank({ count: DRILLS, seed: 'bench' }), 'md');
const drillsOnce = parseBank(drills, { file: 'drills.md', format: 'md' });
if (drillsOnce.bank?.questions.length !== DRILLS) throw new Error('drill bank did not parse');
const drillsMs = time(() => parseBank(drills, { file: 'drills.md', format: 'md' }));
console.log(
  `generated drills: ${DRILLS} questions, ${(drills.length / 1024 / 1024).toFixed(2)} MB, median of ${RUNS} runs`,
);
console.log(
  `  parse+validate md:    ${drillsMs.toFixed(0)} ms = ${Math.round(DRILLS / (drillsMs / 1000))} questions/s (target >= 10000): ${DRILLS / (drillsMs / 1000) >= 10_000 ? 'met' : 'NOT met'}`,
);
