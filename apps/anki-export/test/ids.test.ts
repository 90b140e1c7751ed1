import { createHash } from 'node:crypto';
import { seededRandom } from '@quizdeck/core';
import { describe, expect, it } from 'vitest';
import { deckId, fieldChecksum, noteGuid, stripHtmlPreservingMedia } from '../src/index';

// Anki's base91 guid alphabet (anki/utils.py), and its digits of an integer, most significant first.
const BASE91 =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';
function base91(n: bigint): string {
  let out = '';
  for (let rest = n; rest > 0n; rest /= 91n) out = BASE91[Number(rest % 91n)] + out;
  return out;
}

/** The reference: base91 of the first 64 bits of sha1("quizdeck\0<bank>\0<question>"), in BigInt. */
function referenceGuid(bankId: string, questionId: string): string {
  const digest = createHash('sha1').update(`quizdeck\u0000${bankId}\u0000${questionId}`).digest();
  return base91(digest.readBigUInt64BE(0));
}

describe('note and deck identity', () => {
  // Decks already imported hold these: a change here would duplicate every member's notes.
  it('keeps the GUIDs and deck ids of earlier exports', () => {
    expect(noteGuid('rnn-quiz', 'growing-weights')).toBe('v!7_Qun<//');
    expect(noteGuid('fixture-bank', 'q1')).toBe('t}Zejp69x]');
    expect(noteGuid('x', '')).toBe('eUp+qweMuB');
    expect(deckId('RNN quiz')).toBe(127097311728504);
    expect(deckId('Drills::Week 1')).toBe(76615315038624);
  });

  it('writes the GUID as base91 of the digest’s first 64 bits, as BigInt arithmetic does', () => {
    const random = seededRandom('guid');
    for (let n = 0; n < 5_000; n++) {
      const bank = `bank-${Math.floor(random() * 1e6)}`;
      const question = `q${Math.floor(random() * 1e9)}`;
      expect(noteGuid(bank, question), `${bank}/${question}`).toBe(referenceGuid(bank, question));
    }
  });

  it('takes the checksum from the first 32 bits of the stripped field’s sha1, as Anki does', () => {
    const random = seededRandom('csum');
    const pieces = ['<p>', 'Under', ' ', '×', '&amp;', 'é', '😀', '<img src="a.png">', '\n', '7'];
    for (let n = 0; n < 2_000; n++) {
      let field = '';
      for (let k = Math.floor(random() * 30); k > 0; k--) {
        field += pieces[Math.floor(random() * pieces.length)];
      }
      const digest = createHash('sha1').update(stripHtmlPreservingMedia(field)).digest();
      expect(fieldChecksum(field), JSON.stringify(field)).toBe(digest.readUInt32BE(0));
    }
  });
});
