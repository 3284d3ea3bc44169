// Two poller processes on one Redis share the feeds' schedules: each feed is fetched once per interval, by one of
// them, never twice and never skipped, and a slow feed does not hold up the others.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../src/sim/feed-server.js';
import { connectRedis, deletePrefix, sharedRedisUrl, uniquePrefix } from '../support/redis.js';
import { startSquawk, waitFor, writeConfig, type SquawkProcess } from '../support/processes.js';

let redis: Redis;
let feeds: FeedServer;
const prefix = uniquePrefix('e2e-poll');
const running: SquawkProcess[] = [];

beforeAll(async () => {
  redis = connectRedis();
  feeds = await startFeedServer({ publishEveryMs: 0 });
});
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()));
  await feeds.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('poll scheduling across processes', () => {
  it('fetches each feed once per interval with two poller processes, next to a feed that always times out', async () => {
    const interval = 5;
    const names = feeds.feedNames();
    const config = writeConfig(mkdtempSync(join(tmpdir(), 'squawk-e2e-')), prefix, {
      redis: { url: sharedRedisUrl(), prefix },
      fetch: { timeoutMs: 4000, backoff: { baseSeconds: 1, maxSeconds: 1 } },
      feeds: [
        ...names.map((name) => ({ id: name, url: feeds.feedUrl(name), intervalSeconds: interval })),
        { id: 'hanging', url: `${feeds.url}/_fault/hang`, intervalSeconds: interval },
      ],
      market: { provider: 'none' },
    });
    const a = startSquawk(['start', '--roles', 'poll', '--config', config]);
    const b = startSquawk(['start', '--roles', 'poll', '--config', config]);
    running.push(a, b);
    const started = Date.now();
    const rounds = 4;
    await waitFor(
      `${rounds} polls of every feed`,
      () => (names.every((n) => feeds.fetchTimes(n).length >= rounds) ? true : undefined),
      (rounds + 3) * interval * 1000,
    );
    const elapsed = Date.now() - started;
    for (const name of names) {
      const times = feeds.fetchTimes(name);
      // Never twice in one interval: consecutive fetches are an interval apart (timer slack allowed).
      const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
      expect(Math.min(...gaps), `${name} gaps ${gaps.join(',')}`).toBeGreaterThan(interval * 1000 * 0.8);
      // Never skipped: as many fetches as intervals elapsed, give or take the first.
      expect(times.length).toBeLessThanOrEqual(Math.ceil(elapsed / (interval * 1000)) + 1);
    }
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  }, 90_000);
});
