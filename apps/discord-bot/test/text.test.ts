import { describe, expect, it } from 'vitest';
import {
  embedMessages,
  emojiLetter,
  LIMITS,
  letterEmoji,
  permissionLabel,
  ReactionTracker,
  splitText,
} from '../src/index';

describe('splitText', () => {
  it('keeps short text whole and splits long text at paragraph, line or space', () => {
    expect(splitText('hello', 10)).toEqual(['hello']);
    const para = `${'a'.repeat(30)}\n\n${'b'.repeat(30)}`;
    expect(splitText(para, 40)).toEqual(['a'.repeat(30), 'b'.repeat(30)]);
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const pieces = splitText(words, 50);
    expect(pieces.every((p) => p.length <= 50)).toBe(true);
    expect(pieces.join(' ')).toBe(words);
  });

  it('cuts a word longer than the limit without splitting a surrogate pair', () => {
    const flags = '🇦'.repeat(30);
    const pieces = splitText(flags, 7);
    expect(pieces.every((p) => p.length <= 7)).toBe(true);
    expect(pieces.join('')).toBe(flags);
    expect(pieces.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe('embedMessages', () => {
  it('splits a body over the description limit into several messages, none over the limits', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `line ${i} @everyone`).join('\n');
    const messages = embedMessages({ title: 'T'.repeat(300), body, footer: 'bank · q1' });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.allowedMentions).toEqual({ parse: [] });
      const [e] = m.embeds;
      const total =
        (e?.title?.length ?? 0) + (e?.description?.length ?? 0) + (e?.footer?.text.length ?? 0);
      expect(e?.description?.length).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    }
    expect(messages[0]?.embeds[0]?.title).toHaveLength(LIMITS.embedTitle);
    expect(messages.at(-1)?.embeds[0]?.footer?.text).toBe('bank · q1');
    expect(messages.map((m) => m.embeds[0]?.description).join('\n')).toBe(body);
  });
});

describe('letters', () => {
  it('maps option letters to regional indicators and back', () => {
    expect(letterEmoji('A')).toBe('🇦');
    expect(letterEmoji('D')).toBe('🇩');
    expect(emojiLetter('🇨')).toBe('C');
    expect(emojiLetter('👍')).toBeUndefined();
    expect(emojiLetter(null)).toBeUndefined();
    expect(permissionLabel('AddReactions')).toBe('Add Reactions');
  });
});

describe('ReactionTracker', () => {
  it('keeps final picks per member, ignores non-options and anything after close', () => {
    const t = new ReactionTracker();
    t.track('m', ['A', 'B', 'C', 'D'], true);
    t.add('m', 'u1', 'A');
    t.add('m', 'u1', 'C');
    t.remove('m', 'u1', 'A');
    t.add('m', 'u2', 'E');
    t.add('m', 'u3', 'B');
    t.remove('m', 'u3', 'B');
    expect(t.isVouched('m')).toBe(true);
    expect([...t.picks('m')]).toEqual([['u1', ['C']]]);
    t.add('m', 'u2', 'D');
    t.remove('m', 'u2', 'D');
    const picks = t.close('m');
    t.add('m', 'u4', 'A');
    expect([...picks]).toEqual([['u1', ['C']]]);
    expect([...t.close('m')]).toEqual([['u1', ['C']]]);
  });

  it('stops vouching after a bulk removal or a new gateway session', () => {
    const t = new ReactionTracker();
    t.track('m1', ['A', 'B'], true);
    t.track('m2', ['A', 'B'], true);
    t.clear('m1', 'A');
    expect(t.isVouched('m1')).toBe(false);
    expect(t.isVouched('m2')).toBe(true);
    t.distrustAll();
    expect(t.isVouched('m2')).toBe(false);
  });

  it('builds picks from REST reaction users', () => {
    const picks = ReactionTracker.fromLetterUsers(
      new Map([
        ['A', ['u1', 'u2']],
        ['B', ['u2']],
      ]),
    );
    expect([...picks]).toEqual([
      ['u1', ['A']],
      ['u2', ['A', 'B']],
    ]);
  });
});
