import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from 'discord.js';
import { CommandError } from '../errors';
import { COMMANDS } from './command-definitions';

type Limits = {
  name: string;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  choices?: { value: string | number }[];
};

const NESTING = new Set<number>([
  ApplicationCommandOptionType.Subcommand,
  ApplicationCommandOptionType.SubcommandGroup,
]);

/**
 * Checks the options of a slash command against the ranges, lengths and choices its definition
 * declares (COMMANDS is the one home for them). Discord enforces them too, but a client that
 * talks to the API directly, or a stale registration, can send anything.
 */
export function assertOptionsInRange(i: ChatInputCommandInteraction): void {
  const definition = COMMANDS.find((c) => c.name === i.commandName);
  walk(i.options.data, (definition?.options ?? []) as APIApplicationCommandOption[]);
}

function walk(given: readonly CommandInteractionOption[], schema: APIApplicationCommandOption[]) {
  for (const option of given) {
    const def = schema.find((s) => s.name === option.name);
    if (!def) continue;
    if (NESTING.has(option.type)) {
      const nested = 'options' in def ? (def.options ?? []) : [];
      walk(option.options ?? [], nested as APIApplicationCommandOption[]);
      continue;
    }
    check(option, def as Limits);
  }
}

function check(option: CommandInteractionOption, def: Limits): void {
  const { value } = option;
  const name = `\`${def.name}\``;
  if (def.choices?.length && !def.choices.some((c) => c.value === value)) {
    const allowed = def.choices.map((c) => `\`${c.value}\``).join(', ');
    throw new CommandError('BAD_OPTION', `${name} must be one of ${allowed}.`);
  }
  if (typeof value === 'number') {
    const low = def.min_value ?? Number.NEGATIVE_INFINITY;
    const high = def.max_value ?? Number.POSITIVE_INFINITY;
    if (!Number.isFinite(value) || value < low || value > high) {
      throw new CommandError('BAD_OPTION', `${name} must be ${range(low, high)}.`);
    }
  }
  if (typeof value === 'string') {
    const shortest = def.min_length ?? 0;
    const longest = def.max_length ?? 6000;
    if (value.length < shortest || value.length > longest) {
      throw new CommandError(
        'BAD_OPTION',
        `${name} must be ${shortest}–${longest} characters long.`,
      );
    }
  }
}

function range(low: number, high: number): string {
  if (Number.isFinite(low) && Number.isFinite(high)) return `between ${low} and ${high}`;
  return Number.isFinite(low) ? `at least ${low}` : `at most ${high}`;
}
