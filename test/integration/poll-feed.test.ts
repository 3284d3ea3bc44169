// pollFeed against the feed simulator and real Redis: baseline, conditional GET, backoff and health.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedSchema, fetchSettingsSchema, type FeedConfig } from '../../src/config/feeds-schema.js';
import { silentLogger } from '../../src/log.js';
import { parsePublished } from '../../src/news/normalize.js';
import { startFeedServer, type FeedServer } from '../../src/sim/feed-server.js';
import { createHostLimiter } from '../../src/sources/host-limiter.js';
import { pollFeed, type PollDeps } from '../../src/sources/poll-feed.js';
import { createRedisFeedStateStore, type FeedStateStore } from '../../src/stores/feed-state.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let sim: FeedServer;
const prefix = uniquePrefix('poll-feed');
const settings = fetchSettingsSchema.parse({ timeoutMs: 2_000 });

beforeAll(async () => {
  redis = connectRedis();
  sim = await startFeedServer({ publishEveryMs: 0 });
});
afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
  await sim.close();
});

function setup(clock: { now: Date }): { deps: PollDeps; state: FeedStateStore; enqueued: string[][] } {
  const state = createRedisFeedStateStore(redis, `${prefix}:${Math.random().toString(36).slice(2)}:`);
  const enqueued: string[][] = [];
  const deps: PollDeps = {
    state,
    enqueue: async (items) => void enqueued.push(items.map((i) => i.itemKey)),
    limiter: createHostLimiter(settings.perHost),
    settings,
    now: () => clock.now,
    log: silentLogger,
    random: () => 0,
  };
  return { deps, state, enqueued };
}

const feed = (id: string, url: string, extra: Partial<FeedConfig> = {}): FeedConfig => feedSchema.parse({ id, url, ...extra });

describe('pollFeed', () => {
  it('returns only recent items on the first poll, then 304, then all but the baseline after a change', async () => {
    const clock = { now: new Date() };
    const { deps, state, enqueued } = setup(clock);
    const benzinga = feed('benzinga', sim.feedUrl('benzinga'));

    const first = await pollFeed(benzinga, deps);
    expect(first.status).toBe('ok');
    expect(first.baseline).toBe(true);
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.skippedByBaseline).toBeGreaterThan(0);
    for (const item of first.items) {
      const published = parsePublished(item.raw.published)!;
      expect(clock.now.getTime() - published.getTime()).toBeLessThanOrEqual(30 * 60_000);
    }
    expect((await state.get('benzinga')).baselineTakenAt).toBe(clock.now.toISOString());

    const second = await pollFeed(benzinga, deps);
    expect(second.status).toBe('not-modified');
    expect(second.items).toEqual([]);

    sim.addItem({ feed: 'benzinga', guid: 'poll-test-1', title: 'Apple Inc AAPL Announces Thing', link: 'https://example.com/poll-test-1', description: 'x' });
    const third = await pollFeed(benzinga, deps);
    expect(third.status).toBe('ok');
    expect(third.baseline).toBeUndefined();
    // The old items the baseline left out stay out; everything else in the document is handed on again.
    expect(third.items.length).toBe(first.items.length + 1);
    expect(third.items.map((i) => i.itemKey)).toContain('poll-test-1');
    expect(enqueued).toEqual([first.items.map((i) => i.itemKey), third.items.map((i) => i.itemKey)]);
    // Keys of items seen before are unchanged, so the enqueue by job id drops them.
    const before = new Set(first.items.map((i) => i.itemKey));
    expect(third.items.filter((i) => before.has(i.itemKey))).toHaveLength(first.items.length);
  });

  it('keeps the old validators when enqueueing fails, so the next poll fetches the items again', async () => {
    const clock = { now: new Date() };
    const { deps } = setup(clock);
    const gnw = feed('globenewswire', sim.feedUrl('globenewswire'), { baselineMaxAgeMinutes: 24 * 60 });
    const failing: PollDeps = { ...deps, enqueue: () => Promise.reject(new Error('Redis went away')) };
    await expect(pollFeed(gnw, failing)).rejects.toThrow('Redis went away');
    const retry = await pollFeed(gnw, deps);
    expect(retry.status).toBe('ok');
    expect(retry.items.length).toBeGreaterThan(0);
  });

  it('uses the per-feed baseline age', async () => {
    const clock = { now: new Date() };
    const { deps } = setup(clock);
    const result = await pollFeed(feed('sec-edgar', sim.feedUrl('sec-edgar'), { baselineMaxAgeMinutes: 0 }), deps);
    expect(result.status).toBe('ok');
    expect(result.items).toEqual([]);
    expect(result.skippedByBaseline).toBeGreaterThan(5);
  });

  it('backs off exponentially, turns unhealthy after continuous failure, and recovers', async () => {
    const t0 = new Date('2026-07-14T13:00:00Z');
    const clock = { now: t0 };
    const { deps, state } = setup(clock);
    const broken = feed('flaky', `${sim.url}/_fault/500`);
    const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

    const first = await pollFeed(broken, deps);
    expect(first.status).toBe('failed');
    expect(first.error).toContain('http-status');
    expect(first.error).toContain('500');
    expect(first.health).toBe('failing');
    expect(first.nextAttemptAt).toBe(at(30).toISOString());

    clock.now = at(10);
    const waiting = await pollFeed(broken, deps);
    expect(waiting.status).toBe('backing-off');
    expect(waiting.health).toBe('failing');

    clock.now = at(30);
    const second = await pollFeed(broken, deps);
    expect(second.status).toBe('failed');
    expect(second.nextAttemptAt).toBe(at(30 + 60).toISOString());

    clock.now = at(90);
    const third = await pollFeed(broken, deps);
    expect(third.nextAttemptAt).toBe(at(90 + 120).toISOString());
    expect((await state.get('flaky')).consecutiveFailures).toBe(3);

    clock.now = at(31 * 60);
    const late = await pollFeed(broken, deps);
    expect(late.status).toBe('failed');
    expect(late.health).toBe('unhealthy');
    expect(await state.health('flaky', clock.now)).toBe('unhealthy');
    expect((await state.get('flaky')).lastError).toContain('500');

    clock.now = at(24 * 3600);
    const recovered = await pollFeed(feed('flaky', sim.feedUrl('globenewswire')), deps);
    expect(recovered.status).toBe('ok');
    expect(recovered.health).toBe('healthy');
    const after = await state.get('flaky');
    expect(after.consecutiveFailures).toBe(0);
    expect(after.firstFailureAt).toBeUndefined();
    expect(after.nextAttemptAt).toBeUndefined();
  });

  it('caps the backoff and honours Retry-After', async () => {
    const t0 = new Date('2026-07-14T13:00:00Z');
    const clock = { now: t0 };
    const { deps } = setup(clock);
    const limited = await pollFeed(feed('limited', `${sim.url}/_fault/429`), deps);
    expect(limited.status).toBe('failed');
    expect(Date.parse(limited.nextAttemptAt!) - t0.getTime()).toBe(120_000);
  });

  it('records a parse failure without storing validators, and does not throw', async () => {
    const clock = { now: new Date() };
    const { deps, state } = setup(clock);
    const result = await pollFeed(feed('garbage', `${sim.url}/_fault/garbage`), deps);
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^parse: /);
    const stored = await state.get('garbage');
    expect(stored.etag).toBeUndefined();
    expect(stored.baselineTakenAt).toBeUndefined();
    expect(stored.consecutiveFailures).toBe(1);
  });

  it('a poll of a trickling host times out while a concurrent poll of another host completes normally', async () => {
    const other = await startFeedServer({ publishEveryMs: 0 });
    try {
      const clock = { now: new Date() };
      const { deps } = setup(clock);
      // One request per host at a time: a limiter shared across hosts would make the other poll wait.
      const limiter = createHostLimiter({ default: { concurrency: 1, minSpacingMs: 0 }, hosts: {} });
      const slowDeps = { ...deps, limiter, settings: { ...settings, timeoutMs: 1_500 } };
      const order: string[] = [];
      await Promise.all([
        pollFeed(feed('slow', `${sim.url}/_fault/slow`), slowDeps).then((r) => order.push(`slow-${r.status}`)),
        pollFeed(feed('other', other.feedUrl('benzinga')), slowDeps).then((r) => order.push(`other-${r.status}`)),
      ]);
      expect(order).toEqual(['other-ok', 'slow-failed']);
    } finally {
      await other.close();
    }
  });

  it('returns failed, not a throw, for a timeout and for an oversized body', async () => {
    const clock = { now: new Date() };
    const { deps } = setup(clock);
    const tight = { ...deps, settings: { ...settings, timeoutMs: 300, maxBytes: 64 * 1024 } };
    const hang = await pollFeed(feed('hang', `${sim.url}/_fault/hang`), tight);
    expect(hang.status).toBe('failed');
    expect(hang.error).toMatch(/^timeout: /);
    const bomb = await pollFeed(feed('bomb', `${sim.url}/_fault/gzip-bomb`), { ...tight, settings: { ...tight.settings, timeoutMs: 5_000 } });
    expect(bomb.error).toMatch(/^too-large: /);
  });
});
