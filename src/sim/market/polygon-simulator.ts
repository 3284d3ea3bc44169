// Loopback Polygon.io / Massive stocks socket: `connected` status on open, `{"action":"auth","params":key}` →
// `auth_success` or `auth_failed` (then close), one `success` ack per channel.symbol, `max_connections` + close 1008
// for a second session on the same key, JSON-array frames of `T` trades (string ids, int conditions, ms times) and
// `AM` minute aggregates, and `/v2/aggs/ticker/{T}/prev` on the same port. Polygon documents no symbol cap, so
// `maxSymbols` is not enforced here.
import { DateTime } from 'luxon';
import { previousCloseDate } from './random-walk.js';
import { send, startSimServer, type MarketSimOptions, type MarketSimulator, type SimClient } from './sim-server.js';

const status = (s: string, message: string): { ev: 'status'; status: string; message: string } => ({ ev: 'status', status: s, message });

export async function startPolygonSimulator(options: MarketSimOptions = {}): Promise<MarketSimulator> {
  const { port, sim } = await startSimServer(options, (core) => ({
    refuseUpgrade: (_req, url) => (url.pathname === '/stocks' ? null : 404),
    keyOf: () => '',
    onConnect(client: SimClient) {
      send(client, [status('connected', 'Connected Successfully')]);
      const timer = setTimeout(() => {
        if (client.authed) return;
        send(client, [status('auth_timeout', 'No authentication request received.')]);
        client.ws.close(1008);
      }, 10_000);
      client.ws.on('close', () => clearTimeout(timer));
    },
    onMessage(client, text) {
      let msg: { action?: string; params?: string };
      try {
        msg = JSON.parse(text) as typeof msg;
      } catch {
        return send(client, [status('error', 'Invalid JSON')]);
      }
      if (msg.action === 'auth') {
        const key = msg.params ?? '';
        if (!core.accepts(key)) {
          send(client, [status('auth_failed', 'authentication failed')]);
          client.ws.close(1008);
          return;
        }
        client.key = key;
        client.authed = true;
        send(client, [status('auth_success', 'authenticated')]);
        if ([...core.clients].some((c) => c !== client && c.authed && c.key === key)) {
          send(client, [status('max_connections', 'Maximum number of websocket connections exceeded. You have reached the connection limit for your account. Please contact support at https://polygon.io/contact to increase your limit.')]);
          client.ws.close(1008, 'max_connections');
        }
        return;
      }
      if (!client.authed) return send(client, [status('error', 'not authorized')]);
      if (msg.action !== 'subscribe' && msg.action !== 'unsubscribe') return send(client, [status('error', `unknown action: ${String(msg.action)}`)]);
      const acks: unknown[] = [];
      for (const item of (msg.params ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
        const [channel, symbol] = item.split('.', 2) as [string, string | undefined];
        if (!symbol) continue;
        const set = channel === 'T' ? client.symbols : channel === 'AM' ? client.bars : null;
        if (msg.action === 'subscribe') set?.add(symbol);
        else set?.delete(symbol);
        acks.push(status('success', `${msg.action === 'subscribe' ? 'subscribed' : 'unsubscribed'} to: ${item}`));
      }
      if (acks.length > 0) send(client, acks);
    },
    tradeFrames(trades, batchSize) {
      const frames: string[] = [];
      for (let i = 0; i < trades.length; i += batchSize) {
        frames.push(JSON.stringify(trades.slice(i, i + batchSize).map((t) => ({ ev: 'T', sym: t.symbol, x: 4, i: String(t.id), z: 3, p: t.price, s: t.size, c: [0, 12], t: t.time, q: t.id }))));
      }
      return frames;
    },
    barFrames(bars) {
      return [JSON.stringify(bars.map((b) => ({ ev: 'AM', sym: b.symbol, v: b.volume, av: b.volume, op: b.open, vw: b.close, o: b.open, c: b.close, h: b.high, l: b.low, a: b.close, z: 100, s: b.start, e: b.start + 60_000 })))];
    },
    rest(url, req) {
      const auth = String(req.headers.authorization ?? '').replace(/^Bearer /, '') || (url.searchParams.get('apiKey') ?? '');
      if (!core.accepts(auth)) return { status: 401, body: { status: 'ERROR', request_id: 'sim', error: 'Unknown API Key' } };
      const m = /^\/v2\/aggs\/ticker\/([^/]+)\/prev$/.exec(url.pathname);
      if (!m) return { status: 404, body: { status: 'NOT_FOUND', request_id: 'sim', message: 'Not Found' } };
      const symbol = decodeURIComponent(m[1]!);
      const now = core.market.now();
      const c = core.market.previousClose(symbol);
      const date = previousCloseDate(now);
      const start = DateTime.fromISO(date, { zone: 'America/New_York' }).toMillis();
      return {
        status: 200,
        body: { ticker: symbol, queryCount: 1, resultsCount: 1, adjusted: true, results: [{ T: symbol, v: 1000, vw: c, o: c, c, h: c, l: c, t: start, n: 10 }], status: 'OK', request_id: 'sim', count: 1 },
      };
    },
  }));
  return { ...sim, url: `ws://127.0.0.1:${port}/stocks`, restUrl: `http://127.0.0.1:${port}` };
}
