import type { AnyCommand, ArgDef } from './command';

const hint = (name: string, def: ArgDef) =>
  def.type === 'boolean' ? '' : ` <${def.valueHint ?? name.toUpperCase()}>`;

function flagLine(name: string, def: ArgDef): [string, string] {
  const short = def.type !== 'positional' && def.alias ? `-${def.alias}, ` : '';
  const notes = [
    def.type === 'string' && def.required ? 'required' : '',
    def.type === 'string' && def.multiple ? 'repeatable' : '',
    def.type === 'string' && def.default !== undefined && !/default/i.test(def.description)
      ? `default ${def.default}`
      : '',
    def.type === 'boolean' && def.default === true && !def.description.includes('--no-')
      ? `on by default; --no-${name} turns it off`
      : '',
  ].filter(Boolean);
  const more = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  return [`${short}--${name}${hint(name, def)}`, `${def.description}${more}`];
}

const table = (rows: [string, string][]) => {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`.trimEnd());
};

/** `--help` text of a command, plain (no colour: it may be piped or read by a screen reader). */
export async function renderHelp(cmd: AnyCommand, path: string): Promise<string> {
  const args = Object.entries(cmd.args ?? {}) as [string, ArgDef][];
  const positionals = args.filter(([, d]) => d.type === 'positional');
  const flags = args.filter(([, d]) => d.type !== 'positional');
  const usage = [path];
  const subs = Object.entries(cmd.subCommands ?? {});
  if (subs.length > 0) usage.push(cmd.run ? '[COMMAND]' : 'COMMAND');
  for (const [name, d] of flags)
    if (d.type === 'string' && d.required) usage.push(`--${name}${hint(name, d)}`);
  if (flags.some(([, d]) => d.type !== 'string' || !d.required)) usage.push('[FLAGS]');
  for (const [name, d] of positionals) {
    const word = `${d.valueHint ?? name.toUpperCase()}${d.type === 'positional' && d.multiple ? '…' : ''}`;
    usage.push(d.type === 'positional' && d.required === false ? `[${word}]` : word);
  }
  const lines = [`${path}: ${cmd.meta.description}`, '', `Usage: ${usage.join(' ')}`];
  if (subs.length > 0) {
    const rows: [string, string][] = [];
    for (const [name, load] of subs) rows.push([name, (await load()).meta.description]);
    lines.push('', 'Commands:', ...table(rows));
  }
  if (positionals.length > 0) {
    lines.push('', 'Arguments:');
    lines.push(
      ...table(positionals.map(([n, d]) => [d.valueHint ?? n.toUpperCase(), d.description])),
    );
  }
  const rows = flags.map(([n, d]) => flagLine(n, d));
  rows.push(['-h, --help', 'Show this help'], ['--version', 'Print the version']);
  lines.push('', 'Flags:', ...table(rows));
  if (subs.length > 0) lines.push('', `Run "${path} COMMAND --help" for a command's flags.`);
  return `${lines.join('\n')}\n`;
}
