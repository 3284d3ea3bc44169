import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type AnalyzeInput } from '../../src/news/analyze.js';
import { createRedisClusterIndex } from '../../src/stores/cluster-index.js';
import { loadSymbolDictionary } from '../../src/stores/dictionary-file.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

const analyze = createAnalyzer({ dictionary: loadSymbolDictionary() });
const story = (id: string, title: string, extra: Partial<AnalyzeInput> = {}) => analyze({ id, title, tickers: ['BABA'], ...extra });
const T0 = Date.parse('2026-03-02T14:00:00Z');
const BEAT = 'Alibaba shares jump after earnings beat estimates';
const BEAT_REWRITE = 'Alibaba Stock Jumps After Q3 Earnings Beat Estimates - Reuters';

describe('Redis cluster index', () => {
  let redis: Redis;
  let other: Redis;
  const prefixes: string[] = [];
  const fresh = (): string => {
    const p = uniquePrefix('clu');
    prefixes.push(p);
    return p;
  };

  beforeAll(() => {
    redis = connectRedis();
    other = connectRedis();
  });
  afterAll(async () => {
    for (const p of prefixes) await deletePrefix(redis, p);
    redis.disconnect();
    other.disconnect();
  });

  it('folds copies, keeps the opposite outcome apart and counts sources', async () => {
    const index = createRedisClusterIndex(redis, fresh());
    const a = await index.assign('r:1', 'reuters', story('r:1', BEAT), T0);
    const b = await index.assign('y:1', 'yahoo', story('y:1', BEAT_REWRITE), T0 + 60_000);
    const c = await index.assign('b:1', 'benzinga', story('b:1', 'Alibaba shares fall after earnings miss estimates'), T0 + 120_000);
    expect(a).toEqual({ clusterId: 'r:1', isNew: true, size: 1, sources: ['reuters'] });
    expect(b).toEqual({ clusterId: 'r:1', isNew: false, size: 2, sources: ['reuters', 'yahoo'] });
    expect(c).toMatchObject({ clusterId: 'b:1', isNew: true, size: 1 });
  });

  it('returns the same assignment when a story is assigned again', async () => {
    const index = createRedisClusterIndex(redis, fresh());
    await index.assign('1', 'reuters', story('1', BEAT), T0);
    const second = await index.assign('2', 'yahoo', story('2', BEAT_REWRITE), T0);
    expect(await index.assign('2', 'yahoo', story('2', BEAT_REWRITE), T0)).toEqual(second);
  });

  it('puts a TTL on every key it writes', async () => {
    const prefix = fresh();
    const index = createRedisClusterIndex(redis, prefix, { windowHours: 48, ttlSeconds: 3600 });
    await index.assign('1', 'reuters', story('1', BEAT), T0);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) {
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(3600);
    }
  });

  it('ignores stories outside the window', async () => {
    const index = createRedisClusterIndex(redis, fresh(), { windowHours: 48 });
    await index.assign('1', 'reuters', story('1', BEAT), T0);
    const late = await index.assign('2', 'yahoo', story('2', BEAT_REWRITE), T0 + 49 * 3_600_000);
    expect(late.isNew).toBe(true);
  });

  it('ends concurrent copies of one story in one cluster, across connections', async () => {
    for (let round = 0; round < 10; round++) {
      const prefix = fresh();
      const workers = [createRedisClusterIndex(redis, prefix), createRedisClusterIndex(other, prefix), createRedisClusterIndex(redis, prefix), createRedisClusterIndex(other, prefix)];
      const titles = [BEAT, BEAT_REWRITE, 'Alibaba shares jump as earnings beat estimates', 'Alibaba shares jump after quarterly earnings beat estimates'];
      const results = await Promise.all(workers.map((w, i) => w.assign(`s${i}`, `source${i}`, story(`s${i}`, titles[i] as string), T0 + i)));
      const clusterIds = new Set(results.map((r) => r.clusterId));
      expect(clusterIds.size).toBe(1);
      expect(results.filter((r) => r.isNew)).toHaveLength(1);
      expect(Math.max(...results.map((r) => r.size))).toBe(4);
    }
  });

  it('files the same story id arriving at two workers at once only once', async () => {
    const prefix = fresh();
    const s = story('dup', BEAT);
    const [x, y] = await Promise.all([createRedisClusterIndex(redis, prefix).assign('dup', 'reuters', s, T0), createRedisClusterIndex(other, prefix).assign('dup', 'reuters', s, T0)]);
    expect(x).toEqual(y);
    expect(x.size).toBe(1);
  });
});
