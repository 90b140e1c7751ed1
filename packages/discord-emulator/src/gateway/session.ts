import type { WebSocket } from 'ws';
import type { BotRecord } from '../state/types';
import { onShard, type ShardTuple, UNSHARDED } from './sharding';

export interface DispatchPayload {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

/** A gateway session: it outlives its socket so that a RESUME can replay what was missed. */
export class Session {
  seq = 0;
  socket: WebSocket | null = null;
  resumable = true;
  readonly buffer: DispatchPayload[] = [];

  constructor(
    readonly id: string,
    readonly bot: BotRecord,
    readonly intents: number,
    private readonly maxBuffer: number,
    /** IDENTIFY's `shard`, `null` when it sent none; a RESUME keeps it. */
    readonly shard: ShardTuple | null = null,
  ) {}

  /** Whether Discord routes the guild's events to this session. */
  holds(guildId: string): boolean {
    return onShard(guildId, this.shard ?? UNSHARDED);
  }

  get connected(): boolean {
    return this.socket !== null && this.socket.readyState === this.socket.OPEN;
  }

  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const payload: DispatchPayload = { op: 0, t, s: this.seq, d };
    this.buffer.push(payload);
    // Discord forgets a session it cannot replay; so does the emulator.
    if (this.buffer.length > this.maxBuffer) {
      this.buffer.shift();
      if (!this.connected) this.resumable = false;
    }
    if (this.connected) this.socket?.send(JSON.stringify(payload));
  }

  /** Dispatches after `seq`, or `undefined` when some of them are no longer buffered. */
  since(seq: number): DispatchPayload[] | undefined {
    const first = this.buffer[0];
    if (first && first.s > seq + 1) return undefined;
    return this.buffer.filter((p) => p.s > seq);
  }
}
