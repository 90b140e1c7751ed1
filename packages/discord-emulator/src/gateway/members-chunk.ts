import { memberPayload } from '../payloads';
import type { Store } from '../state/store';
import type { Session } from './session';

/** Answers op 8 Request Guild Members with one GUILD_MEMBERS_CHUNK (none for a guild off its shard). */
export function guildMembersChunk(
  store: Store,
  session: Session,
  d: Record<string, unknown>,
): void {
  const guildId = String(d.guild_id ?? '');
  if (!store.guilds.has(guildId) || !session.holds(guildId)) return;
  const ids = Array.isArray(d.user_ids)
    ? d.user_ids.map(String)
    : typeof d.user_ids === 'string'
      ? [d.user_ids]
      : null;
  const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
  const limit = typeof d.limit === 'number' && d.limit > 0 ? d.limit : Number.POSITIVE_INFINITY;
  const members = store
    .guildMembers(guildId)
    .filter((m) =>
      ids ? ids.includes(m.userId) : store.user(m.userId).username.toLowerCase().startsWith(query),
    )
    .slice(0, limit);
  session.dispatch('GUILD_MEMBERS_CHUNK', {
    guild_id: guildId,
    members: members.map((m) => memberPayload(store, m)),
    chunk_index: 0,
    chunk_count: 1,
    ...(ids ? { not_found: ids.filter((id) => !members.some((m) => m.userId === id)) } : {}),
    ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
  });
}
