import { describe, expect, it } from 'vitest';
import { defineCommand, parseArgs, renderHelp, UsageError } from '../src/index';

const shapes = {
  cell: { type: 'string', description: 'rnn | gru | lstm', required: true },
  layers: { type: 'string', description: 'Stacked layers' },
  bias: { type: 'boolean', description: 'Biases', default: true },
  json: { type: 'boolean', description: 'Print JSON', default: false },
  'reset-after': { type: 'boolean', description: 'Keras GRU reset_after' },
  ignore: { type: 'string', description: 'Glob', multiple: true },
  output: { type: 'string', alias: 'o', description: 'Where' },
  files: { type: 'positional', description: 'Files', required: false, multiple: true },
} as const;

const fails = (tokens: string[]) => {
  try {
    parseArgs(tokens, shapes);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${tokens.join(' ')}`);
};

describe('parseArgs', () => {
  it('reads values, =values, aliases, negated and repeated flags, and positionals', () => {
    const args = parseArgs(
      [
        'a.md',
        '--cell',
        'rnn',
        '--layers=2',
        '--no-bias',
        '-o',
        'x.apkg',
        '--ignore',
        'a/**',
        '--ignore=b',
        '--',
        '--json',
      ],
      shapes,
    );
    expect(args).toMatchObject({
      cell: 'rnn',
      layers: '2',
      bias: false,
      json: false,
      'reset-after': undefined,
      output: 'x.apkg',
      ignore: ['a/**', 'b'],
      files: ['a.md', '--json'],
      _: ['a.md', '--json'],
    });
    expect(parseArgs(['--cell', 'gru', '--no-reset-after'], shapes)['reset-after']).toBe(false);
  });

  it('rejects an unknown flag with the closest known one', () => {
    expect(fails(['--cell', 'rnn', '--layer', '2'])).toBe(
      'unknown flag --layer; did you mean --layers?',
    );
    expect(fails(['--cell', 'rnn', '--jsno'])).toBe('unknown flag --jsno; did you mean --json?');
    expect(fails(['--cell', 'rnn', '--output=x', '--outptu=y'])).toBe(
      'unknown flag --outptu; did you mean --output?',
    );
    expect(fails(['--cell', 'rnn', '--zebra'])).toMatch(
      /^unknown flag --zebra; the flags are --cell, --layers/,
    );
    expect(fails(['--cell', 'rnn', '-x'])).toMatch(/^unknown flag -x;/);
    expect(fails(['--cell', 'rnn', '--no-cell'])).toMatch(/^unknown flag --no-cell/);
  });

  it('rejects missing values, values on booleans, repeats and missing required flags', () => {
    expect(fails(['--cell'])).toBe('--cell needs a value');
    expect(fails(['--cell', '--json'])).toBe('--cell needs a value');
    expect(fails(['--cell', 'rnn', '--json=yes'])).toBe('--json takes no value (got "yes")');
    expect(fails(['--cell', 'rnn', '--layers', '1', '--layers', '2'])).toBe(
      '--layers is given twice',
    );
    expect(fails(['--layers', '2'])).toBe('missing --cell (rnn | gru | lstm)');
    expect(() => parseArgs(['extra'], {})).toThrow(
      'unexpected argument "extra": this command takes none',
    );
  });

  it('takes a negative number as a value', () => {
    expect(parseArgs(['--cell', 'rnn', '--layers', '-1'], shapes).layers).toBe('-1');
  });
});

describe('renderHelp', () => {
  it('lists subcommands, flags, --help and --version, without colour codes', async () => {
    const sub = defineCommand({ meta: { name: 'go', description: 'Go somewhere' }, args: shapes });
    const root = defineCommand({
      meta: { name: 'x', description: 'Root' },
      subCommands: { go: () => sub },
    });
    const rootHelp = await renderHelp(root, 'prog');
    expect(rootHelp).toContain('go  Go somewhere');
    const help = await renderHelp(sub, 'prog go');
    expect(help).toContain('Usage: prog go --cell <CELL> [FLAGS] [FILES…]');
    expect(help).toMatch(/--ignore <IGNORE> +Glob \(repeatable\)/);
    expect(help).toMatch(/-o, --output <OUTPUT> +Where/);
    expect(help).toContain('--version');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point
    expect(help).not.toMatch(/\u001b/);
  });
});
