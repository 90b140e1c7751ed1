// Parse + validate throughput of quiz-markdown in memory (parseBank), against issue 10 §8's target
// (measure.ts), with canonical JSON (JSON.parse + model validation) of the same bank as a
// baseline. The end-to-end figure through the CLI's loading path is bank-files' `pnpm bench`.
import { BankSchema, generateBank, parseBank, serializeBank } from '../src/index';
import { loadLine, measure, rateLines } from './measure';

const QUESTIONS = 20_000;
const RUNS = 5;

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

console.log(loadLine());
const mdT = await measure(RUNS, () => parseBank(md, { file: 'bench.md', format: 'md' }));
// The baseline skips parseBank's positions and unknown-key check: JSON.parse and the model only.
const jsonT = await measure(RUNS, () => {
  if (!BankSchema.safeParse(JSON.parse(json)).success) throw new Error('baseline bank is invalid');
});

console.log(
  `quiz-markdown in the seed's style: ${QUESTIONS} questions, ${(md.length / 1024 / 1024).toFixed(2)} MiB, median of ${RUNS} runs`,
);
console.log('  parse+validate md:');
for (const line of rateLines(QUESTIONS, mdT, '    ')) console.log(line);
console.log('  baseline json (JSON.parse + BankSchema.safeParse):');
for (const line of rateLines(QUESTIONS, jsonT, '    ')) console.log(line);
console.log(`  md / json CPU time ratio: ${(mdT.cpuMs / jsonT.cpuMs).toFixed(2)}x`);

// What `quizdeck generate --to md` writes: every question carries a `<!-- quizdeck: … -->` line
// (id, tags, the check).
const DRILLS = 20_000;
const drills = serializeBank(generateBank({ count: DRILLS, seed: 'bench' }), 'md');
const drillsOnce = parseBank(drills, { file: 'drills.md', format: 'md' });
if (drillsOnce.bank?.questions.length !== DRILLS) throw new Error('drill bank did not parse');
const drillsT = await measure(RUNS, () => parseBank(drills, { file: 'drills.md', format: 'md' }));
console.log(
  `generated drills: ${DRILLS} questions, ${(drills.length / 1024 / 1024).toFixed(2)} MiB, median of ${RUNS} runs`,
);
console.log('  parse+validate md:');
for (const line of rateLines(DRILLS, drillsT, '    ')) console.log(line);
