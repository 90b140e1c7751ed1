import type { ScoringPolicy } from '@quizdeck/core';

export type SessionState = 'running' | 'finished' | 'stopped';
/** posting → open → graded → revealed; posting/open → skipped (skip or stop). */
export type RoundState = 'posting' | 'open' | 'graded' | 'revealed' | 'skipped';

export interface GuildSettings {
  guildId: string;
  quizmasterRoleId: string | null;
  defaultSeconds: number;
  defaultScoring: ScoringPolicy;
}

export interface SessionRow {
  id: number;
  guildId: string;
  channelId: string;
  bankId: string;
  startedBy: string;
  seconds: number;
  scoring: ScoringPolicy;
  shuffle: boolean;
  questionIds: string[];
  state: SessionState;
  startedAt: number;
  endedAt: number | null;
}

export interface RoundRow {
  id: number;
  sessionId: number;
  idx: number;
  channelId: string;
  messageId: string | null;
  questionId: string;
  seed: string;
  tags: string[];
  opensAt: number | null;
  closesAt: number | null;
  state: RoundState;
  gradedAt: number | null;
}

export interface AnswerRow {
  userId: string;
  /** Letters as displayed in the round (after any shuffle), sorted. */
  selected: string[];
  verdict: 'correct' | 'partial' | 'wrong' | 'unanswered';
  score: number;
}
