// `squawk demo` as a newcomer runs it: it reports its simulators in the ready file, delivers the bundled feeds'
// stories, and picks up an item posted to a feed it has never seen.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, sharedRedisUrl } from '../support/redis.js';
import { startSquawk, waitFor, type SquawkProcess } from '../support/processes.js';

const running: SquawkProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()));
});

const alerts = (file: string): Array<{ alert?: { storyId: string; priceAction: Array<{ line: string }> } }> =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];

describe('squawk demo', () => {
  it('writes its ready file, alerts with price action, and polls a feed created by a posted item', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'squawk-demo-'));
    const ready = join(dir, 'ready.json');
    const file = join(dir, 'alerts.jsonl');
    const demo = startSquawk(['demo', '--ready-file', ready, '--jsonl', file], { REDIS_URL: sharedRedisUrl() });
    running.push(demo);
    const info = await waitFor('the ready file', () => (existsSync(ready) ? (JSON.parse(readFileSync(ready, 'utf8')) as Record<string, string>) : undefined), 60_000);
    expect(info.feeds).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.market).toMatch(/^ws:\/\/127\.0\.0\.1:\d+/);

    await waitFor('alerts from the bundled feeds', () => (alerts(file).length > 0 ? true : undefined), 30_000);
    // The market simulator streams every watched ticker, so alerts carry a price-action line.
    await waitFor('an alert with price action', () => (alerts(file).some((a) => (a.alert?.priceAction.length ?? 0) > 0) ? true : undefined), 30_000);

    const bad = await fetch(`${info.feeds}/_sim/items`, { method: 'POST', body: '{"feed": "x"' });
    expect(bad.status).toBe(400);
    const res = await fetch(`${info.feeds}/_sim/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        feed: 'mywire',
        guid: 'demo-test-1',
        title: 'Apple Inc AAPL Announces $5 Billion Accelerated Share Repurchase',
        link: 'https://example.com/demo-test-1',
        description: 'Apple said it entered into an accelerated share repurchase agreement.',
        pubDate: new Date().toUTCString(),
      }),
    });
    expect(res.status).toBe(201);
    await waitFor('the posted item as an alert', () => (alerts(file).some((a) => a.alert?.storyId === 'mywire:demo-test-1') ? true : undefined), 30_000);
    expect(await demo.stop()).toBe(0);
    expect(alerts(file).filter((a) => a.alert?.storyId === 'mywire:demo-test-1')).toHaveLength(1);
    // On a shared Redis the demo leaves nothing behind.
    const redis = connectRedis();
    const left: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${info.prefix}:*`, 'COUNT', 10_000);
      cursor = next;
      left.push(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    expect(left).toEqual([]);
  }, 150_000);
});
