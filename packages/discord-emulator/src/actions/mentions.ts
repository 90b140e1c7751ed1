import { PermissionFlagsBits } from 'discord-api-types/v10';
import { channelPermissions } from '../permissions';
import type { Store } from '../state/store';

export interface ResolvedMentions {
  everyone: boolean;
  users: string[];
  roles: string[];
}

interface AllowedMentions {
  parse?: unknown;
  users?: unknown;
  roles?: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/**
 * Who a message really pings, as Discord decides: `allowed_mentions` (all kinds when absent),
 * Mention Everyone for @everyone/@here and for roles that are not mentionable.
 */
export function resolveMentions(
  store: Store,
  channelId: string,
  authorId: string,
  content: string,
  allowed: unknown,
): ResolvedMentions {
  const am = (allowed && typeof allowed === 'object' ? allowed : undefined) as
    | AllowedMentions
    | undefined;
  const parse = am ? strings(am.parse) : ['users', 'roles', 'everyone'];
  const canEveryone =
    (channelPermissions(store, channelId, authorId) & PermissionFlagsBits.MentionEveryone) !== 0n;
  const inUsers = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? '');
  const inRoles = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? '');
  const users = parse.includes('users')
    ? inUsers
    : inUsers.filter((id) => strings(am?.users).includes(id));
  const roles = (
    parse.includes('roles') ? inRoles : inRoles.filter((id) => strings(am?.roles).includes(id))
  ).filter((id) => canEveryone || store.roles.get(id)?.mentionable === true);
  const everyone = parse.includes('everyone') && canEveryone && /@(everyone|here)\b/.test(content);
  return { everyone, users: [...new Set(users)], roles: [...new Set(roles)] };
}
