// Redis restarts (with its append-only file, as in production) while squawk runs: every item published before,
// during and after the outage arrives exactly once, and the processes carry on without a restart of their own.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../src/sim/feed-server.js';
import { startPrivateRedis, type PrivateRedis } from '../support/redis.js';
import { startSquawk, waitFor, writeConfig, type SquawkProcess } from '../support/processes.js';

let feeds: FeedServer;
let redis: PrivateRedis;
let dir: string;
const running: SquawkProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'squawk-redis-restart-'));
  redis = await startPrivateRedis({ appendOnlyDir: dir });
  feeds = await startFeedServer({ publishEveryMs: 0, maxEntries: 500 });
});
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()));
  await feeds.close();
  await redis.stop();
});

const tickers = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'META', 'TSLA', 'NFLX', 'INTC', 'PFE', 'WMT', 'JPM', 'DIS'];
const lines = (file: string): Array<{ alert: { storyId: string } }> =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { alert: { storyId: string } }) : [];

describe('Redis restart', () => {
  it('loses and repeats nothing across a Redis restart', async () => {
    const file = join(dir, 'alerts.jsonl');
    const publish = (i: number): void =>
      feeds.addItem({
        feed: 'wire',
        guid: `r-${i}`,
        title: `Company news (NASDAQ: ${tickers[i]}) announces merger agreement number ${i}`,
        link: `https://wire.example.com/r-${i}`,
        description: 'A definitive agreement to combine.',
        pubDate: new Date().toUTCString(),
      });
    publish(0);
    const config = writeConfig(dir, 'squawk', {
      redis: { url: redis.url, prefix: 'sq' },
      feeds: [{ id: 'wire', url: feeds.feedUrl('wire'), intervalSeconds: 5 }],
      market: { provider: 'none' },
      signal: { importance: { default: 0 } },
      destinations: [{ id: 'file', kind: 'jsonl', path: file }],
      watchlists: [{ id: 'all', guild: 'test', name: 'All', destination: 'file', tickers }],
      pipeline: { lockSeconds: 2 },
      deliver: { lockSeconds: 2 },
    });
    const app = startSquawk(['start', '--roles', 'poll,pipeline,deliver', '--config', config]);
    running.push(app);
    await waitFor('the first alert', () => (lines(file).length >= 1 ? true : undefined), 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${app.output().slice(-3000)}`);
    });
    expect(lines(file)).toHaveLength(1);
    for (let i = 1; i < 6; i++) publish(i);
    await redis.stop();
    for (let i = 6; i < 9; i++) publish(i);
    await new Promise((r) => setTimeout(r, 6000)); // at least one poll interval without Redis
    await redis.restart();
    for (let i = 9; i < tickers.length; i++) publish(i);
    await waitFor(
      'every alert after the restart',
      () => (new Set(lines(file).map((l) => l.alert.storyId)).size === tickers.length ? true : undefined),
      90_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}: got ${lines(file).map((l) => l.alert.storyId).join(', ')}\n${app.output().slice(-3000)}`);
    });
    await new Promise((r) => setTimeout(r, 3000));
    const ids = lines(file).map((l) => l.alert.storyId);
    expect(ids.length).toBe(tickers.length);
    expect(new Set(ids).size).toBe(tickers.length);
    expect(await app.stop()).toBe(0);
  }, 180_000);
});
