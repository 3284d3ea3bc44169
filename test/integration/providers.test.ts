// One conformance suite for every market-data adapter, run against the loopback simulator of its provider's protocol.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AlpacaNewsStream, type NewsStreamItem } from '../../src/market/providers/alpaca-news.js';
import { AlpacaProvider } from '../../src/market/providers/alpaca.js';
import { AuthFailedError, SymbolLimitError } from '../../src/market/providers/errors.js';
import { FinnhubProvider } from '../../src/market/providers/finnhub.js';
import type { ConnectionStatus, MarketDataProvider, MarketEvent, ProviderConnectionOptions, TradeEvent } from '../../src/market/providers/market-data-provider.js';
import { PolygonProvider } from '../../src/market/providers/polygon.js';
import { createAlpacaCloses, createFinnhubCloses, createPolygonCloses, type PreviousCloseSource } from '../../src/market/providers/previous-close.js';
import { startAlpacaSimulator, startFinnhubSimulator, startPolygonSimulator, previousCloseDate, type MarketSimOptions, type MarketSimulator, type SimTrade } from '../../src/sim/market/index.js';

/** Tuesday 2026-11-24 10:00 New York: the regular session. */
const REGULAR = Date.parse('2026-11-24T15:00:00Z');
const KEY = 'good-key';

function clock(speed = 1): () => number {
  const t0 = Date.now();
  return () => REGULAR + Math.floor((Date.now() - t0) * speed);
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fast: Partial<ProviderConnectionOptions> = { reconnect: { baseMs: 20, maxMs: 200 } };

interface Case {
  name: string;
  start(o: MarketSimOptions): Promise<MarketSimulator>;
  make(sim: MarketSimulator, key: string, extra?: Partial<ProviderConnectionOptions>): MarketDataProvider;
  closes(sim: MarketSimulator, key: string): PreviousCloseSource;
  /** Whether the provider has a symbol cap it reports in-band (Polygon documents none). */
  symbolLimit: boolean;
  /** Whether the provider streams minute bars. */
  bars: boolean;
  /** Whether the client pings (RFC 6455) rather than the server sending JSON pings. */
  clientPings: boolean;
}

const cases: Case[] = [
  {
    name: 'finnhub',
    start: (o) => startFinnhubSimulator({ pingIntervalMs: 50, ...o }),
    make: (sim, key, extra) => new FinnhubProvider({ url: sim.url, key, ...fast, ...extra }),
    closes: (sim, key) => createFinnhubCloses({ restUrl: sim.restUrl, key }),
    symbolLimit: true,
    bars: false,
    clientPings: false,
  },
  {
    name: 'alpaca',
    start: (o) => startAlpacaSimulator(o),
    make: (sim, key, extra) => new AlpacaProvider({ url: sim.url, key, secret: 'secret', feed: 'iex', ...fast, ...extra }),
    closes: (sim, key) => createAlpacaCloses({ restUrl: sim.restUrl, keyId: key, secretKey: 'secret', feed: 'iex' }),
    symbolLimit: true,
    bars: true,
    clientPings: true,
  },
  {
    name: 'polygon',
    start: (o) => startPolygonSimulator(o),
    make: (sim, key, extra) => new PolygonProvider({ url: sim.url, key, ...fast, ...extra }),
    closes: (sim, key) => createPolygonCloses({ restUrl: sim.restUrl, key }),
    symbolLimit: false,
    bars: true,
    clientPings: true,
  },
];

describe.each(cases)('$name adapter conformance', (c) => {
  let sim: MarketSimulator | undefined;
  let provider: MarketDataProvider | undefined;
  let sent: SimTrade[] = [];

  afterEach(async () => {
    await provider?.close();
    await sim?.close();
    provider = undefined;
    sim = undefined;
    sent = [];
  });

  async function setUp(o: MarketSimOptions = {}, extra: Partial<ProviderConnectionOptions> = {}) {
    sim = await c.start({ keys: [KEY], seed: 7, tickIntervalMs: 20, batchSize: 10, now: clock(), onTrades: (t) => sent.push(...t), ...o });
    provider = c.make(sim, KEY, extra);
    const events: MarketEvent[] = [];
    const statuses: ConnectionStatus[] = [];
    provider.on('event', (e) => events.push(e));
    provider.on('status', (s) => statuses.push(s));
    return { sim, provider, events, statuses, trades: () => events.filter((e): e is TradeEvent => e.type === 'trade') };
  }

  it('authenticates, and normalizes the trades of subscribed symbols', async () => {
    const { provider, trades, statuses } = await setUp();
    await provider.connect();
    expect(provider.connected).toBe(true);
    expect(statuses.some((s) => s.type === 'authenticated')).toBe(true);
    provider.subscribe(['AAPL', 'MSFT']);
    await waitFor(() => new Set(trades().map((t) => t.symbol)).size === 2 && trades().length >= 20, 'trades of both symbols');
    for (const t of trades()) {
      expect(['AAPL', 'MSFT']).toContain(t.symbol);
      const match = sent.find((s) => s.symbol === t.symbol && s.price === t.price && s.size === t.size && s.time === t.time);
      expect(match, `trade ${JSON.stringify(t)} matches a print the simulator sent`).toBeDefined();
    }
  });

  it('rejects connect() with a typed error when the key is refused', async () => {
    const s = await c.start({ keys: [KEY], now: clock() });
    sim = s;
    provider = c.make(s, 'wrong-key');
    const failure = await provider.connect().then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(AuthFailedError);
    expect(provider.connected).toBe(false);
  });

  it('stops delivering a symbol after unsubscribe', async () => {
    const { sim, provider, events, trades } = await setUp();
    await provider.connect();
    provider.subscribe(['AAPL', 'MSFT']);
    await waitFor(() => trades().some((t) => t.symbol === 'MSFT') && trades().some((t) => t.symbol === 'AAPL'), 'trades of both');
    provider.unsubscribe(['MSFT']);
    expect([...provider.subscriptions()]).toEqual(['AAPL']);
    await waitFor(() => !sim.stats().subscribed.includes('MSFT'), 'the server to drop MSFT');
    await sleep(100); // frames already on the wire may still arrive
    events.length = 0;
    await waitFor(() => trades().length >= 30, 'more AAPL trades');
    expect(trades().filter((t) => t.symbol === 'MSFT')).toEqual([]);
  });

  it.runIf(c.symbolLimit)('surfaces a symbol-limit error naming the refused symbol and stops asking for it', async () => {
    const { provider, statuses, trades } = await setUp({ maxSymbols: 2 });
    await provider.connect();
    provider.subscribe(['AAPL', 'MSFT']);
    await waitFor(() => trades().length > 0, 'first trades');
    provider.subscribe(['NVDA']);
    await waitFor(() => statuses.some((s) => s.type === 'error'), 'an error status');
    const error = statuses.flatMap((s) => (s.type === 'error' ? [s.error] : []))[0];
    expect(error).toBeInstanceOf(SymbolLimitError);
    expect((error as SymbolLimitError).symbols).toEqual(['NVDA']);
    expect([...provider.subscriptions()].sort()).toEqual(['AAPL', 'MSFT']);
    expect(provider.connected).toBe(true);
  });

  it('keeps an idle connection alive through the provider\'s pings', async () => {
    const { sim, provider, statuses } = await setUp({}, { idleTimeoutMs: 300, pingEveryMs: 50 });
    await provider.connect();
    await sleep(1_000);
    expect(sim.stats().totalConnections).toBe(1);
    expect(provider.connected).toBe(true);
    expect(statuses.filter((s) => s.type === 'disconnected')).toEqual([]);
    if (c.clientPings) expect(sim.stats().pingsReceived).toBeGreaterThanOrEqual(5);
  });

  it('treats a silent socket as dead and reconnects', async () => {
    // No subscriptions, so no trades; Finnhub's server pings are turned off, and Alpaca/Polygon keep their default
    // 10 s / 25 s client ping: a 150 ms watchdog sees silence and reconnects.
    const { sim, provider, statuses } = await setUp({ pingIntervalMs: 1_000_000 } as MarketSimOptions, { idleTimeoutMs: 150 });
    await provider.connect();
    await waitFor(() => sim.stats().totalConnections >= 2, 'a reconnect after silence');
    expect(statuses.some((s) => s.type === 'disconnected')).toBe(true);
  });

  it('reconnects after a drop and resubscribes', async () => {
    const { sim, provider, statuses, trades, events } = await setUp();
    await provider.connect();
    provider.subscribe(['AAPL', 'TSLA']);
    await waitFor(() => trades().length > 5, 'trades before the drop');
    sim.dropAll();
    await waitFor(() => statuses.some((s) => s.type === 'authenticated' && s.reconnect), 'reauthentication');
    events.length = 0;
    await waitFor(() => new Set(trades().map((t) => t.symbol)).size === 2, 'trades of both symbols after the drop');
    expect(sim.stats().totalConnections).toBe(2);
    expect(sim.stats().subscribed).toEqual(['AAPL', 'TSLA']);
  });

  it.runIf(c.bars)('delivers minute bars', async () => {
    const { provider, events } = await setUp({ now: clock(120) });
    await provider.connect();
    provider.subscribe(['AAPL']);
    await waitFor(() => events.some((e) => e.type === 'bar'), 'a minute bar');
    const bar = events.find((e) => e.type === 'bar')!;
    expect(bar).toMatchObject({ type: 'bar', symbol: 'AAPL' });
    if (bar.type !== 'bar') throw new Error('unreachable');
    expect(bar.start % 60_000).toBe(0);
    expect(bar.low).toBeLessThanOrEqual(bar.high);
    expect(bar.volume).toBeGreaterThan(0);
  });

  it('serves the previous close over REST and dates it', async () => {
    const now = clock();
    const s = await c.start({ keys: [KEY], now, symbols: { AAPL: 201.5 } });
    sim = s;
    const closes = await c.closes(s, KEY).fetchCloses(['AAPL'], now());
    expect(closes.get('AAPL')).toEqual([{ price: 201.5, date: previousCloseDate(now()) }]);
    const refused = await c.closes(s, 'wrong-key').fetchCloses(['AAPL'], now()).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthFailedError);
  });
});

describe('alpaca specifics', () => {
  it('maps trading halts and resumptions to status events', async () => {
    const sim = await startAlpacaSimulator({ keys: [KEY], now: clock(), tickIntervalMs: 50 });
    const provider = new AlpacaProvider({ url: sim.url, key: KEY, secret: 's', feed: 'iex', ...fast });
    const events: MarketEvent[] = [];
    provider.on('event', (e) => events.push(e));
    try {
      await provider.connect();
      provider.subscribe(['GME']);
      await waitFor(() => events.length > 0, 'first trade (subscription active)');
      sim.setHalted('GME', true);
      sim.setHalted('GME', false);
      await waitFor(() => events.filter((e) => e.type === 'status').length === 2, 'halt and resume');
      const statuses = events.filter((e) => e.type === 'status');
      expect(statuses[0]).toMatchObject({ symbol: 'GME', halted: true });
      expect(statuses[0]?.type === 'status' && statuses[0].reason).toContain('Trading Halt');
      expect(statuses[1]).toMatchObject({ symbol: 'GME', halted: false });
    } finally {
      await provider.close();
      await sim.close();
    }
  });

  it('streams news stories as raw items keyed by the provider id', async () => {
    const sim = await startAlpacaSimulator({ keys: [KEY], now: clock() });
    const stream = new AlpacaNewsStream({ url: sim.newsUrl, key: KEY, secret: 's', ...fast });
    const items: NewsStreamItem[] = [];
    stream.on('event', (i) => items.push(i));
    try {
      await stream.connect();
      await waitFor(() => sim.stats().subscribed.length === 0 && stream.connected, 'subscription');
      await sleep(50);
      sim.publishNews({ id: 24918784, headline: 'Corsair Reports Purchase Of Majority Ownership In iDisplay', symbols: ['CRSR'], content: '<p>Corsair Gaming, Inc. (NASDAQ:CRSR)</p>', created_at: '2022-01-05T22:00:37Z' });
      await waitFor(() => items.length === 1, 'one story');
      expect(items[0]).toEqual({
        source: 'alpaca-news',
        itemKey: '24918784',
        raw: {
          guid: '24918784',
          title: 'Corsair Reports Purchase Of Majority Ownership In iDisplay',
          link: 'https://www.benzinga.com/news/24918784',
          body: '<p>Corsair Gaming, Inc. (NASDAQ:CRSR)</p>',
          published: '2022-01-05T22:00:37Z',
          tickers: ['CRSR'],
          author: 'Benzinga Newsdesk',
        },
      });
    } finally {
      await stream.close();
      await sim.close();
    }
  });

  it('refuses a second connection for the same key with 406 and retries', async () => {
    const sim = await startAlpacaSimulator({ keys: [KEY], now: clock() });
    const first = new AlpacaProvider({ url: sim.url, key: KEY, secret: 's', ...fast });
    const second = new AlpacaProvider({ url: sim.url, key: KEY, secret: 's', ...fast });
    const statuses: ConnectionStatus[] = [];
    second.on('status', (s) => statuses.push(s));
    try {
      await first.connect();
      void second.connect().catch(() => undefined);
      await waitFor(() => statuses.some((s) => s.type === 'error' && s.error.code === 406), 'a 406');
      expect(second.connected).toBe(false);
      await first.close();
      await second.connect();
      expect(second.connected).toBe(true);
    } finally {
      await first.close();
      await second.close();
      await sim.close();
    }
  });
});

describe('simulator protocol details', () => {
  it('alpaca: sends 404 auth timeout and closes when no auth arrives in time', async () => {
    const sim = await startAlpacaSimulator({ keys: [KEY], now: clock(), authTimeoutMs: 100 });
    const frames: string[] = [];
    const ws = new WebSocket(`${sim.url}/iex`);
    ws.on('message', (d: Buffer) => frames.push(d.toString()));
    try {
      const code = await new Promise<number>((resolve) => ws.once('close', (c: number) => resolve(c)));
      expect(frames).toEqual(['[{"T":"success","msg":"connected"}]', '[{"T":"error","code":404,"msg":"auth timeout"}]']);
      expect(code).toBe(1008);
    } finally {
      await sim.close();
    }
  });

  it('finnhub: a second connection with the same token drops both, as observed live', async () => {
    const sim = await startFinnhubSimulator({ keys: [KEY], now: clock() });
    const a = new WebSocket(`${sim.url}?token=${KEY}`);
    const closed = new Promise<void>((resolve) => a.once('close', () => resolve()));
    await new Promise((r) => a.once('open', r));
    const b = new WebSocket(`${sim.url}?token=${KEY}`);
    const closedB = new Promise<void>((resolve) => b.once('close', () => resolve()));
    try {
      await Promise.all([closed, closedB]);
      expect(sim.stats().connections).toBe(0);
    } finally {
      a.terminate();
      b.terminate();
      await sim.close();
    }
  });

  it('polygon: sends max_connections then closes 1008 for a second session on the key', async () => {
    const sim = await startPolygonSimulator({ keys: [KEY], now: clock() });
    const first = new PolygonProvider({ url: sim.url, key: KEY, ...fast });
    await first.connect();
    const frames: string[] = [];
    const ws = new WebSocket(sim.url);
    ws.on('message', (d: Buffer) => {
      frames.push(d.toString());
      if (frames.length === 1) ws.send(JSON.stringify({ action: 'auth', params: KEY }));
    });
    try {
      const code = await new Promise<number>((resolve) => ws.once('close', (c: number) => resolve(c)));
      expect(code).toBe(1008);
      expect(frames.map((f) => (JSON.parse(f) as Array<{ status: string }>)[0]?.status)).toEqual(['connected', 'auth_success', 'max_connections']);
    } finally {
      await first.close();
      await sim.close();
    }
  });
});
