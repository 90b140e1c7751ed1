import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordedMessage } from '@quizdeck/discord-emulator';
import {
  closeWhenSeen,
  react,
  runCommand,
  runQuiz,
  startWorld,
  type World,
  type WorldOptions,
  waitForQuestion,
  waitForReveal,
} from './harness';

export const DAY = 86_400_000;
const FIXTURE = fileURLToPath(new URL('./fixtures/review', import.meta.url));

/** A world on a copy of the review fixture bank (tests edit it), with a clock the test moves. */
export async function startReviewWorld(opts: WorldOptions = {}) {
  const banks = mkdtempSync(join(tmpdir(), 'quizdeck-review-banks-'));
  cpSync(FIXTURE, banks, { recursive: true });
  const clock = { now: Date.UTC(2026, 11, 1, 20) };
  const w = await startWorld({
    banks,
    memberNames: ['alice', 'bob'],
    timeScale: 1,
    clock: () => clock.now,
    ...opts,
  });
  return { w, clock, bankFile: join(banks, 'recall.quiz.json') };
}

export const member = (w: World, name: string) => {
  const m = w.members[name];
  if (!m) throw new Error(`no member ${name}`);
  return m.id;
};

/**
 * A live quiz of the recall bank's questions in order; `picks[i]` is each member's letters for
 * question i + 1 (by name). Resolves once the quiz is over.
 */
export async function playQuiz(w: World, picks: Record<string, string>[]) {
  await runQuiz(w, 'start', { bank: 'recall', seconds: 60, count: picks.length }).response();
  for (const [i, byName] of picks.entries()) {
    const message = await waitForQuestion(w, i + 1);
    const chosen: Record<string, string> = {};
    for (const [name, letters] of Object.entries(byName)) {
      chosen[member(w, name)] = letters;
      react(w, message.id, member(w, name), letters);
    }
    await closeWhenSeen(w, message.id, chosen);
    await waitForReveal(w, message.id);
  }
  await w.bot.engine.idle();
}

/** `/review <sub>` by a member: the ephemeral reply (its first message). */
export async function review(
  w: World,
  name: string,
  subcommand: 'next' | 'status',
  options: Record<string, string> = {},
): Promise<RecordedMessage> {
  return runCommand(w, 'review', subcommand, options, {
    userId: member(w, name),
  }).waitForOriginal();
}

/** Clicks the button labelled `label` (or with that custom id) and waits for the message it edits. */
export async function click(w: World, name: string, message: RecordedMessage, label: string) {
  const button = message.buttons.find((b) => b.label === label || b.customId === label);
  if (!button?.customId) throw new Error(`no button ${label} on ${message.id}`);
  return w.emu.clickButton({
    messageId: message.id,
    customId: button.customId,
    userId: member(w, name),
  });
}

type Embed = { title?: string; description?: string; footer?: { text?: string } };

/** Everything a message's embeds say: titles, bodies and footers. */
export const text = (m: RecordedMessage) =>
  (m.embeds as Embed[])
    .map((e) => `${e.title ?? ''}\n${e.description ?? ''}\n${e.footer?.text ?? ''}`)
    .join('\n');

export const at = (ms: number) => `<t:${Math.floor(ms / 1000)}:R>`;
