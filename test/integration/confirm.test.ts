// Market confirmation on real Redis: bars from the price book, a delayed check, and an update delivered to the
// destinations that got the alert, only when the move is abnormal.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmationConfigSchema } from '../../src/market/confirmation.js';
import type { MinuteBar } from '../../src/market/types.js';
import { queueNames, type DeliverJob } from '../../src/pipeline/contracts.js';
import { processConfirmJob } from '../../src/pipeline/confirm-stage.js';
import { processDeliverJob } from '../../src/pipeline/deliver-stage.js';
import { createJsonlSink } from '../../src/sinks/jsonl-sink.js';
import { createRedisPriceBook, createRedisPriceBookReader } from '../../src/stores/price-book.js';
import { createRedisSentLedger } from '../../src/stores/sent-ledger.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

let redis: Redis;
const prefix = uniquePrefix('confirm');
beforeAll(() => {
  redis = connectRedis();
});
afterAll(async () => {
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

// Tuesday 2026-11-24, regular session; news at 11:00 New York (16:00 UTC).
const NEWS = Date.parse('2026-11-24T16:00:00Z');
const MIN = 60_000;

function bars(symbol: string, jumpPct: number): MinuteBar[] {
  const out: MinuteBar[] = [];
  let price = 50;
  for (let m = -90; m < 6; m++) {
    const wiggle = ((m * 7919) % 13) / 13 - 0.5; // deterministic small moves, about ±0.05%
    const next = m === 0 ? price * (1 + jumpPct / 100) : price * (1 + wiggle / 1000);
    out.push({ symbol, start: NEWS + m * MIN, open: price, high: Math.max(price, next), low: Math.min(price, next), close: next, volume: 1000 });
    price = next;
  }
  return out;
}

describe('market confirmation', () => {
  it('sends an update for an abnormal move and nothing for a quiet one', async () => {
    const book = createRedisPriceBook(redis, prefix, { now: () => NEWS + 6 * MIN });
    for (const b of [...bars('JUMP', 4), ...bars('QUIET', 0.02)]) book.book.applyBar(b);
    await book.flush();
    const reader = createRedisPriceBookReader(redis, prefix, { now: () => NEWS + 6 * MIN });
    const deliverQueue = new Queue<DeliverJob>(queueNames.deliver, { connection: redis, prefix });
    const deps = {
      bars: (s: string, since: number) => reader.bars(s, since),
      settings: confirmationConfigSchema.parse({ benchmark: '' }),
      deliverQueue,
      deliverJobOptions: { attempts: 3, backoffMs: 10 },
    };
    const job = (symbol: string) => ({
      alertId: `a-${symbol}`,
      title: `${symbol} wins a contract`,
      symbol,
      newsTime: NEWS,
      horizonMinutes: 5 as const,
      routes: [{ destination: 'file', matched: [symbol] }],
    });

    const quiet = await processConfirmJob(job('QUIET'), deps);
    expect(quiet.abnormal).toBe(false);
    const jump = await processConfirmJob(job('JUMP'), deps);
    expect(jump.abnormal).toBe(true);
    expect(jump.returnPct).toBeGreaterThan(3);
    // The same check again (a retried job) enqueues no second update.
    await processConfirmJob(job('JUMP'), deps);

    const waiting = await deliverQueue.getJobs(['waiting']);
    expect(waiting).toHaveLength(1);
    const file = join(mkdtempSync(join(tmpdir(), 'squawk-confirm-')), 'out.jsonl');
    const sink = createJsonlSink('file', file);
    const ledger = createRedisSentLedger(redis, prefix, 600);
    const result = await processDeliverJob(waiting[0]?.data, { sinks: new Map([['file', sink]]), ledger, now: Date.now });
    expect(result.status).toBe('sent');
    expect((await processDeliverJob(waiting[0]?.data, { sinks: new Map([['file', sink]]), ledger, now: Date.now })).status).toBe('already-sent');
    await sink.close();
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { update: { alertId: string; confirmation: { symbol: string } } });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.update).toMatchObject({ alertId: 'a-JUMP', confirmation: { symbol: 'JUMP', horizonMinutes: 5 } });
    await deliverQueue.close();
    await book.close();
  });
});

describe('confirmation scheduling', () => {
  it('schedules a check at each horizon for the primary ticker of an alert', async () => {
    const { startTestApp } = await import('../support/app.js');
    const { enqueueNews } = await import('../../src/pipeline/enqueue-news.js');
    const p = `${prefix}-sched`;
    const app = await startTestApp(p, ['pipeline'], {
      overrides: {
        market: { provider: 'finnhub' },
        watchlists: [{ id: 'w', guild: 'g', name: 'W', destination: 'out', tickers: ['BABA'] }],
      },
    });
    const published = new Date();
    await enqueueNews({ queue: app.newsQueue, redis }, 'wire', [{ itemKey: 'c1', raw: { guid: 'c1', title: 'Alibaba Group Holding Ltd (NYSE: BABA) agrees to sell its logistics unit', published: published.toUTCString() } }], Date.now());
    const confirmQueue = new Queue(queueNames.confirm, { connection: redis, prefix: p });
    const deadline = Date.now() + 10_000;
    while ((await confirmQueue.getDelayedCount()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const delayed = await confirmQueue.getDelayed();
    expect(delayed.map((j) => [j.data.symbol, j.data.horizonMinutes]).sort()).toEqual([
      ['BABA', 1],
      ['BABA', 15],
      ['BABA', 5],
    ]);
    expect(delayed.every((j) => j.data.routes[0]?.destination === 'out')).toBe(true);
    await confirmQueue.close();
    await app.stop();
    await deletePrefix(redis, p);
  });
});
