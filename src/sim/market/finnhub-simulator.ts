// Loopback Finnhub: token in the query string (401 at the upgrade otherwise), one subscribe per symbol with no
// acknowledgement, "Subscribing to too many symbols" past the cap, `{"type":"ping"}` on a timer, trade frames that
// batch several symbols, and the REST quote (`pc` = previous close) on the same port. A second connection with the
// same token drops both, as observed on the real service.
import { lastRegularClose, sessionAt } from '../../market/sessions.js';
import { send, startSimServer, type MarketSimOptions, type MarketSimulator, type SimClient, type SimCore } from './sim-server.js';

export interface FinnhubSimOptions extends MarketSimOptions {
  /** `{"type":"ping"}` period; default 15 s. */
  pingIntervalMs?: number;
  /** Drop both sockets when a second one uses the same token (default true; benchmarks turn it off). */
  exclusive?: boolean;
}

export interface FinnhubSimulator extends MarketSimulator {
  /** Builds one trade frame exactly as the server sends it. */
  frame(trades: ReadonlyArray<{ symbol: string; price: number; size: number; time: number }>): string;
}

const frameOf = (trades: ReadonlyArray<{ symbol: string; price: number; size: number; time: number }>): string =>
  JSON.stringify({ data: trades.map((t) => ({ c: ['1', '12'], p: t.price, s: t.symbol, t: t.time, v: t.size })), type: 'trade' });

export async function startFinnhubSimulator(options: FinnhubSimOptions = {}): Promise<FinnhubSimulator> {
  const maxSymbols = options.maxSymbols ?? 50;
  let coreRef: SimCore | undefined;
  const { port, sim } = await startSimServer(options, (core) => {
    coreRef = core;
    return {
      refuseUpgrade: (_req, url) => (core.accepts(url.searchParams.get('token') ?? '') ? null : 401),
      keyOf: (url) => url.searchParams.get('token') ?? '',
      onConnect(client: SimClient) {
        client.authed = true;
        if (options.exclusive === false) return;
        const others = [...core.clients].filter((c) => c !== client && c.key === client.key);
        if (others.length > 0) {
          for (const c of [...others, client]) {
            core.clients.delete(c);
            c.ws.close(1000);
          }
        }
      },
      onMessage(client, text) {
        let msg: { type?: string; symbol?: string };
        try {
          msg = JSON.parse(text) as typeof msg;
        } catch {
          return;
        }
        const symbol = msg.symbol ?? '';
        if (msg.type === 'subscribe') {
          if (!/^[A-Z][A-Z0-9.:-]{0,20}$/.test(symbol)) send(client, { msg: `Invalid symbol ${symbol}`, type: 'error' });
          else if (!client.symbols.has(symbol) && client.symbols.size >= maxSymbols) send(client, { msg: 'Subscribing to too many symbols', type: 'error' });
          else client.symbols.add(symbol);
        } else if (msg.type === 'unsubscribe') {
          client.symbols.delete(symbol);
        }
      },
      tradeFrames(trades, batchSize) {
        const frames: string[] = [];
        for (let i = 0; i < trades.length; i += batchSize) frames.push(frameOf(trades.slice(i, i + batchSize)));
        return frames;
      },
      rest(url, req) {
        const token = url.searchParams.get('token') ?? String(req.headers['x-finnhub-token'] ?? '');
        if (!token) return { status: 401, body: { error: 'Please use an API key.' } };
        if (!core.accepts(token)) return { status: 401, body: { error: 'Invalid API key' } };
        if (url.pathname !== '/api/v1/quote') return { status: 404, body: { error: 'Not found' } };
        const symbol = url.searchParams.get('symbol') ?? '';
        if (!/^[A-Z][A-Z0-9.-]{0,9}$/.test(symbol)) return { status: 200, body: { c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 } };
        const now = core.market.now();
        const c = core.market.price(symbol);
        const pc = core.market.previousClose(symbol);
        const bar = core.market.runningBar(symbol);
        return {
          status: 200,
          body: {
            c,
            d: Math.round((c - pc) * 10_000) / 10_000,
            dp: Math.round(((c - pc) / pc) * 1_000_000) / 10_000,
            h: Math.max(c, bar?.high ?? c),
            l: Math.min(c, bar?.low ?? c),
            o: bar?.open ?? pc,
            pc,
            // `t` is the time of the last price: overnight that is the last close, not the wall clock.
            t: Math.floor((sessionAt(now) === 'closed' ? lastRegularClose(now) : now) / 1000),
          },
        };
      },
    };
  });
  const pingTimer = setInterval(() => {
    for (const c of coreRef?.clients ?? []) send(c, '{"type":"ping"}');
  }, options.pingIntervalMs ?? 15_000);
  return {
    ...sim,
    url: `ws://127.0.0.1:${port}`,
    restUrl: `http://127.0.0.1:${port}/api/v1`,
    frame: frameOf,
    async close() {
      clearInterval(pingTimer);
      await sim.close();
    },
  };
}

