// The sent ledger: which alert reached which destination, and under what receipt (e.g. a Discord message id).
// Checked before a send and written right after it, so a retried delivery job never sends twice; the only window
// for a duplicate is a crash between the send and this one SET.
import type { Redis } from 'ioredis';

export interface SentRecord {
  receipt: string;
  sentAt: number;
}

export interface SentLedger {
  get(alertId: string, destination: string): Promise<SentRecord | null>;
  record(alertId: string, destination: string, record: SentRecord): Promise<void>;
}

export function createRedisSentLedger(redis: Redis, prefix: string, ttlSeconds: number): SentLedger {
  const key = (alertId: string, destination: string) => `${prefix}:sent:${alertId}:${destination}`;
  return {
    async get(alertId, destination) {
      const v = await redis.get(key(alertId, destination));
      return v ? (JSON.parse(v) as SentRecord) : null;
    },
    async record(alertId, destination, record) {
      await redis.set(key(alertId, destination), JSON.stringify(record), 'EX', ttlSeconds);
    },
  };
}
