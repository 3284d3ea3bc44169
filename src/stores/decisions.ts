// Decision records: every story, alerted or not, leaves one, so "why did (or didn't) this alert?" has an answer.
import type { Redis } from 'ioredis';
import type { Decision } from '../alerts/decision.js';

export interface DecisionStore {
  put(decision: Decision): Promise<void>;
  get(storyId: string): Promise<Decision | null>;
  /** Most recent decisions first. */
  recent(limit: number): Promise<Decision[]>;
}

export function createRedisDecisionStore(redis: Redis, prefix: string, ttlSeconds: number): DecisionStore {
  const key = (storyId: string) => `${prefix}:decision:${storyId}`;
  const recentKey = `${prefix}:decisions:recent`;
  const recentCap = 1000;
  return {
    async put(decision) {
      await redis
        .multi()
        .set(key(decision.storyId), JSON.stringify(decision), 'EX', ttlSeconds)
        .lpush(recentKey, decision.storyId)
        .ltrim(recentKey, 0, recentCap - 1)
        .exec();
    },
    async get(storyId) {
      const v = await redis.get(key(storyId));
      return v ? (JSON.parse(v) as Decision) : null;
    },
    async recent(limit) {
      const ids = await redis.lrange(recentKey, 0, Math.max(0, limit - 1));
      if (ids.length === 0) return [];
      // A story decided twice (a retried job) is listed once.
      const unique = [...new Set(ids)];
      const values = await redis.mget(...unique.map(key));
      return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as Decision);
    },
  };
}
