// Per-feed polling state in Redis: HTTP validators, the first-poll baseline, and failure tracking for backoff and
// health. One hash per feed at `<prefix>feed:<feedId>`.
import type { Redis } from 'ioredis';

export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** When the first successful poll happened; before it, old items are not news. ISO 8601. */
  baselineTakenAt?: string;
  consecutiveFailures: number;
  firstFailureAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  /** No fetch before this time (backoff). ISO 8601. */
  nextAttemptAt?: string;
}

export type FeedHealth = 'healthy' | 'failing' | 'unhealthy';

export interface FeedStateStore {
  get(feedId: string): Promise<FeedState>;
  /** A fetch succeeded (200 or 304). `validators` replaces the stored ones when given (a 200); a 304 keeps them. */
  recordSuccess(feedId: string, at: Date, validators?: { etag?: string; lastModified?: string }): Promise<void>;
  /** A fetch or parse failed; returns the state after recording. */
  recordFailure(feedId: string, failure: { at: Date; error: string; nextAttemptAt: Date }): Promise<FeedState>;
  /** Records the first poll; `skippedKeys` are the old items it left out, never to be enqueued later. */
  markBaseline(feedId: string, at: Date, skippedKeys?: readonly string[]): Promise<void>;
  /** For each key, whether the baseline left that item out. */
  inBaseline(feedId: string, itemKeys: readonly string[]): Promise<boolean[]>;
  health(feedId: string, now: Date): Promise<FeedHealth>;
  /** Forget a feed (removed from config, or tests). */
  clear(feedId: string): Promise<void>;
}

/** Healthy without failures; unhealthy after failing continuously for `unhealthyAfterMinutes`; failing between. */
export function feedHealth(state: FeedState, now: Date, unhealthyAfterMinutes: number): FeedHealth {
  if (state.consecutiveFailures === 0) return 'healthy';
  const since = state.firstFailureAt === undefined ? now.getTime() : Date.parse(state.firstFailureAt);
  return now.getTime() - since >= unhealthyAfterMinutes * 60_000 ? 'unhealthy' : 'failing';
}

const OPTIONAL_FIELDS = ['etag', 'lastModified', 'baselineTakenAt', 'firstFailureAt', 'lastSuccessAt', 'lastError', 'nextAttemptAt'] as const;

function fromHash(hash: Record<string, string>): FeedState {
  const state: FeedState = { consecutiveFailures: Number(hash.consecutiveFailures ?? 0) || 0 };
  for (const field of OPTIONAL_FIELDS) {
    const value = hash[field];
    if (value !== undefined && value !== '') state[field] = value;
  }
  return state;
}

/** MULTI reports per-command errors in its result instead of rejecting; surface them. */
async function execOrThrow(multi: ReturnType<Redis['multi']>): Promise<void> {
  const results = await multi.exec();
  for (const [error] of results ?? []) if (error) throw error;
}

/** Items left out by a feed's baseline are remembered this long (far longer than any feed keeps an item). */
const BASELINE_TTL_SECONDS = 90 * 24 * 3600;

export function createRedisFeedStateStore(
  redis: Redis,
  prefix: string,
  options: { unhealthyAfterMinutes?: number } = {},
): FeedStateStore {
  const unhealthyAfterMinutes = options.unhealthyAfterMinutes ?? 30;
  const key = (feedId: string): string => `${prefix}feed:${feedId}`;
  const baselineKey = (feedId: string): string => `${prefix}feed:${feedId}:baseline`;
  const get = async (feedId: string): Promise<FeedState> => fromHash(await redis.hgetall(key(feedId)));

  return {
    get,
    async recordSuccess(feedId, at, validators) {
      const multi = redis.multi();
      multi.hset(key(feedId), { lastSuccessAt: at.toISOString(), consecutiveFailures: 0 });
      multi.hdel(key(feedId), 'firstFailureAt', 'lastError', 'nextAttemptAt');
      if (validators !== undefined) {
        multi.hdel(key(feedId), 'etag', 'lastModified');
        const fields: Record<string, string> = {};
        if (validators.etag) fields.etag = validators.etag;
        if (validators.lastModified) fields.lastModified = validators.lastModified;
        if (Object.keys(fields).length > 0) multi.hset(key(feedId), fields);
      }
      await execOrThrow(multi);
    },
    async recordFailure(feedId, failure) {
      const k = key(feedId);
      await execOrThrow(
        redis
          .multi()
          .hincrby(k, 'consecutiveFailures', 1)
          .hsetnx(k, 'firstFailureAt', failure.at.toISOString())
          .hset(k, { lastError: failure.error.slice(0, 500), nextAttemptAt: failure.nextAttemptAt.toISOString() }),
      );
      return get(feedId);
    },
    async markBaseline(feedId, at, skippedKeys = []) {
      const multi = redis.multi().hsetnx(key(feedId), 'baselineTakenAt', at.toISOString());
      if (skippedKeys.length > 0) {
        multi.sadd(baselineKey(feedId), ...skippedKeys).expire(baselineKey(feedId), BASELINE_TTL_SECONDS);
      }
      await execOrThrow(multi);
    },
    async inBaseline(feedId, itemKeys) {
      if (itemKeys.length === 0) return [];
      const flags = await redis.smismember(baselineKey(feedId), ...itemKeys);
      return flags.map((f) => f === 1);
    },
    async health(feedId, now) {
      return feedHealth(await get(feedId), now, unhealthyAfterMinutes);
    },
    async clear(feedId) {
      await redis.del(key(feedId), baselineKey(feedId));
    },
  };
}
