import { closestName } from '@quizdeck/core';
import type { ArgDef, ArgsDef, BooleanDef, PositionalDef, StringDef } from './command';
import { UsageError } from './usage-error';

type FlagDef = StringDef | BooleanDef;
type Entry = [string, FlagDef];

/** What the command line asked for besides running: `--help` or `--version` win over the rest. */
export type Request = 'help' | 'version' | 'run';

const isFlag = (token: string) => token.startsWith('-') && token !== '-' && !/^-\d/.test(token);

const flagsOf = (args: ArgsDef) =>
  Object.entries(args).filter((e): e is Entry => e[1].type !== 'positional');

/** `--help` or `--version` anywhere before `--`, before anything else is checked. */
export function requestOf(tokens: readonly string[]): Request {
  for (const t of tokens) {
    if (t === '--') break;
    if (t === '--help' || t === '-h') return 'help';
  }
  for (const t of tokens) {
    if (t === '--') break;
    if (t === '--version') return 'version';
  }
  return 'run';
}

function unknownFlag(token: string, args: ArgsDef): UsageError {
  const flags = flagsOf(args);
  const long = token.startsWith('--');
  const name = token.replace(/^--?/, '').split('=')[0] ?? '';
  const names = [...flags.map(([n]) => n), 'help', 'version'];
  const near = long ? closestName(name, names) : undefined;
  const alias = flags.find(
    ([, d]) => d.alias !== undefined && d.alias.toLowerCase() === name.toLowerCase(),
  );
  const hint = near
    ? `; did you mean --${near}?`
    : alias
      ? `; did you mean -${alias[1].alias}?`
      : flags.length > 0
        ? `; the flags are ${flags.map(([n]) => `--${n}`).join(', ')}`
        : '; this command takes no flags';
  return new UsageError(`unknown flag ${token.split('=')[0]}${hint}`);
}

/**
 * Parses a command's own tokens against its definitions: `--name value`, `--name=value`, `-a value`,
 * `--no-name` for booleans, repeatable strings, `--` ends the flags. Anything unknown, a missing
 * value, a missing required flag or a surplus argument is a UsageError; nothing is ignored.
 */
export function parseArgs(tokens: readonly string[], args: ArgsDef): Record<string, unknown> {
  const flags = new Map(flagsOf(args));
  const aliases = new Map([...flags].flatMap(([n, d]) => (d.alias ? [[d.alias, n] as const] : [])));
  const out: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (const [name, def] of flags) {
    if (def.type === 'boolean') out[name] = def.default;
    else if (def.multiple) out[name] = def.default === undefined ? [] : [def.default];
    else out[name] = def.default;
  }
  const given = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token === '--') {
      positionals.push(...tokens.slice(i + 1));
      break;
    }
    if (!isFlag(token)) {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const written = eq === -1 ? token : token.slice(0, eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    let name = written.startsWith('--') ? written.slice(2) : aliases.get(written.slice(1));
    let negated = false;
    if (name !== undefined && !flags.has(name) && name.startsWith('no-')) {
      const base = flags.get(name.slice(3));
      if (base?.type === 'boolean') {
        name = name.slice(3);
        negated = true;
      }
    }
    const def = name === undefined ? undefined : flags.get(name);
    if (name === undefined || def === undefined) throw unknownFlag(token, args);
    if (def.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`${written} takes no value (got "${inline}")`);
      out[name] = !negated;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next === undefined || (isFlag(next) && next !== '--'))
        throw new UsageError(`${written} needs a value`);
      value = next;
      i++;
    }
    if (def.multiple) {
      const list = given.has(name) ? (out[name] as string[]) : [];
      out[name] = [...list, value];
    } else if (given.has(name)) {
      throw new UsageError(`${written} is given twice`);
    } else out[name] = value;
    given.add(name);
  }
  for (const [name, def] of flags) {
    if (def.type === 'string' && def.required && !given.has(name))
      throw new UsageError(`missing --${name} (${def.description})`);
  }
  assignPositionals(positionals, args, out);
  return out;
}

function assignPositionals(
  positionals: string[],
  args: ArgsDef,
  out: Record<string, unknown>,
): void {
  out._ = positionals;
  const defs = Object.entries(args).filter(
    (e): e is [string, PositionalDef] => (e[1] as ArgDef).type === 'positional',
  );
  let k = 0;
  for (const [name, def] of defs) {
    const rest = def.multiple ? positionals.slice(k) : positionals.slice(k, k + 1);
    k += rest.length;
    if (rest.length === 0 && def.required !== false)
      throw new UsageError(`missing ${name.toUpperCase()} (${def.description})`);
    out[name] = def.multiple ? rest : rest[0];
  }
  const extra = positionals[k];
  if (extra !== undefined)
    throw new UsageError(
      defs.length === 0
        ? `unexpected argument "${extra}": this command takes none`
        : `unexpected argument "${extra}"`,
    );
}
