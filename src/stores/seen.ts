// Exact de-duplication: a story whose item key or canonical URL was already claimed by another story is a duplicate.
// Claims are idempotent per story id, so a retried pipeline job finds its own claim and carries on.
import type { Redis } from 'ioredis';
import { keyDigest } from './key-digest.js';

export interface SeenStore {
  /** Claims each fingerprint for `storyId`; returns the id of an earlier story holding any of them, else null. */
  claim(storyId: string, fingerprints: readonly string[]): Promise<string | null>;
}

// SET NX each fingerprint to the story id; report the first one held by another story.
const claimScript = `
for i, key in ipairs(KEYS) do
  local ok = redis.call('SET', key, ARGV[1], 'NX', 'EX', ARGV[2])
  if not ok then
    local holder = redis.call('GET', key)
    if holder and holder ~= ARGV[1] then return holder end
  end
end
return false`;


type SeenRedis = Redis & { squawkSeenClaim(numKeys: number, ...args: string[]): Promise<string | null> };

export function createRedisSeenStore(redis: Redis, prefix: string, ttlSeconds: number): SeenStore {
  // A defined command runs by its SHA (EVALSHA), so the script text is not sent with every story.
  if (!('squawkSeenClaim' in redis)) redis.defineCommand('squawkSeenClaim', { lua: claimScript });
  const r = redis as SeenRedis;
  return {
    async claim(storyId, fingerprints) {
      const keys = [...new Set(fingerprints.filter(Boolean))].map((f) => `${prefix}:seen:${keyDigest(f)}`);
      if (keys.length === 0) return null;
      return (await r.squawkSeenClaim(keys.length, ...keys, storyId, String(ttlSeconds))) ?? null;
    },
  };
}
