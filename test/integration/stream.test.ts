// The stream role against the Finnhub simulator and real Redis: subscriptions follow the watchlists (with the
// symbol cap and its warning), previous closes come from REST, forced drops never make a stale price look fresh, and
// two role instances fail over through the leader lock.
import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { silentLogger, type Logger } from '../../src/log.js';
import { marketSchema, type MarketConfig } from '../../src/config/market-schema.js';
import { startStreamRole, type StreamRole } from '../../src/roles/stream.js';
import { startDemoMarket, startFinnhubSimulator, previousCloseDate, type FinnhubSimulator, type SimTrade } from '../../src/sim/market/index.js';
import { createRedisPriceBook, createRedisPriceBookReader } from '../../src/stores/price-book.js';
import { createRedisWatchlistStore } from '../../src/stores/watchlists.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

const REGULAR = Date.parse('2026-11-24T15:00:00Z'); // Tue 10:00 New York
const KEY = 'stream-key';

function clock(): () => number {
  const t0 = Date.now();
  return () => REGULAR + (Date.now() - t0);
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function capturingLogger(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

function configFor(sim: FinnhubSimulator, maxSymbols = 50): MarketConfig {
  return marketSchema.parse({
    provider: 'finnhub',
    finnhub: { url: sim.url, restUrl: sim.restUrl, key: KEY, maxSymbols },
    reconnect: { baseMs: 20, maxMs: 200 },
    flushEveryMs: 50,
    reconcileEveryMs: 1_000,
    leaderLock: { ttlMs: 1_000, renewEveryMs: 200 },
  });
}

describe('stream role', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  let prefix = '';
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    const admin = connectRedis();
    await deletePrefix(admin, prefix);
    admin.disconnect();
  });

  async function setUp(options: { maxSymbols?: number; tickers: string[]; onTrades?: (t: readonly SimTrade[]) => void }) {
    prefix = uniquePrefix('stream');
    const now = clock();
    const sim = await startFinnhubSimulator({ keys: [KEY], seed: 3, tickIntervalMs: 20, batchSize: 10, now, ...(options.onTrades ? { onTrades: options.onTrades } : {}) });
    cleanups.push(() => sim.close());
    const admin = connectRedis();
    cleanups.push(() => admin.disconnect());
    const watchlists = createRedisWatchlistStore(admin, prefix);
    await watchlists.upsert({ id: 'w1', guild: 'g1', name: 'main', destination: 'console', minImportance: 0, tickers: options.tickers });
    const reader = createRedisPriceBookReader(admin, prefix, { now });
    return { sim, now, admin, watchlists, reader, config: configFor(sim, options.maxSymbols) };
  }

  async function startRole(env: Awaited<ReturnType<typeof setUp>>, redis: Redis, log: Logger = silentLogger): Promise<StreamRole> {
    const priceBook = createRedisPriceBook(redis, prefix, { flushEveryMs: env.config.flushEveryMs, now: env.now });
    const role = await startStreamRole({ config: env.config, redis, watchlists: createRedisWatchlistStore(redis, prefix), priceBook, log, now: env.now, prefix });
    cleanups.push(() => role.stop());
    return role;
  }

  it('follows watchlist edits, respects the symbol cap with a warning, and loads previous closes', async () => {
    const env = await setUp({ tickers: ['AAPL'], maxSymbols: 3 });
    const redis = connectRedis();
    cleanups.push(() => redis.disconnect());
    const { log, lines } = capturingLogger();
    await startRole(env, redis, log);
    await waitFor(async () => (await env.reader.get('AAPL'))?.last !== undefined, 'AAPL prices in Redis');
    expect((await env.reader.get('AAPL'))?.previousClose).toEqual({ price: env.sim.market.previousClose('AAPL'), date: previousCloseDate(env.now()) });

    await env.watchlists.addTickers('w1', ['MSFT']);
    await waitFor(() => env.sim.stats().subscribed.includes('MSFT'), 'MSFT subscribed');
    await waitFor(async () => (await env.reader.get('MSFT'))?.last !== undefined, 'MSFT prices in Redis');

    await env.watchlists.removeTickers('w1', ['AAPL']);
    await waitFor(() => !env.sim.stats().subscribed.includes('AAPL'), 'AAPL unsubscribed');

    await env.watchlists.addTickers('w1', ['NVDA', 'TSLA', 'AMD']);
    await waitFor(() => env.sim.stats().subscribed.length === 3, 'three symbols subscribed');
    expect(env.sim.stats().subscribed).toEqual(['AMD', 'MSFT', 'NVDA']);
    await waitFor(() => lines.some((l) => l.level === 40 && Array.isArray(l.leftOut)), 'the cap warning');
    const warning = lines.find((l) => l.level === 40 && Array.isArray(l.leftOut))!;
    expect(warning.leftOut).toEqual(['TSLA']);
    expect(String(warning.msg)).toContain('TSLA');
  });

  it('never shows a stale price as fresh across forced drops', async () => {
    const sent = new Map<string, SimTrade>(); // symbol:time:price:size → print
    const maxSent = new Map<string, number>();
    const env = await setUp({
      tickers: ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'AMD'],
      onTrades: (trades) => {
        for (const t of trades) {
          sent.set(`${t.symbol}:${t.time}:${t.price}:${t.size}`, t);
          maxSent.set(t.symbol, Math.max(maxSent.get(t.symbol) ?? 0, t.time));
        }
      },
    });
    const redis = connectRedis();
    cleanups.push(() => redis.disconnect());
    await startRole(env, redis);
    const symbols = ['AAPL', 'MSFT', 'NVDA', 'TSLA', 'AMD'];
    const check = async (): Promise<void> => {
      for (const [symbol, snap] of await env.reader.getMany(symbols)) {
        const last = snap.last;
        if (!last) continue;
        expect(sent.has(`${symbol}:${last.time}:${last.price}:${last.size}`), `${symbol} last ${JSON.stringify(last)} was sent`).toBe(true);
        expect(last.time).toBeLessThanOrEqual(maxSent.get(symbol) ?? 0);
      }
    };
    await waitFor(async () => (await env.reader.getMany(symbols)).size === 5, 'all five symbols in Redis');
    for (let drop = 0; drop < 4; drop++) {
      const before = env.sim.stats().totalConnections;
      await new Promise((r) => setTimeout(r, 300));
      await check();
      env.sim.dropAll();
      await check();
      await waitFor(() => env.sim.stats().totalConnections > before && env.sim.stats().subscribed.length === 5, `reconnect ${drop + 1}`);
    }
    // After the last reconnect prices move again: the book catches up with what the simulator sends.
    const mark = env.now();
    await waitFor(async () => [...(await env.reader.getMany(symbols)).values()].every((s) => (s.last?.time ?? 0) > mark), 'fresh prices after the drops');
    await check();
  });

  it('fails over to a second role instance when the leader dies', async () => {
    const env = await setUp({ tickers: ['AAPL', 'MSFT'] });
    const redisA = connectRedis();
    const redisB = connectRedis();
    cleanups.push(() => redisB.disconnect());
    const a = await startRole(env, redisA);
    await waitFor(() => a.isLeader && env.sim.stats().connections === 1, 'A to lead and stream');
    const b = await startRole(env, redisB);
    await new Promise((r) => setTimeout(r, 500));
    expect(b.isLeader).toBe(false);
    expect(env.sim.stats().connections).toBe(1);

    redisA.disconnect(); // A's process loses Redis abruptly: it must stop streaming and B must take over
    await waitFor(() => b.isLeader, 'B to take over');
    await waitFor(() => !a.isLeader, 'A to step down');
    const mark = env.now();
    await waitFor(async () => ((await env.reader.get('MSFT'))?.last?.time ?? 0) > mark, 'fresh prices written by B');
    expect(env.sim.stats().connections).toBe(1);
    expect(env.sim.stats().subscribed).toEqual(['AAPL', 'MSFT']);
  });
});

describe.each(['finnhub', 'alpaca', 'polygon'] as const)('stream role on the %s demo market', (provider) => {
  it('streams watchlist tickers into Redis with previous closes', async () => {
    const prefix = uniquePrefix('demo');
    const now = clock();
    const demo = await startDemoMarket(marketSchema.parse({ provider, flushEveryMs: 50 }), { now, tickIntervalMs: 20 });
    const redis = connectRedis();
    const watchlists = createRedisWatchlistStore(redis, prefix);
    await watchlists.upsert({ id: 'w1', guild: 'g1', name: 'main', destination: 'console', minImportance: 0, tickers: ['AAPL', 'GME'] });
    const priceBook = createRedisPriceBook(redis, prefix, { flushEveryMs: 50, now });
    const role = await startStreamRole({ config: demo.config, redis, watchlists, priceBook, log: silentLogger, now, prefix });
    try {
      await waitFor(async () => {
        const snaps = await priceBook.getMany(['AAPL', 'GME']);
        return [...snaps.values()].filter((s) => s.last && s.previousClose).length === 2;
      }, 'prices and closes for both tickers');
      const aapl = await priceBook.get('AAPL');
      expect(aapl?.previousClose).toEqual({ price: demo.simulator.market.previousClose('AAPL'), date: previousCloseDate(now()) });
      expect(aapl?.last?.time).toBeLessThanOrEqual(now());
    } finally {
      await role.stop();
      await demo.close();
      await deletePrefix(redis, prefix);
      redis.disconnect();
    }
  });
});

describe('stream role around the close', () => {
  it('fetches the day\'s close over REST after the regular session ends', async () => {
    const prefix = uniquePrefix('close');
    // 15:56 New York, running 200× faster: the close comes 1.2 s later, 16:05 (close + settling time) 2.7 s later.
    const start = Date.parse('2026-11-24T20:56:00Z');
    const t0 = Date.now();
    const now = (): number => start + (Date.now() - t0) * 200;
    const sim = await startFinnhubSimulator({ keys: [KEY], now, tickIntervalMs: 20 });
    const redis = connectRedis();
    const watchlists = createRedisWatchlistStore(redis, prefix);
    await watchlists.upsert({ id: 'w1', guild: 'g1', name: 'main', destination: 'console', minImportance: 0, tickers: ['AAPL'] });
    const config = marketSchema.parse({ provider: 'finnhub', finnhub: { url: sim.url, restUrl: sim.restUrl, key: KEY }, flushEveryMs: 50, reconcileEveryMs: 100 });
    const priceBook = createRedisPriceBook(redis, prefix, { flushEveryMs: 50, now });
    const role = await startStreamRole({ config, redis, watchlists, priceBook, log: silentLogger, now, prefix });
    try {
      await waitFor(async () => ((await redis.hget(`${prefix}:px:AAPL`, 'closes')) ?? '').includes('2026-11-23'), 'the close before today from the start fetch');
      expect(await redis.hget(`${prefix}:px:AAPL`, 'closes')).not.toContain('2026-11-24');
      await waitFor(async () => ((await redis.hget(`${prefix}:px:AAPL`, 'closes')) ?? '').includes('2026-11-24'), "today's close after 16:05");
      // A print of the next day is compared with that close.
      const next = Date.parse('2026-11-25T14:00:00Z');
      priceBook.book.applyTrade('AAPL', 231, 1, next);
      await priceBook.flush();
      const nextDay = createRedisPriceBookReader(redis, prefix, { now: () => next });
      expect((await nextDay.get('AAPL'))?.previousClose?.date).toBe('2026-11-24');
    } finally {
      await role.stop();
      await sim.close();
      await deletePrefix(redis, prefix);
      redis.disconnect();
    }
  });
});
