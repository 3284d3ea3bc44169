// `squawk demo`: the whole system offline. A loopback feed server publishes realistic items, a Finnhub-protocol
// simulator streams prices for every watched ticker, and alerts are printed as they are delivered.
import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { loadConfig } from '../config/load.js';
import { createLogger } from '../log.js';
import { startApp } from '../main.js';
import { startFeedServer } from '../sim/feed-server.js';
import { companies } from '../sim/feeds/companies.js';
import { startFinnhubSimulator } from '../sim/market/finnhub-simulator.js';
import { createRedis } from '../stores/redis.js';
import { startPrivateRedis } from './private-redis.js';
import { untilSignal } from './signals.js';

export interface DemoOptions {
  readyFile?: string;
  jsonl?: string;
  duration?: number;
}

const DEMO_KEY = 'demo-key';
const FEED_INTERVAL_SECONDS = 5;

export async function runDemo(options: DemoOptions): Promise<void> {
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', toStderr: true });
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    const external = process.env.REDIS_URL;
    let redisUrl: string;
    // A fresh prefix per run: the demo never reads or disturbs anything else in a shared Redis.
    const prefix = `squawk-demo-${randomBytes(3).toString('hex')}`;
    if (external) {
      redisUrl = external;
      cleanups.push(() => deleteKeys(external, prefix, log));
    } else {
      const privateRedis = await startPrivateRedis();
      cleanups.push(privateRedis.stop);
      redisUrl = privateRedis.url;
    }

    const feeds = await startFeedServer({ publishEveryMs: 3000 });
    cleanups.push(() => feeds.close());
    const tickers = companies.map((c) => c.ticker);
    const market = await startFinnhubSimulator({
      keys: [DEMO_KEY],
      symbols: Object.fromEntries(companies.map((c) => [c.ticker, c.price])),
    });
    cleanups.push(() => market.close());

    const feedEntry = (name: string) => ({ id: name, url: feeds.feedUrl(name), intervalSeconds: FEED_INTERVAL_SECONDS, enabled: true });
    const destinations: unknown[] = [{ id: 'console', kind: 'console' }];
    if (options.jsonl) destinations.push({ id: 'jsonl', kind: 'jsonl', path: options.jsonl });
    const config = loadConfig({
      overrides: {
        redis: { url: redisUrl, prefix },
        log: { level: 'warn' },
        feeds: feeds.feedNames().map(feedEntry),
        // Poll every feed at once on start instead of spreading them over the interval: the first alert comes sooner.
        fetch: { spreadStarts: false },
        market: { provider: 'finnhub', finnhub: { url: market.url, restUrl: market.restUrl, key: DEMO_KEY } },
        destinations,
        // Show every story the demo's watchlists match; production keeps a threshold (signal.importance).
        signal: { importance: { default: 0 } },
        watchlists: [
          { id: 'demo', guild: 'demo', name: 'Demo', destination: 'console', minImportance: 0, tickers },
          ...(options.jsonl
            ? [{ id: 'demo-jsonl', guild: 'demo', name: 'Demo (file)', destination: 'jsonl', minImportance: 0, tickers }]
            : []),
        ],
        http: { port: 0 },
        shutdown: { graceSeconds: 5 },
      },
    });
    const app = await startApp(config, { roles: ['poll', 'stream', 'pipeline', 'deliver'], log });
    cleanups.unshift(() => app.stop());
    feeds.onFeedCreated((name) => {
      app.poll?.upsertFeed(feedEntry(name)).catch((err: unknown) => log.error({ err, feed: name }, 'could not schedule new feed'));
    });

    process.stderr.write(
      `squawk demo: feeds at ${feeds.url}, market simulator at ${market.url}, ${tickers.length} tickers watched.\n` +
        `Alerts appear below as stories arrive; Ctrl-C stops.\n\n`,
    );
    if (options.readyFile) {
      const ready = { feeds: feeds.url, market: market.url, redis: redisUrl, prefix, ...(options.jsonl ? { alerts: options.jsonl } : {}) };
      // Written whole and then renamed, so a reader polling for the file never sees half of it.
      const partial = `${options.readyFile}.partial`;
      await writeFile(partial, `${JSON.stringify(ready)}\n`);
      await rename(partial, options.readyFile);
    }
    await (options.duration ? Promise.race([untilSignal(), sleep(options.duration * 1000)]) : untilSignal());
  } finally {
    for (const cleanup of cleanups) {
      await Promise.resolve(cleanup()).catch((err: unknown) => log.warn({ err }, 'demo cleanup step failed'));
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function deleteKeys(url: string, prefix: string, log: ReturnType<typeof createLogger>): Promise<void> {
  const redis = createRedis(url, 'worker', log, 'demo-cleanup');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
