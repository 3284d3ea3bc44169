// The http role on a real port: /healthz reports Redis and each feed's health, /metrics speaks Prometheus.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../src/sim/feed-server.js';
import { startTestApp } from '../support/app.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

let redis: Redis;
let feeds: FeedServer;
const prefix = uniquePrefix('http');
beforeAll(async () => {
  redis = connectRedis();
  feeds = await startFeedServer({ publishEveryMs: 0 });
});
afterAll(async () => {
  await feeds.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('http role', () => {
  it('reports a failing feed as degraded health, and serves queue metrics', async () => {
    const app = await startTestApp(prefix, ['http', 'poll'], {
      overrides: {
        fetch: { spreadStarts: false },
        feeds: [
          { id: 'good', url: feeds.feedUrl('benzinga'), intervalSeconds: 5 },
          { id: 'broken', url: `${feeds.url}/_fault/500`, intervalSeconds: 5 },
        ],
      },
    });
    const url = app.httpUrl ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    type Health = { status: string; redis: string; feeds: Array<{ id: string; health: string; lastError?: string }> };
    let health: Health | undefined;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      health = (await res.json()) as Health;
      if (health.feeds.find((f) => f.id === 'broken')?.health !== 'healthy') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(health?.status).toBe('degraded');
    expect(health?.feeds.find((f) => f.id === 'good')?.health).toBe('healthy');
    expect(health?.feeds.find((f) => f.id === 'broken')).toMatchObject({ health: 'failing', lastError: expect.stringContaining('500') });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/squawk_queue_jobs\{queue="news",state="waiting"\} \d+/);
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    await app.stop();
  });
});
