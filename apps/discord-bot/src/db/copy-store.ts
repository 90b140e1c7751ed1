import { QuizdeckError } from '@quizdeck/core';
import { openDriver } from './open-store';
import type { SqlConn } from './sql';
import type { StoreLocation } from './store';

/** The target of a copy already holds a store's rows. */
export class StoreNotEmptyError extends QuizdeckError {
  constructor() {
    super(
      'BOT_STORE_NOT_EMPTY',
      'the target store is not empty (it has settings or sessions): copy only into a new, empty database.',
    );
  }
}

/** The tables members' data lives in, parents first, each with its key (for paging). */
const TABLES = [
  {
    name: 'guild_settings',
    key: ['guild_id'],
    cols: ['guild_id', 'quizmaster_role_id', 'default_seconds', 'default_scoring', 'updated_at'],
  },
  {
    name: 'sessions',
    key: ['id'],
    cols: [
      'id',
      'guild_id',
      'channel_id',
      'bank_id',
      'started_by',
      'seconds',
      'scoring',
      'shuffle',
      'question_ids',
      'state',
      'started_at',
      'ended_at',
      'board_pending',
    ],
  },
  {
    name: 'rounds',
    key: ['id'],
    cols: [
      'id',
      'session_id',
      'idx',
      'channel_id',
      'message_id',
      'question_id',
      'seed',
      'tags',
      'opens_at',
      'closes_at',
      'state',
      'graded_at',
    ],
  },
  {
    name: 'answers',
    key: ['round_id', 'user_id'],
    cols: ['round_id', 'user_id', 'selected', 'verdict', 'score'],
  },
  {
    name: 'scores',
    key: ['session_id', 'user_id'],
    cols: ['session_id', 'user_id', 'points', 'answered', 'correct'],
  },
  {
    name: 'review_cards',
    key: ['guild_id', 'user_id', 'bank_id', 'question_id'],
    cols: [
      'guild_id',
      'user_id',
      'bank_id',
      'question_id',
      'due',
      'stability',
      'difficulty',
      'elapsed_days',
      'scheduled_days',
      'learning_steps',
      'reps',
      'lapses',
      'phase',
      'last_review',
    ],
  },
  {
    name: 'review_prompts',
    key: ['id'],
    cols: [
      'id',
      'guild_id',
      'user_id',
      'bank_id',
      'question_id',
      'bank_filter',
      'shown_at',
      'answered_at',
      'picks',
    ],
  },
  {
    name: 'review_log',
    key: ['id'],
    cols: [
      'id',
      'guild_id',
      'user_id',
      'bank_id',
      'question_id',
      'reviewed_at',
      'rating',
      'phase_before',
      'elapsed_days',
      'scheduled_days',
      'stability',
      'difficulty',
      'due',
      'round_id',
      'prompt_id',
    ],
  },
  {
    name: 'review_digests',
    key: ['guild_id'],
    cols: ['guild_id', 'channel_id', 'hour_utc', 'last_posted_day'],
  },
] as const;

const PAGE = 500;
const list = (cols: readonly string[]) => cols.join(', ');
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Copies every row of the store at `from` into the empty store at `to` (e.g. a SQLite file into
 * PostgreSQL), ids kept, in one transaction on the target: all of it or nothing. Shard leases are
 * not copied. Resolves to the rows copied per table, counted again in the target.
 */
export async function copyStore(
  from: StoreLocation,
  to: StoreLocation,
): Promise<Record<string, number>> {
  const source = await openDriver(from);
  try {
    const target = await openDriver(to);
    try {
      return await target.transaction(async (tx) => {
        const present = await tx.get<{ n: number }>(
          'SELECT (SELECT COUNT(*) FROM guild_settings) + (SELECT COUNT(*) FROM sessions) AS n',
        );
        if (Number(present?.n) > 0) throw new StoreNotEmptyError();
        const counts: Record<string, number> = {};
        for (const table of TABLES) {
          await copyTable(source, tx, table);
          const copied = await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table.name}`);
          counts[table.name] = Number(copied?.n);
        }
        if (target.backend === 'postgres') {
          // Explicit ids leave the identity sequences behind: new rows continue after the copy.
          for (const name of ['sessions', 'rounds', 'review_prompts', 'review_log']) {
            await tx.get(
              `SELECT setval(pg_get_serial_sequence('${name}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM ${name}), false)`,
            );
          }
        }
        return counts;
      });
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** One table, a page at a time in key order (memory stays flat whatever its size). */
async function copyTable(source: SqlConn, target: SqlConn, table: (typeof TABLES)[number]) {
  const key = `(${list(table.key)})`;
  let after: unknown[] | undefined;
  for (;;) {
    const rows = await source.all<Record<string, unknown>>(
      `SELECT ${list(table.cols)} FROM ${table.name}${after ? ` WHERE ${key} > (${marks(after.length)})` : ''}
       ORDER BY ${list(table.key)} LIMIT ${PAGE}`,
      after ?? [],
    );
    if (rows.length === 0) return;
    const row = `(${marks(table.cols.length)})`;
    await target.run(
      `INSERT INTO ${table.name} (${list(table.cols)}) VALUES ${rows.map(() => row).join(', ')}`,
      rows.flatMap((r) => table.cols.map((c) => r[c])),
    );
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = table.key.map((k) => last[k]);
  }
}
