import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeWhenSeen,
  FIXTURE_BANKS,
  react,
  runCommand,
  runQuiz,
  startWorld,
  type World,
  waitForQuestion,
  waitForReveal,
} from './harness';
import { click, DAY, member, text } from './review-world';

let w: World;
const clock = { now: Date.UTC(2026, 11, 1, 20) };

beforeAll(async () => {
  w = await startWorld({
    banks: FIXTURE_BANKS,
    memberNames: ['alice'],
    timeScale: 1,
    clock: () => clock.now,
  });
});
afterAll(() => w?.close());

describe('/review of hostile, long question text', () => {
  it('splits a long passage over an ephemeral reply and follow-ups, buttons last, pinging no one', async () => {
    await runQuiz(w, 'start', { bank: 'mentions', seconds: 60 }).response();
    const q = await waitForQuestion(w, 1);
    react(w, q.id, member(w, 'alice'), 'B');
    await closeWhenSeen(w, q.id, { [member(w, 'alice')]: 'B' });
    await waitForReveal(w, q.id);
    await w.bot.engine.idle();

    clock.now += DAY;
    const run = runCommand(w, 'review', 'next', {}, { userId: member(w, 'alice') });
    await run.waitForOriginal();
    const shown = await w.emu.waitFor(() => {
      const mine = w.emu.ephemeralMessages(member(w, 'alice'));
      return mine.some((m) => m.buttons.length > 0) ? mine : undefined;
    });
    expect(shown.length).toBeGreaterThan(1);
    const all = shown.map(text).join('\n');
    expect(all).toContain('Paragraph 0:');
    expect(all).toContain('Paragraph 39:');
    expect(all).toContain('everyone look!');
    // The buttons ride on the last message, the one with the options.
    const last = shown.at(-1);
    if (!last) throw new Error('no review message');
    expect(last.buttons.map((b) => b.label)).toEqual(['A', 'B']);
    expect(shown.slice(0, -1).every((m) => m.buttons.length === 0)).toBe(true);
    for (const m of shown) {
      expect(m.visibleTo).toBe(member(w, 'alice'));
      expect(m.allowedMentions).toEqual({ parse: [] });
      expect(m.pinged).toEqual({ everyone: false, users: [], roles: [] });
    }
    const graded = await (await click(w, 'alice', last, 'A')).waitForUpdate();
    expect(text(graded)).toContain('Answer: A · right');
    expect(text(graded)).toContain('**Disputed:**');
    expect(graded.pinged).toEqual({ everyone: false, users: [], roles: [] });
  });
});
