// The whole path as it runs in production: a feed server on loopback, `squawk start` processes on real Redis,
// alerts in a JSON-lines file. Each published item must arrive exactly once, also when the pipeline process is
// killed with work in flight and started again.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../src/sim/feed-server.js';
import { connectRedis, deletePrefix, sharedRedisUrl, uniquePrefix } from '../support/redis.js';
import { startSquawk, waitFor, writeConfig, type SquawkProcess } from '../support/processes.js';

let redis: Redis;
let feeds: FeedServer;
let dir: string;
const prefixes: string[] = [];
const running: SquawkProcess[] = [];

beforeAll(async () => {
  redis = connectRedis();
  // Room for every item of the burst in one document, so none scrolls out before a poll.
  feeds = await startFeedServer({ publishEveryMs: 0, maxEntries: 500 });
  dir = mkdtempSync(join(tmpdir(), 'squawk-e2e-'));
});
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()));
  await feeds.close();
  for (const p of prefixes) await deletePrefix(redis, p);
  redis.disconnect();
});

// Distinct companies, so no two stories are near-duplicates of each other.
const symbolFile = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'symbols.json'), 'utf8')) as {
  symbols: Record<string, [string, string]>;
};
const companies = Object.entries(symbolFile.symbols)
  .filter(([s, [, exchange]]) => /^[A-Z]{3,4}$/.test(s) && (exchange === 'NYSE' || exchange === 'Nasdaq'))
  .slice(0, 80)
  .map(([symbol, [name, exchange]]) => ({ symbol, name, exchange: exchange === 'Nasdaq' ? 'NASDAQ' : 'NYSE' }));

async function publish(feed: string, i: number): Promise<string> {
  const c = companies[i] as (typeof companies)[number];
  const guid = `${feed}-item-${i}`;
  const res = await fetch(`${feeds.url}/_sim/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      feed,
      guid,
      title: `${c.name} (${c.exchange}: ${c.symbol}) Announces Agreement To Acquire A Rival In A Deal Number ${i}`,
      link: `https://wire.example.com/${guid}`,
      description: `${c.name} said on ${new Date().toUTCString()} it agreed to buy a competitor.`,
      pubDate: new Date().toUTCString(),
    }),
  });
  expect(res.status).toBe(201);
  return c.symbol;
}

const delivered = (file: string): Array<{ alert: { storyId: string; title: string } }> =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { alert: { storyId: string; title: string } })
    : [];

describe('feed to sink', () => {
  it('delivers every published item exactly once across a killed and restarted pipeline process', async () => {
    const prefix = uniquePrefix('e2e');
    prefixes.push(prefix);
    const feed = 'wire';
    const total = 60;
    const tickers = companies.slice(0, total).map((c) => c.symbol);
    await publish(feed, 0); // creates the feed
    const file = join(dir, `${prefix}.jsonl`);
    const config = writeConfig(dir, prefix, {
      redis: { url: sharedRedisUrl(), prefix },
      roles: ['poll', 'pipeline', 'deliver'],
      feeds: [{ id: feed, url: feeds.feedUrl(feed), intervalSeconds: 5 }],
      market: { provider: 'none' },
      signal: { importance: { default: 0 } },
      destinations: [{ id: 'file', kind: 'jsonl', path: file }],
      watchlists: [{ id: 'all', guild: 'test', name: 'All', destination: 'file', tickers }],
      pipeline: { lockSeconds: 2 },
      deliver: { lockSeconds: 2 },
    });
    const pollAndDeliver = startSquawk(['start', '--roles', 'poll,deliver', '--config', config]);
    let pipeline = startSquawk(['start', '--roles', 'pipeline', '--config', config]);
    running.push(pollAndDeliver, pipeline);

    await waitFor('the first alert', () => (delivered(file).length > 0 ? true : undefined), 40_000);
    for (let i = 1; i < total; i++) await publish(feed, i);
    // Kill the pipeline as soon as it has started on the burst, with jobs in flight.
    const before = delivered(file).length;
    await waitFor('the pipeline to start on the burst', async () =>
      delivered(file).length > before || (await redis.llen(`${prefix}:news:active`)) > 0 ? true : undefined,
    );
    await pipeline.kill();
    const atKill = delivered(file).length;
    pipeline = startSquawk(['start', '--roles', 'pipeline', '--config', config]);
    running.push(pipeline);

    const all = await waitFor('every alert', () => {
      const d = delivered(file);
      return new Set(d.map((x) => x.alert.storyId)).size >= total ? d : undefined;
    }, 90_000).catch(async (err: Error) => {
      const have = new Set(delivered(file).map((x) => x.alert.storyId));
      const missing = Array.from({ length: total }, (_, i) => `${feed}:${feed}-item-${i}`).filter((id) => !have.has(id));
      const decisions = await Promise.all(missing.slice(0, 5).map((id) => redis.get(`${prefix}:decision:${id}`)));
      throw new Error(
        `${err.message}: ${have.size}/${total} delivered; missing ${missing.slice(0, 5).join(', ')}\n` +
          `decisions: ${decisions.join('\n')}\npipeline: ${pipeline.output().slice(-2000)}\npoll: ${pollAndDeliver.output().slice(-2000)}`,
      );
    });
    // Let any late duplicate surface before judging.
    await new Promise((r) => setTimeout(r, 3000));
    const final = delivered(file);
    const ids = final.map((x) => x.alert.storyId);
    expect(atKill).toBeLessThan(total);
    expect(new Set(ids).size).toBe(total);
    expect(ids.length).toBe(total);
    expect(all.length).toBeLessThanOrEqual(final.length);
    for (let i = 0; i < total; i++) expect(ids).toContain(`${feed}:${feed}-item-${i}`);

    expect(await pipeline.stop()).toBe(0);
    expect(await pollAndDeliver.stop()).toBe(0);
  }, 180_000);
});
