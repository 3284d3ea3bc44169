// Plumbing shared by the market-data simulators: one loopback HTTP server for the REST snapshot and the websocket
// upgrade, a client registry, and the tick loop that turns the random walk into protocol frames.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { MinuteBar } from '../../market/types.js';
import { RandomWalkMarket, type SimTrade } from './random-walk.js';

export interface MarketSimOptions {
  port?: number;
  seed?: number;
  /** Start prices; other symbols get a deterministic price derived from the symbol. */
  symbols?: Record<string, number>;
  tickIntervalMs?: number;
  /** Trades per tick in the regular session (scaled down outside it); also the most trades in one frame. */
  batchSize?: number;
  /** Accepted keys; any non-empty key when omitted. */
  keys?: string[];
  maxSymbols?: number;
  now?: () => number;
  /** Called with every batch of prints sent, so tests can compare what arrived with what left. */
  onTrades?: (trades: readonly SimTrade[]) => void;
}

export interface SimClient {
  ws: WebSocket;
  key: string;
  path: string;
  authed: boolean;
  /** Trade symbols (and, per protocol, bars/status). */
  symbols: Set<string>;
  bars: Set<string>;
  pings: number;
}

export interface SimStats {
  connections: number;
  totalConnections: number;
  pingsReceived: number;
  subscribed: string[];
}

export interface MarketSimulator {
  url: string;
  restUrl: string;
  /** Closes every client socket abruptly, like a network drop. */
  dropAll(): void;
  /** Sends a raw text frame to every authenticated client (error-path tests, benchmarks). */
  sendRaw(frame: string): void;
  /** Sends frames `rounds` times to every client (or those using `key`) as fast as they drain. */
  blast(frames: readonly string[], rounds: number, key?: string): Promise<void>;
  stats(): SimStats;
  market: RandomWalkMarket;
  close(): Promise<void>;
}

export interface Protocol {
  /** HTTP status to refuse the upgrade with, or null to accept. */
  refuseUpgrade(req: IncomingMessage, url: URL): number | null;
  keyOf(url: URL, req: IncomingMessage): string;
  onConnect(client: SimClient): void;
  onMessage(client: SimClient, text: string): void;
  /** Frames carrying these prints to one client. */
  tradeFrames(trades: readonly SimTrade[], batchSize: number): string[];
  barFrames?(bars: readonly MinuteBar[]): string[];
  rest(url: URL, req: IncomingMessage): { status: number; body: unknown };
}

export interface SimCore {
  clients: Set<SimClient>;
  options: MarketSimOptions;
  market: RandomWalkMarket;
  accepts(key: string): boolean;
}

export function send(client: SimClient, payload: unknown): void {
  if (client.ws.readyState === client.ws.OPEN) client.ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
}

export async function startSimServer(
  options: MarketSimOptions,
  makeProtocol: (core: SimCore) => Protocol,
): Promise<{ port: number; sim: Omit<MarketSimulator, 'url' | 'restUrl'>; core: SimCore }> {
  const market = new RandomWalkMarket(options.seed ?? 1, options.symbols ?? {}, options.now ?? Date.now);
  const clients = new Set<SimClient>();
  let totalConnections = 0;
  let pingsReceived = 0;
  const core: SimCore = {
    clients,
    options,
    market,
    accepts: (key) => (options.keys ? options.keys.includes(key) : key.length > 0),
  };
  const protocol = makeProtocol(core);
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { status, body } = protocol.rest(url, req);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refused = protocol.refuseUpgrade(req, url);
    if (refused !== null) {
      const text = refused === 401 ? 'Unauthorized' : refused === 404 ? 'Not Found' : 'Refused';
      socket.end(`HTTP/1.1 ${refused} ${text}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: SimClient = { ws, key: protocol.keyOf(url, req), path: url.pathname, authed: false, symbols: new Set(), bars: new Set(), pings: 0 };
      clients.add(client);
      totalConnections += 1;
      ws.on('ping', () => {
        client.pings += 1;
        pingsReceived += 1;
      });
      ws.on('message', (data: Buffer) => protocol.onMessage(client, data.toString()));
      ws.on('close', () => clients.delete(client));
      ws.on('error', () => clients.delete(client));
      protocol.onConnect(client);
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const batchSize = options.batchSize ?? 20;
  const tick = (): void => {
    const union = new Set<string>();
    for (const c of clients) if (c.authed) for (const s of c.symbols) union.add(s);
    const bars: MinuteBar[] = [];
    const trades = union.size > 0 ? market.next([...union], market.tradesPerTick(batchSize), bars) : [];
    market.closeStaleBars(bars);
    if (trades.length > 0) options.onTrades?.(trades);
    for (const c of clients) {
      if (!c.authed) continue;
      const mine = trades.filter((t) => c.symbols.has(t.symbol));
      if (mine.length > 0) for (const f of protocol.tradeFrames(mine, batchSize)) send(c, f);
      if (protocol.barFrames) {
        const myBars = bars.filter((b) => c.bars.has(b.symbol));
        if (myBars.length > 0) for (const f of protocol.barFrames(myBars)) send(c, f);
      }
    }
  };
  const timer = setInterval(tick, options.tickIntervalMs ?? 100);

  const sim: Omit<MarketSimulator, 'url' | 'restUrl'> = {
    market,
    dropAll() {
      for (const c of [...clients]) {
        clients.delete(c);
        c.ws.terminate();
      }
    },
    sendRaw(frame) {
      for (const c of clients) if (c.authed) send(c, frame);
    },
    async blast(frames, rounds, key) {
      const targets = [...clients].filter((c) => c.authed && (key === undefined || c.key === key));
      for (let r = 0; r < rounds; r++) {
        for (const f of frames) for (const c of targets) c.ws.send(f);
        for (const c of targets) {
          while (c.ws.bufferedAmount > 4 * 1024 * 1024 && c.ws.readyState === c.ws.OPEN) await new Promise((res) => setImmediate(res));
        }
      }
    },
    stats() {
      const subscribed = new Set<string>();
      for (const c of clients) for (const s of c.symbols) subscribed.add(s);
      return { connections: clients.size, totalConnections, pingsReceived, subscribed: [...subscribed].sort() };
    },
    async close() {
      clearInterval(timer);
      for (const c of clients) c.ws.terminate();
      clients.clear();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return { port, sim, core };
}
