// Story clusters in Redis, shared by every pipeline process. Reads are optimistic: a worker reads the candidate
// stories of each ticker together with the ticker's version counter, decides in JS (the same pure matcher as the
// memory index), then commits with a Lua script that refuses when any version moved. Two copies of one story
// reaching two workers at once therefore end in one cluster: the loser re-reads and finds the winner's story.
//
// Keys (all under `{prefix}:clu`, all expiring after `ttlSeconds`):
//   {prefix}:clu:cand:{TICKER}   sorted set, member story id, score publication time (ms)
//   {prefix}:clu:ver:{TICKER}    counter bumped by every commit to that ticker
//   {prefix}:clu:story:{id}      JSON { clusterId, publishedAt, fingerprint }
//   {prefix}:clu:cluster:{id}    hash { size, first, sources (JSON array) }
// On Redis Cluster give a hash-tagged prefix (e.g. `{squawk}:clusters`) so the script's keys share one slot.
import type { Redis } from 'ioredis';
import type { Analysis } from '../news/analyze.js';
import {
  bestMatch,
  bucketsOf,
  DEFAULT_WINDOW_HOURS,
  type Candidate,
  type ClusterAssignment,
  type ClusterIndex,
} from '../news/cluster.js';
import { DEFAULT_SIMILARITY, type Fingerprint, type SimilarityOptions } from '../news/similarity.js';

export interface RedisClusterIndexOptions {
  windowHours?: number;
  /** Lifetime of every key; defaults to the window plus six hours. */
  ttlSeconds?: number;
  similarity?: SimilarityOptions;
  /** Optimistic attempts before giving up (default 20). */
  maxAttempts?: number;
  /** Filed stories kept in memory per process, so candidates are not read and parsed again (default 20,000). */
  cacheSize?: number;
}

export class ClusterContentionError extends Error {
  constructor(readonly storyId: string, readonly attempts: number) {
    super(`cluster assignment for ${storyId} kept conflicting after ${attempts} attempts`);
    this.name = 'ClusterContentionError';
  }
}

// KEYS: story, cluster, then pairs (ver, cand) per bucket.
// ARGV: storyId, storyJson, source, publishedAt, ttl, trimBefore, then one expected version per bucket.
const COMMIT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return {'exists'} end
local n = (#KEYS - 2) / 2
for i = 1, n do
  local v = redis.call('GET', KEYS[2 + 2 * i - 1]) or '0'
  if v ~= ARGV[6 + i] then return {'retry'} end
end
local ttl = tonumber(ARGV[5])
redis.call('SET', KEYS[1], ARGV[2], 'EX', ttl)
local size = redis.call('HINCRBY', KEYS[2], 'size', 1)
redis.call('HSETNX', KEYS[2], 'first', ARGV[1])
local raw = redis.call('HGET', KEYS[2], 'sources')
local sources = raw and cjson.decode(raw) or {}
local found = false
for _, s in ipairs(sources) do if s == ARGV[3] then found = true end end
if not found then table.insert(sources, ARGV[3]) end
raw = cjson.encode(sources)
redis.call('HSET', KEYS[2], 'sources', raw)
redis.call('EXPIRE', KEYS[2], ttl)
for i = 1, n do
  local ver, cand = KEYS[2 + 2 * i - 1], KEYS[2 + 2 * i]
  redis.call('ZADD', cand, ARGV[4], ARGV[1])
  redis.call('ZREMRANGEBYSCORE', cand, '-inf', '(' .. ARGV[6])
  redis.call('EXPIRE', cand, ttl)
  redis.call('INCR', ver)
  redis.call('EXPIRE', ver, ttl)
end
return {'ok', tostring(size), redis.call('HGET', KEYS[2], 'first'), raw}
`;

interface StoredStory {
  clusterId: string;
  publishedAt: number;
  fingerprint: Fingerprint;
}

type CommitReply = [string, string?, string?, string?];
type ClusterRedis = Redis & { squawkClusterCommit(numKeys: number, ...args: (string | number)[]): Promise<CommitReply> };

export function createRedisClusterIndex(redis: Redis, basePrefix: string, options: RedisClusterIndexOptions = {}): ClusterIndex {
  const prefix = `${basePrefix}:clu`;
  const windowHours = options.windowHours ?? DEFAULT_WINDOW_HOURS;
  const windowMs = windowHours * 3_600_000;
  const ttl = options.ttlSeconds ?? Math.round(windowHours * 3600 + 6 * 3600);
  const similarity = options.similarity ?? DEFAULT_SIMILARITY;
  const maxAttempts = options.maxAttempts ?? 20;
  if (!('squawkClusterCommit' in redis)) redis.defineCommand('squawkClusterCommit', { lua: COMMIT });
  const r = redis as ClusterRedis;
  const seen = new StoryCache(options.cacheSize ?? 20_000);
  const storyKey = (id: string): string => `${prefix}:story:${id}`;
  const clusterKey = (id: string): string => `${prefix}:cluster:${id}`;

  const assignmentOf = async (storyId: string, raw: string): Promise<ClusterAssignment> => {
    const story = JSON.parse(raw) as StoredStory;
    const c = await redis.hgetall(clusterKey(story.clusterId));
    return {
      clusterId: story.clusterId,
      isNew: (c.first ?? story.clusterId) === storyId,
      size: Number(c.size ?? 1),
      sources: c.sources === undefined ? [] : (JSON.parse(c.sources) as string[]),
    };
  };

  return {
    async assign(storyId: string, source: string, analysis: Analysis, publishedAt: number): Promise<ClusterAssignment> {
      const fp = analysis.fingerprint;
      const buckets = bucketsOf(fp);
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        // One round trip reads whether the story is filed already, and each ticker's version and candidates.
        const read = redis.pipeline();
        read.get(storyKey(storyId));
        for (const b of buckets) {
          read.get(`${prefix}:ver:${b}`);
          read.zrangebyscore(`${prefix}:cand:${b}`, publishedAt - windowMs, publishedAt + windowMs);
        }
        const replies = (await read.exec()) ?? [];
        const [ownErr, own] = replies[0] ?? [null, null];
        if (ownErr) throw ownErr;
        if (typeof own === 'string') return await assignmentOf(storyId, own);
        const versions: string[] = [];
        const ids = new Set<string>();
        for (let i = 0; i < buckets.length; i++) {
          const [verErr, ver] = replies[1 + 2 * i] ?? [null, null];
          const [candErr, cand] = replies[2 + 2 * i] ?? [null, []];
          if (verErr) throw verErr;
          if (candErr) throw candErr;
          versions.push(typeof ver === 'string' ? ver : '0');
          for (const id of cand as string[]) if (id !== storyId) ids.add(id);
        }
        const candidates = await loadCandidates(redis, [...ids], storyKey, seen);
        const match = bestMatch(fp, publishedAt, candidates, windowMs, similarity);
        const clusterId = match?.clusterId ?? storyId;
        const stored: StoredStory = { clusterId, publishedAt, fingerprint: fp };
        const keys = [storyKey(storyId), clusterKey(clusterId)];
        for (const b of buckets) keys.push(`${prefix}:ver:${b}`, `${prefix}:cand:${b}`);
        const reply = await r.squawkClusterCommit(
          keys.length,
          ...keys,
          storyId,
          JSON.stringify(stored),
          source,
          publishedAt,
          ttl,
          publishedAt - 2 * windowMs,
          ...versions,
        );
        if (reply[0] === 'ok') {
          seen.set({ storyId, clusterId, publishedAt, fingerprint: fp });
          return { clusterId, isNew: reply[2] === storyId, size: Number(reply[1]), sources: JSON.parse(reply[3] ?? '[]') as string[] };
        }
        // 'exists' (another worker filed this very story) and 'retry' (a ticker moved) both re-read.
      }
      throw new ClusterContentionError(storyId, maxAttempts);
    },
  };
}

/**
 * Stored stories never change once filed, so each process keeps the ones it has read or written: a hot ticker's
 * candidates are then parsed once, not once per new story about it. Oldest entries go first past `max`.
 */
class StoryCache {
  private readonly map = new Map<string, Candidate>();
  constructor(private readonly max: number) {}
  get(id: string): Candidate | undefined {
    return this.map.get(id);
  }
  set(c: Candidate): void {
    this.map.set(c.storyId, c);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

async function loadCandidates(redis: Redis, ids: string[], storyKey: (id: string) => string, cache: StoryCache): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache.get(id);
    if (hit) out.push(hit);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  const raws = await redis.mget(...missing.map(storyKey));
  raws.forEach((raw, i) => {
    if (raw === null) return;
    const s = JSON.parse(raw) as StoredStory;
    const c = { storyId: missing[i] as string, clusterId: s.clusterId, publishedAt: s.publishedAt, fingerprint: s.fingerprint };
    cache.set(c);
    out.push(c);
  });
  return out;
}
