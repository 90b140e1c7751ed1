import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeWhenSeen,
  descriptionOf,
  react,
  runQuiz,
  startWorld,
  type World,
  waitForClock,
  waitForQuestion,
  waitForReveal,
} from './harness';

const banksDir = mkdtempSync(join(tmpdir(), 'quizdeck-images-'));
const cell = Buffer.from('\x89PNG\r\n\x1a\n a small LSTM cell diagram');
const huge = Buffer.alloc(11 * 1024 * 1024, 1);
writeFileSync(join(banksDir, 'cell.png'), cell);
writeFileSync(join(banksDir, 'huge.png'), huge);
writeFileSync(join(banksDir, 'key.png'), Buffer.from('\x89PNG key'));
const q = (id: string, prompt: string, explanation?: string) => ({
  id,
  prompt,
  options: [
    { key: 'A', text: 'LSTM' },
    { key: 'B', text: 'GRU' },
  ],
  answer: ['A'],
  multiple: false,
  ...(explanation ? { explanation } : {}),
});
writeFileSync(
  join(banksDir, 'images.quiz.json'),
  JSON.stringify({
    id: 'images',
    title: 'Images',
    questions: [
      q('diagram', 'Which cell is this? ![an LSTM cell](cell.png)', 'See ![the key](key.png).'),
      q('too-big', 'And this one? ![a huge scan](huge.png)'),
    ],
  }),
);

let w: World;
beforeAll(async () => {
  w = await startWorld({ banks: banksDir, memberNames: ['alice'], timeScale: 1 });
});
afterAll(async () => {
  await w?.close();
  rmSync(banksDir, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('case 7: a bank’s local images in Discord', () => {
  it('posts them as attachments shown in the embed, and says when one is too large', async () => {
    const alice = w.members.alice?.id as string;
    await runQuiz(w, 'start', { bank: 'images', seconds: 60 }).response();
    const q1 = await waitForQuestion(w, 1);
    expect(q1.attachments.map((a) => [a.filename, a.sha256])).toEqual([['image-1.png', sha(cell)]]);
    expect(q1.embeds[1]?.image).toMatchObject({ url: q1.attachments[0]?.url });
    expect(descriptionOf(q1)).toContain('Which cell is this? 🖼️ an LSTM cell');
    expect(descriptionOf(q1)).not.toContain('](');
    // The close-time edit keeps the image.
    await waitForClock(w, q1.id);
    expect(w.emu.message(q1.id).embeds).toHaveLength(2);
    react(w, q1.id, alice, 'A');
    await closeWhenSeen(w, q1.id, { [alice]: 'A' });
    const reveal = await waitForReveal(w, q1.id);
    expect(reveal.attachments.map((a) => a.sha256)).toEqual([sha(Buffer.from('\x89PNG key'))]);

    const q2 = await waitForQuestion(w, 2);
    expect(q2.attachments).toEqual([]);
    expect(descriptionOf(q2)).toContain(
      '(image huge.png is not shown: 11.0 MiB, and Discord takes at most 10 MiB and 10 files with a message)',
    );
  }, 30_000);
});
