import {
  type ChatInputCommandInteraction,
  GuildMemberRoleManager,
  PermissionFlagsBits,
  PermissionsBitField,
} from 'discord.js';
import type { GuildSettings } from '../db/rows';
import { CommandError, MissingPermissionError } from '../errors';
import { REQUIRED_CHANNEL_PERMISSIONS } from './command-definitions';

/** "AddReactions" → "Add Reactions", as Discord's settings screens name it. */
export const permissionLabel = (flag: string) => flag.replace(/([a-z])([A-Z])/g, '$1 $2');

/** Throws naming the first channel permission the bot lacks for running a quiz here. */
export function assertBotCanQuiz(interaction: ChatInputCommandInteraction): void {
  const perms = interaction.appPermissions ?? new PermissionsBitField();
  for (const [name, flag] of Object.entries(REQUIRED_CHANNEL_PERMISSIONS)) {
    if (!perms.has(flag, true)) {
      throw new MissingPermissionError(permissionLabel(name), interaction.channelId);
    }
  }
}

/** Quizmasters: Manage Server, or the role set with `/quiz config`. */
export function assertQuizmaster(
  interaction: ChatInputCommandInteraction,
  settings: GuildSettings,
): void {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return;
  const roles = interaction.member?.roles;
  const roleId = settings.quizmasterRoleId;
  const hasRole =
    roleId !== null &&
    (roles instanceof GuildMemberRoleManager ? roles.cache.has(roleId) : roles?.includes(roleId));
  if (!hasRole) {
    throw new CommandError(
      'NOT_QUIZMASTER',
      roleId
        ? `Only members with Manage Server or the <@&${roleId}> role can do that.`
        : 'Only members with Manage Server can do that (a quizmaster role can be set with `/quiz config`).',
    );
  }
}
