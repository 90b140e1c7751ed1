import type { RoundRow, SessionRow } from './rows';

/** Sessions and rounds as their columns come back: JSON text and 0/1 where the rows hold more. */
export interface RawSession extends Omit<SessionRow, 'questionIds' | 'shuffle'> {
  questionIds: string;
  shuffle: number;
}
export interface RawRound extends Omit<RoundRow, 'tags'> {
  tags: string;
}

// Quoted aliases: PostgreSQL folds unquoted names to lower case.
export const sessionCols = `id, guild_id AS "guildId", channel_id AS "channelId", bank_id AS "bankId",
  started_by AS "startedBy", seconds, scoring, shuffle, question_ids AS "questionIds", state,
  started_at AS "startedAt", ended_at AS "endedAt"`;
export const roundCols = `id, session_id AS "sessionId", idx, channel_id AS "channelId",
  message_id AS "messageId", question_id AS "questionId", seed, tags, opens_at AS "opensAt",
  closes_at AS "closesAt", state, graded_at AS "gradedAt"`;

export const toSession = (r: RawSession): SessionRow => ({
  ...r,
  shuffle: r.shuffle === 1,
  questionIds: JSON.parse(r.questionIds) as string[],
});
export const toRound = (r: RawRound): RoundRow => ({ ...r, tags: JSON.parse(r.tags) as string[] });
