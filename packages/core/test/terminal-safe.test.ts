import { describe, expect, it } from 'vitest';
import { closestName, terminalSafe } from '../src/index';

/** Whether a text holds a character that must never reach a terminal (written without regexes). */
const unsafe = (text: string) =>
  [...text].some((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    const bidi = c === 0x61c || c === 0x200e || c === 0x200f;
    return (
      (c < 0x20 && c !== 9 && c !== 10) ||
      (c >= 0x7f && c < 0xa0) ||
      bidi ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    );
  });

describe('terminalSafe', () => {
  it('removes whole escape sequences, controls and bidi controls, keeping tab and newline', () => {
    const cases: [string, string][] = [
      ['\u001b]0;pwned\u0007Title', 'Title'],
      ['\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', 'link'],
      ['a\u001b[2J\u001b[Hb', 'ab'],
      ['red \u001b[31;1mtext\u001b[0m', 'red text'],
      ['\u009b31mC1 CSI', 'C1 CSI'],
      ['\u009d0;t\u009cC1 OSC', 'C1 OSC'],
      ['bell\u0007 del\u007f cr\r nul\u0000', 'bell del cr nul'],
      ['\u001bPdcs\u001b\\after', 'after'],
      ['\u001b7saved\u001b8', 'saved'],
      ['admin\u202e\u2066txt.exe\u2069', 'admintxt.exe'],
      ['tab\tand\nnewline', 'tab\tand\nnewline'],
      ['an OSC without end\u001b]0;x\nnext line', 'an OSC without end\nnext line'],
      ['plain ünïcödé ✓', 'plain ünïcödé ✓'],
    ];
    for (const [input, expected] of cases) {
      expect(terminalSafe(input)).toBe(expected);
      expect(unsafe(terminalSafe(input))).toBe(false);
    }
  });

  it('leaves no unsafe character in any string of control characters', () => {
    let all = '';
    for (let c = 0; c < 0xa0; c++) all += `${String.fromCharCode(c)}x`;
    expect(unsafe(all)).toBe(true);
    expect(unsafe(terminalSafe(all))).toBe(false);
  });
});

describe('closestName', () => {
  it('finds a near name or a unique prefix, and nothing for a far one', () => {
    expect(closestName('layer', ['layers', 'cell'])).toBe('layers');
    expect(closestName('explenation', ['explanation', 'prompt'])).toBe('explanation');
    expect(closestName('conv', ['convention', 'cell'])).toBe('convention');
    expect(closestName('Promtp', ['prompt'])).toBe('prompt');
    expect(closestName('zebra', ['layers', 'cell'])).toBeUndefined();
  });
});
