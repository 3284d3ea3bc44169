// The price book's Redis layout: flush in one pipeline, read from another connection, bars capped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createRedisPriceBook, createRedisPriceBookReader } from '../../src/stores/price-book.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

const REG = Date.parse('2026-11-24T15:00:00Z'); // Tue 10:00 New York
const NEXT = Date.parse('2026-11-25T15:00:00Z');

describe('Redis price book', () => {
  let writer: Redis;
  let reader: Redis;
  let prefix: string;
  beforeAll(() => {
    writer = connectRedis();
    reader = connectRedis();
  });
  afterEach(async () => deletePrefix(writer, prefix));
  afterAll(async () => {
    writer.disconnect();
    reader.disconnect();
  });

  it('flushes snapshots that another connection reads back', async () => {
    prefix = uniquePrefix('pb');
    let now = REG + 1_000;
    const pb = createRedisPriceBook(writer, prefix, { now: () => now });
    pb.book.applyTrade('AAPL', 100, 10, REG);
    pb.book.applyTrade('AAPL', 101, 5, REG + 500);
    pb.book.applyStatus('AAPL', true, 'Trading Halt');
    pb.setPreviousClose('AAPL', 99, '2026-11-23');
    pb.book.applyTrade('MSFT', 400, 1, REG);
    await pb.flush();
    const r = createRedisPriceBookReader(reader, prefix, { now: () => now });
    expect(await r.get('AAPL')).toEqual({
      symbol: 'AAPL',
      last: { price: 101, size: 5, time: REG + 500 },
      day: { open: 100, high: 101, low: 100, volume: 15, date: '2026-11-24' },
      previousClose: { price: 99, date: '2026-11-23' },
      halted: true,
      haltReason: 'Trading Halt',
      updatedAt: REG + 1_000,
    });
    expect(await r.get('NOPE')).toBeNull();
    const many = await r.getMany(['AAPL', 'MSFT', 'NOPE']);
    expect([...many.keys()]).toEqual(['AAPL', 'MSFT']);
    // Next day: the reference close is the one before the last print's own day. Before any trade that is still
    // Monday's (unknown here); once the day's first print arrives, yesterday's last regular trade is the close.
    now = NEXT;
    expect((await r.get('MSFT'))?.previousClose).toBeUndefined();
    expect((await r.get('MSFT'))?.day).toBeUndefined();
    pb.book.applyTrade('MSFT', 402, 1, NEXT);
    await pb.flush();
    expect((await r.get('MSFT'))?.previousClose).toEqual({ price: 400, date: '2026-11-24' });
    await pb.close();
  });

  it('keeps finished minute bars plus the running one, capped to the configured trading days', async () => {
    prefix = uniquePrefix('pb');
    const pb = createRedisPriceBook(writer, prefix, { now: () => REG + 3 * 60_000, barsKeepDays: 1 });
    for (let m = 0; m < 3; m++) pb.book.applyTrade('AAPL', 100 + m, 1, REG + m * 60_000);
    await pb.flush();
    const r = createRedisPriceBookReader(reader, prefix);
    const bars = await r.bars('AAPL');
    expect(bars.map((b) => [b.start, b.close])).toEqual([
      [REG, 100],
      [REG + 60_000, 101],
      [REG + 120_000, 102],
    ]);
    expect((await r.bars('AAPL', REG + 60_000)).length).toBe(2);
    // 1 day = 960 bars; write 1,000 finished bars and expect the oldest 40 gone.
    for (let m = 3; m < 1_003; m++) pb.book.applyTrade('AAPL', 100, 1, REG + m * 60_000);
    await pb.flush();
    expect(await writer.zcard(`${prefix}:px:bars:AAPL`)).toBe(960);
    await pb.close();
  });

  it('hydrates a fresh book from Redis so a new leader keeps aggregates and closes', async () => {
    prefix = uniquePrefix('pb');
    const first = createRedisPriceBook(writer, prefix, { now: () => REG });
    first.book.applyTrade('AAPL', 100, 10, REG);
    first.setPreviousClose('AAPL', 98, '2026-11-23');
    await first.close();
    const second = createRedisPriceBook(reader, prefix, { now: () => REG + 1_000 });
    await second.hydrate(['AAPL', 'NEW']);
    second.book.applyTrade('AAPL', 102, 1, REG + 1_000);
    await second.flush();
    const snap = await second.get('AAPL');
    expect(snap?.day).toMatchObject({ open: 100, high: 102, volume: 11 });
    expect(snap?.previousClose).toEqual({ price: 98, date: '2026-11-23' });
    await second.close();
  });
});
