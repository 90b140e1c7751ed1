import { describe, expect, it } from 'vitest';
import {
  parseReviewCustomId,
  type ReviewAction,
  reviewCustomId,
  togglePick,
} from '../src/review/review-custom-id';

describe('review button custom ids', () => {
  it('round-trips every action, within Discord’s 100 characters', () => {
    const actions: ReviewAction[] = [
      { kind: 'pick', promptId: 1, letter: 'A' },
      { kind: 'toggle', promptId: 42, picks: 'ACE', letter: 'B' },
      { kind: 'submit', promptId: Number.MAX_SAFE_INTEGER, picks: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
      { kind: 'submit', promptId: 7, picks: '' },
      { kind: 'next', promptId: 9 },
    ];
    for (const action of actions) {
      const id = reviewCustomId(action);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parseReviewCustomId(id)).toEqual(action);
    }
  });

  it('refuses what a client may send that no button of ours carries', () => {
    for (const id of [
      'qd:rv:p:1',
      'qd:rv:p:0:A',
      'qd:rv:p:-1:A',
      'qd:rv:p:1.5:A',
      'qd:rv:p:1:a',
      'qd:rv:p:1:AB',
      'qd:rv:t:1:CA:B', // picks not sorted
      'qd:rv:t:1:AA:B', // a letter twice
      'qd:rv:s:1:A:B',
      'qd:rv:n:1:x',
      'qd:rv:x:1',
      `qd:rv:n:${'9'.repeat(120)}`,
      'other:1',
      '',
    ]) {
      expect(parseReviewCustomId(id)).toBeUndefined();
    }
  });

  it('toggles a letter in and out of sorted picks', () => {
    expect(togglePick('', 'C')).toBe('C');
    expect(togglePick('C', 'A')).toBe('AC');
    expect(togglePick('AC', 'C')).toBe('A');
    expect(togglePick('A', 'A')).toBe('');
  });
});
