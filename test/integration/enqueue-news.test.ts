// Idempotent enqueue on real Redis and BullMQ: the same item from a re-poll, a restart or a second poller is one job.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedSchema, fetchSettingsSchema } from '../../src/config/feeds-schema.js';
import { silentLogger } from '../../src/log.js';
import { fromJobId, queueNames, type NewsJob } from '../../src/pipeline/contracts.js';
import { enqueueNews } from '../../src/pipeline/enqueue-news.js';
import { startFeedServer, type FeedServer } from '../../src/sim/feed-server.js';
import { createHostLimiter } from '../../src/sources/host-limiter.js';
import { pollFeed } from '../../src/sources/poll-feed.js';
import { createRedisFeedStateStore } from '../../src/stores/feed-state.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let feeds: FeedServer;
const prefix = uniquePrefix('enqueue');
beforeAll(async () => {
  redis = connectRedis();
  feeds = await startFeedServer({ publishEveryMs: 0 });
});
afterAll(async () => {
  await feeds.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('enqueueNews', () => {
  it('adds one job per item however often the item is enqueued', async () => {
    const queue = new Queue<NewsJob>(queueNames.news, { connection: redis, prefix });
    const items = [
      { itemKey: 'https://x.example.com/a?b=1', raw: { title: 'A' } },
      { itemKey: 'guid-2', raw: { title: 'B' } },
    ];
    const target = { queue, redis };
    expect(await enqueueNews(target, 'wire', items, 1)).toBe(2);
    expect(await enqueueNews(target, 'wire', items, 2)).toBe(0);
    expect(await enqueueNews(target, 'wire', [items[1] as (typeof items)[number]], 3)).toBe(0);
    const jobs = await queue.getJobs(['waiting']);
    expect(jobs.map((j) => fromJobId(j.id ?? '')).sort()).toEqual(['wire:guid-2', 'wire:https://x.example.com/a?b=1']);
    expect(jobs.every((j) => j.data.receivedAt === 1)).toBe(true);
    // Completed jobs are removed at once; the item is still not enqueued again.
    await queue.remove(jobs[0]?.id ?? '');
    expect(await enqueueNews(target, 'wire', items, 4)).toBe(0);
    expect(await queue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    await queue.close();
  });

  it('turns polls of a changing feed into exactly one job per item', async () => {
    const p = `${prefix}-poll`;
    const queue = new Queue<NewsJob>(queueNames.news, { connection: redis, prefix: p });
    const settings = fetchSettingsSchema.parse({});
    // Two independent pollers (separate host limiters), as in two processes, on one feed state.
    const deps = (n: number) => ({
      state: createRedisFeedStateStore(redis, `${p}:`),
      limiter: createHostLimiter(settings.perHost),
      settings,
      now: () => new Date(),
      log: silentLogger,
      enqueue: (items: Parameters<typeof enqueueNews>[2]) => enqueueNews({ queue, redis }, 'gnw', items, n),
    });
    const feed = feedSchema.parse({ id: 'gnw', url: feeds.feedUrl('globenewswire') });
    const first = await pollFeed(feed, deps(1));
    feeds.addItem({ feed: 'globenewswire', guid: 'new-1', title: 'Acme (NYSE: ACME) news', link: 'https://x.example.com/n1', description: 'd' });
    const [a, b] = await Promise.all([pollFeed(feed, deps(2)), pollFeed(feed, deps(3))]);
    expect(a.items.length + b.items.length).toBeGreaterThan(first.items.length);
    const ids = (await queue.getJobs(['waiting'])).map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(first.items.length + 1);
    await queue.close();
  });
});
