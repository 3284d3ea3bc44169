// The Redis feed-state store that pollFeed relies on.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisFeedStateStore, feedHealth } from '../../src/stores/feed-state.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

let redis: Redis;
const prefix = `${uniquePrefix('feed-state')}:`;
beforeAll(() => {
  redis = connectRedis();
});
afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

const t = (minutes: number): Date => new Date(Date.UTC(2026, 6, 14, 13, minutes));

describe('feed state store', () => {
  it('starts empty and healthy', async () => {
    const store = createRedisFeedStateStore(redis, prefix);
    expect(await store.get('none')).toEqual({ consecutiveFailures: 0 });
    expect(await store.health('none', t(0))).toBe('healthy');
  });

  it('replaces validators on a 200, keeps them on a 304', async () => {
    const store = createRedisFeedStateStore(redis, prefix);
    await store.recordSuccess('v', t(0), { etag: '"a"', lastModified: 'Tue, 14 Jul 2026 13:00:00 GMT' });
    await store.recordSuccess('v', t(1));
    expect(await store.get('v')).toMatchObject({ etag: '"a"', lastModified: 'Tue, 14 Jul 2026 13:00:00 GMT', lastSuccessAt: t(1).toISOString() });
    await store.recordSuccess('v', t(2), { etag: '"b"' });
    const state = await store.get('v');
    expect(state.etag).toBe('"b"');
    expect(state.lastModified).toBeUndefined();
  });

  it('counts failures from the first one and clears them on success', async () => {
    const store = createRedisFeedStateStore(redis, prefix, { unhealthyAfterMinutes: 10 });
    await store.recordFailure('f', { at: t(0), error: 'timeout: x', nextAttemptAt: t(1) });
    const second = await store.recordFailure('f', { at: t(5), error: 'http-status: HTTP 500', nextAttemptAt: t(7) });
    expect(second).toMatchObject({ consecutiveFailures: 2, firstFailureAt: t(0).toISOString(), lastError: 'http-status: HTTP 500', nextAttemptAt: t(7).toISOString() });
    expect(await store.health('f', t(9))).toBe('failing');
    expect(await store.health('f', t(10))).toBe('unhealthy');
    await store.recordSuccess('f', t(11));
    const after = await store.get('f');
    expect(after.consecutiveFailures).toBe(0);
    expect(after.lastError).toBeUndefined();
    expect(await store.health('f', t(11))).toBe('healthy');
  });

  it('takes the baseline once', async () => {
    const store = createRedisFeedStateStore(redis, prefix);
    await store.markBaseline('b', t(0));
    await store.markBaseline('b', t(5));
    expect((await store.get('b')).baselineTakenAt).toBe(t(0).toISOString());
    await store.clear('b');
    expect(await store.get('b')).toEqual({ consecutiveFailures: 0 });
  });

  it('computes health as a pure function too', () => {
    expect(feedHealth({ consecutiveFailures: 0 }, t(0), 30)).toBe('healthy');
    expect(feedHealth({ consecutiveFailures: 1, firstFailureAt: t(0).toISOString() }, t(29), 30)).toBe('failing');
    expect(feedHealth({ consecutiveFailures: 1, firstFailureAt: t(0).toISOString() }, t(30), 30)).toBe('unhealthy');
  });
});
