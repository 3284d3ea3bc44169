import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';
import { createRedisWatchlistStore } from '../../src/stores/watchlists.js';
import { createRedisSeenStore } from '../../src/stores/seen.js';
import { createWatchlistCache } from '../../src/stores/watchlist-cache.js';
import { silentLogger } from '../../src/log.js';
import { createRedisDecisionStore } from '../../src/stores/decisions.js';
import type { Decision } from '../../src/alerts/decision.js';

let redis: Redis;
const prefixes: string[] = [];
const prefix = (): string => {
  const p = uniquePrefix('stores');
  prefixes.push(p);
  return p;
};
beforeAll(() => {
  redis = connectRedis();
});
afterAll(async () => {
  for (const p of prefixes) await deletePrefix(redis, p);
  redis.disconnect();
});

describe('watchlist store', () => {
  it('routes tickers to the lists watching them and follows edits', async () => {
    const store = createRedisWatchlistStore(redis, prefix());
    await store.upsert({ id: 'a', guild: 'g1', name: 'A', destination: 'console', minImportance: 10, tickers: ['baba', 'AAPL'] });
    await store.upsert({ id: 'b', guild: 'g2', name: 'B', destination: 'file', minImportance: 0, tickers: ['AAPL'] });
    expect(await store.allTickers()).toEqual(['AAPL', 'BABA']);
    const w = await store.watching(['AAPL', 'TSLA']);
    expect(w.map((x) => [x.list.id, x.matched])).toEqual([
      ['a', ['AAPL']],
      ['b', ['AAPL']],
    ]);
    await store.removeTickers('a', ['AAPL']);
    await store.upsert({ id: 'b', guild: 'g2', name: 'B', destination: 'file', minImportance: 0, tickers: ['TSLA'] });
    expect((await store.watching(['AAPL'])).length).toBe(0);
    expect(await store.allTickers()).toEqual(['BABA', 'TSLA']);
    expect((await store.list('g2')).map((l) => l.tickers)).toEqual([['TSLA']]);
    await store.remove('a');
    expect(await store.get('a')).toBeNull();
    expect(await store.allTickers()).toEqual(['TSLA']);
  });

  it('seeds from config only once, so later edits win', async () => {
    const store = createRedisWatchlistStore(redis, prefix());
    const seed = [{ id: 's', guild: 'g', name: 'S', destination: 'console', minImportance: 0, tickers: ['NVDA'] }];
    expect(await store.seedOnce(seed)).toBe(true);
    await store.addTickers('s', ['AMD']);
    expect(await store.seedOnce(seed)).toBe(false);
    expect((await store.get('s'))?.tickers).toEqual(['AMD', 'NVDA']);
  });

  it('notifies other processes of changes', async () => {
    const p = prefix();
    const writer = createRedisWatchlistStore(redis, p);
    const readerConnection = connectRedis();
    const reader = createRedisWatchlistStore(readerConnection, p);
    let calls = 0;
    const changed = new Promise<void>((resolve) => {
      void reader.onChange(() => {
        calls += 1;
        resolve();
      }).then((unsubscribe) => {
        void writer.addTickers('x', ['MSFT']);
        void changed.then(unsubscribe);
      });
    });
    await changed;
    expect(calls).toBeGreaterThan(0);
    readerConnection.disconnect();
  });
});

describe('watchlist cache', () => {
  it('routes from memory and follows edits made through another connection', async () => {
    const p = prefix();
    const editorConnection = connectRedis();
    const editor = createRedisWatchlistStore(editorConnection, p);
    await editor.upsert({ id: 'a', guild: 'g', name: 'A', destination: 'console', minImportance: 0, tickers: ['AAPL'] });
    const cache = await createWatchlistCache(createRedisWatchlistStore(redis, p), { log: silentLogger, refreshEveryMs: 60_000 });
    expect((await cache.watching(['aapl'])).map((w) => w.list.id)).toEqual(['a']);
    await editor.addTickers('a', ['NVDA']);
    const deadline = Date.now() + 5000;
    while ((await cache.watching(['NVDA'])).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await cache.watching(['NVDA', 'AAPL']))[0]?.matched.sort()).toEqual(['AAPL', 'NVDA']);
    await cache.close();
    editorConnection.disconnect();
  });
});

describe('seen store', () => {
  it('claims fingerprints for one story and reports the holder to others, idempotently', async () => {
    const seen = createRedisSeenStore(redis, prefix(), 60);
    expect(await seen.claim('prn:1', ['url:https://x/a'])).toBeNull();
    expect(await seen.claim('prn:1', ['url:https://x/a'])).toBeNull();
    expect(await seen.claim('gnw:9', ['url:https://x/b', 'url:https://x/a'])).toBe('prn:1');
    expect(await seen.claim('gnw:10', [])).toBeNull();
  });
});

describe('decision store', () => {
  it('keeps decisions by story id and lists the recent ones', async () => {
    const store = createRedisDecisionStore(redis, prefix(), 60);
    const d = (storyId: string): Decision => ({
      storyId,
      source: 's',
      title: 't',
      decidedAt: new Date().toISOString(),
      outcome: 'not-watched',
      reasons: ['no watchlist watches X'],
      tickers: [],
      event: null,
      importance: 0,
      routes: [],
    });
    await store.put(d('s:1'));
    await store.put(d('s:2'));
    await store.put(d('s:1'));
    expect((await store.get('s:2'))?.reasons).toEqual(['no watchlist watches X']);
    expect(await store.get('s:3')).toBeNull();
    expect((await store.recent(10)).map((x) => x.storyId)).toEqual(['s:1', 's:2']);
  });
});
