// Loopback Alpaca market data: `/v2/{feed}` stock stream and `/v1beta1/news`, with `connected` on open, the auth
// message (402 on a bad key, 404 when none arrives in time, 403 when repeated), 401 for subscribing first, 405 past
// the symbol cap (set unchanged), 406 for a second connection per key and endpoint, `subscription` echoes with the
// whole set, array frames with RFC 3339 nanosecond times, minute bars, halts, and the snapshots REST endpoint.
import { DateTime } from 'luxon';
import { nyDate } from '../../market/sessions.js';
import type { MinuteBar } from '../../market/types.js';
import { previousCloseDate } from './random-walk.js';
import { send, startSimServer, type MarketSimOptions, type MarketSimulator, type SimClient, type SimCore } from './sim-server.js';

export interface AlpacaSimOptions extends MarketSimOptions {
  /** Time allowed to authenticate; default 10 s. */
  authTimeoutMs?: number;
}

export interface AlpacaNewsInput {
  id: number;
  headline: string;
  summary?: string;
  content?: string;
  symbols?: string[];
  url?: string;
  author?: string;
  created_at?: string;
}

export interface AlpacaSimulator extends MarketSimulator {
  newsUrl: string;
  publishNews(story: AlpacaNewsInput): void;
  /** Sends a trading status: halted (`H`, Trading Halt) or resumed (`T`, Trading Resumption). */
  setHalted(symbol: string, halted: boolean): void;
}

/** RFC 3339 with nanoseconds, as Alpaca writes it. */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String(extraNanos % 1_000_000).padStart(6, '0')}Z`;
}

/** Midnight New York of a date, in UTC, as Alpaca stamps daily bars (`…T04:00:00Z` in summer, `T05` in winter). */
const isoDate = (date: string): string =>
  DateTime.fromISO(date, { zone: 'America/New_York' }).toUTC().toISO({ suppressMilliseconds: true }) ?? `${date}T05:00:00Z`;

function error(code: number, msg: string): unknown[] {
  return [{ T: 'error', code, msg }];
}

export async function startAlpacaSimulator(options: AlpacaSimOptions = {}): Promise<AlpacaSimulator> {
  let coreRef: SimCore | undefined;
  const subs = new WeakMap<SimClient, { trades: Set<string>; quotes: Set<string>; statuses: Set<string>; news: Set<string> }>();
  const channelsOf = (c: SimClient) => {
    let s = subs.get(c);
    if (!s) {
      s = { trades: c.symbols, quotes: new Set(), statuses: new Set(), news: new Set() };
      subs.set(c, s);
    }
    return s;
  };
  const capFor = (c: SimClient): number => options.maxSymbols ?? (c.path.endsWith('/iex') ? 30 : Number.POSITIVE_INFINITY);
  const echo = (c: SimClient): unknown[] => {
    const s = channelsOf(c);
    if (c.path.includes('news')) return [{ T: 'subscription', news: [...s.news] }];
    return [{ T: 'subscription', trades: [...s.trades], quotes: [...s.quotes], bars: [...c.bars], updatedBars: [], dailyBars: [], statuses: [...s.statuses], lulds: [], corrections: [...s.trades], cancelErrors: [...s.trades] }];
  };

  const { port, sim } = await startSimServer(options, (core) => {
    coreRef = core;
    return {
      refuseUpgrade: (_req, url) => (/^\/(v2\/(iex|sip|delayed_sip|test)|v1beta1\/news)$/.test(url.pathname) ? null : 404),
      keyOf: () => '',
      onConnect(client) {
        send(client, [{ T: 'success', msg: 'connected' }]);
        const timer = setTimeout(() => {
          if (client.authed) return;
          send(client, error(404, 'auth timeout'));
          client.ws.close(1008);
        }, options.authTimeoutMs ?? 10_000);
        client.ws.on('close', () => clearTimeout(timer));
      },
      onMessage(client, text) {
        let msg: Record<string, unknown>;
        try {
          msg = JSON.parse(text) as Record<string, unknown>;
        } catch {
          send(client, error(400, 'invalid syntax'));
          return;
        }
        const list = (k: string): string[] => (Array.isArray(msg[k]) ? (msg[k] as unknown[]).map(String) : []);
        if (msg.action === 'auth') {
          if (client.authed) return send(client, error(403, 'already authenticated'));
          const key = String(msg.key ?? '');
          if (!core.accepts(key) || !msg.secret) {
            send(client, error(402, 'auth failed'));
            client.ws.close(1008);
            return;
          }
          if ([...core.clients].some((c) => c !== client && c.authed && c.key === key && c.path === client.path)) {
            send(client, error(406, 'connection limit exceeded'));
            client.ws.close(1008);
            return;
          }
          client.key = key;
          client.authed = true;
          send(client, [{ T: 'success', msg: 'authenticated' }]);
          return;
        }
        if (msg.action !== 'subscribe' && msg.action !== 'unsubscribe') return send(client, error(400, 'invalid syntax'));
        if (!client.authed) return send(client, error(401, 'not authenticated'));
        const s = channelsOf(client);
        if (msg.action === 'subscribe') {
          const wanted = new Set([...s.trades, ...s.quotes, ...list('trades'), ...list('quotes')]);
          if (wanted.size > capFor(client)) return send(client, error(405, 'symbol limit exceeded'));
          for (const x of list('trades')) s.trades.add(x);
          for (const x of list('quotes')) s.quotes.add(x);
          for (const x of list('bars')) client.bars.add(x);
          for (const x of list('statuses')) s.statuses.add(x);
          for (const x of list('news')) s.news.add(x);
        } else {
          for (const x of list('trades')) s.trades.delete(x);
          for (const x of list('quotes')) s.quotes.delete(x);
          for (const x of list('bars')) client.bars.delete(x);
          for (const x of list('statuses')) s.statuses.delete(x);
          for (const x of list('news')) s.news.delete(x);
        }
        send(client, echo(client));
      },
      tradeFrames(trades, batchSize) {
        const frames: string[] = [];
        for (let i = 0; i < trades.length; i += batchSize) {
          const batch = trades.slice(i, i + batchSize);
          frames.push(JSON.stringify(batch.map((t) => ({ T: 't', i: t.id, S: t.symbol, x: 'V', p: t.price, s: t.size, t: rfc3339Nano(t.time, t.id * 7919), c: ['@'], z: 'C' }))));
        }
        return frames;
      },
      barFrames(bars: readonly MinuteBar[]) {
        return [JSON.stringify(bars.map((b) => ({ T: 'b', S: b.symbol, o: b.open, h: b.high, l: b.low, c: b.close, v: b.volume, t: new Date(b.start).toISOString().replace('.000Z', 'Z'), n: 1, vw: b.close })))];
      },
      rest(url, req) {
        const key = String(req.headers['apca-api-key-id'] ?? '');
        if (!core.accepts(key) || !req.headers['apca-api-secret-key']) return { status: 403, body: { message: 'forbidden' } };
        const one = /^\/v2\/stocks\/([^/]+)\/snapshot$/.exec(url.pathname);
        if (one) return { status: 200, body: { symbol: one[1], ...snapshot(core, one[1]!) } };
        if (url.pathname !== '/v2/stocks/snapshots') return { status: 404, body: { message: 'Not Found' } };
        const symbols = (url.searchParams.get('symbols') ?? '').split(',').filter(Boolean);
        if (symbols.length === 0) return { status: 400, body: { message: 'missing symbols' } };
        return { status: 200, body: Object.fromEntries(symbols.map((s) => [s, snapshot(core, s)])) };
      },
    };
  });

  const clientsOn = (path: string): SimClient[] => [...(coreRef?.clients ?? [])].filter((c) => c.authed && c.path === path);
  return {
    ...sim,
    url: `ws://127.0.0.1:${port}/v2`,
    newsUrl: `ws://127.0.0.1:${port}/v1beta1/news`,
    restUrl: `http://127.0.0.1:${port}`,
    publishNews(story) {
      const now = coreRef?.market.now() ?? Date.now();
      const created = story.created_at ?? new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const payload = [{ T: 'n', id: story.id, headline: story.headline, summary: story.summary ?? '', author: story.author ?? 'Benzinga Newsdesk', created_at: created, updated_at: created, url: story.url ?? `https://www.benzinga.com/news/${story.id}`, content: story.content ?? '', symbols: story.symbols ?? [], source: 'benzinga' }];
      for (const c of clientsOn('/v1beta1/news')) {
        const wanted = channelsOf(c).news;
        if (wanted.has('*') || (story.symbols ?? []).some((s) => wanted.has(s))) send(c, payload);
      }
    },
    setHalted(symbol, halted) {
      const now = coreRef?.market.now() ?? Date.now();
      const msg = halted
        ? { T: 's', S: symbol, sc: 'H', sm: 'Trading Halt', rc: 'T12', rm: 'Trading Halted; For information requested by NASDAQ', t: rfc3339Nano(now), z: 'C' }
        : { T: 's', S: symbol, sc: 'T', sm: 'Trading Resumption', rc: '', rm: '', t: rfc3339Nano(now), z: 'C' };
      for (const c of [...(coreRef?.clients ?? [])]) {
        const s = channelsOf(c).statuses;
        if (c.authed && (s.has(symbol) || s.has('*'))) send(c, [msg]);
      }
    },
  };
}

function snapshot(core: SimCore, symbol: string): Record<string, unknown> {
  const now = core.market.now();
  const price = core.market.price(symbol);
  const prev = core.market.previousClose(symbol);
  const bar = core.market.runningBar(symbol);
  const t = rfc3339Nano(now);
  return {
    latestTrade: { t, x: 'V', p: price, s: 100, c: ['@'], i: 1, z: 'C' },
    latestQuote: { t, ax: 'V', ap: price + 0.01, as: 1, bx: 'V', bp: price - 0.01, bs: 1, c: ['R'] },
    minuteBar: bar ? { t: new Date(bar.start).toISOString(), o: bar.open, h: bar.high, l: bar.low, c: bar.close, v: bar.volume } : null,
    dailyBar: { t: isoDate(nyDate(now)), o: prev, h: Math.max(prev, price), l: Math.min(prev, price), c: price, v: 1000 },
    prevDailyBar: { t: isoDate(previousCloseDate(now)), o: prev, h: prev, l: prev, c: prev, v: 1000 },
  };
}
