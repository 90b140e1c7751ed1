import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log';

describe('the bot log', () => {
  it('strips terminal control characters from bank text it quotes, and blanks the token', () => {
    const lines: string[] = [];
    const log = createLogger('info', ['tok.en'], (line) => lines.push(line));
    log.info('banks: added \u001b]0;pwned\u0007week1\u001b[2J.md');
    log.error('bank: x.md:3:1: error: heading "\u009b31mred"', new Error('bad tok.en'));
    expect(lines).toEqual([
      '[bot] info banks: added week1.md\n',
      '[bot] error bank: x.md:3:1: error: heading "red": bad [token]\n',
    ]);
  });
});
