interface Described {
  description: string;
}
export interface PositionalDef extends Described {
  type: 'positional';
  /** Defaults to true. */
  required?: boolean;
  /** Takes every remaining positional argument. */
  multiple?: boolean;
  valueHint?: string;
}
export interface StringDef extends Described {
  type: 'string';
  alias?: string;
  required?: boolean;
  default?: string;
  /** Repeatable: every value given, in order. */
  multiple?: boolean;
  valueHint?: string;
}
export interface BooleanDef extends Described {
  type: 'boolean';
  valueHint?: undefined;
  alias?: string;
  /** Undefined when not given and no default; `--no-<name>` sets false. */
  default?: boolean;
}
export type ArgDef = PositionalDef | StringDef | BooleanDef;
export type ArgsDef = Record<string, ArgDef>;

type ValueOf<D> = D extends BooleanDef
  ? D extends { default: boolean }
    ? boolean
    : boolean | undefined
  : D extends { multiple: true }
    ? string[]
    : D extends { required: false }
      ? string | undefined
      : D extends PositionalDef
        ? string
        : D extends { required: true } | { default: string }
          ? string
          : string | undefined;

/** Parsed arguments: one field per definition, and `_` with every positional argument. */
export type ParsedArgs<A extends ArgsDef> = { -readonly [K in keyof A]: ValueOf<A[K]> } & {
  _: string[];
};

export interface CommandMeta {
  name: string;
  description: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a command list holds commands of any argument shape
export type AnyCommand = CommandDef<any>;

export interface CommandDef<A extends ArgsDef = ArgsDef> {
  meta: CommandMeta;
  args?: A;
  /** Loaded only when they run. */
  subCommands?: Record<string, () => Promise<AnyCommand> | AnyCommand>;
  run?: (context: { args: ParsedArgs<A> }) => unknown;
}

/** Defines a command; the identity function, there for type inference of `args`. */
export const defineCommand = <const A extends ArgsDef>(def: CommandDef<A>): CommandDef<A> => def;
