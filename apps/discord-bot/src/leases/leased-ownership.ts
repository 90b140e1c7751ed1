import { shardOf } from '@quizdeck/core';
import type { Store } from '../db/store';
import { LeaseLostError } from '../errors';
import type { Ownership } from '../quiz/quiz-engine';
import type { ShardLeases } from './shard-leases';

/**
 * How a process on PostgreSQL runs its guilds' quizzes: each guild's writes are fenced by the
 * lease of its shard (of `count`), and its posts, reactions and edits are refused once the
 * process's own clock says that lease may have gone. Before `leases()` gives the leases, nothing
 * is allowed.
 */
export function leasedOwnership(
  store: Store,
  leases: () => ShardLeases | undefined,
  count: () => number,
): Ownership {
  return {
    storeFor(guildId) {
      const shard = shardOf(guildId, count());
      return store.fenced(leases()?.lease(shard) ?? { shardId: shard, owner: '' });
    },
    guardFor(guildId) {
      const shard = shardOf(guildId, count());
      return () => {
        const held = leases();
        if (!held) throw new LeaseLostError(shard);
        held.assertHeld(shard);
      };
    },
  };
}
