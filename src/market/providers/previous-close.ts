// Previous close from each provider's REST snapshot, fetched at start and after each regular close. Each source
// returns the completed regular-session closes it can date (newest first); the price book picks the one that is
// "previous" at read time, so a close fetched after 16:00 becomes tomorrow's previous close without another fetch.
import { lastRegularClose, nyDate, sessionAt } from '../sessions.js';
import type { KnownClose } from '../price-book.js';
import { AuthFailedError, ProtocolError } from './errors.js';

export type FetchJson = (url: string, headers: Record<string, string>) => Promise<{ status: number; body: unknown }>;

export const fetchJson: FetchJson = async (url, headers) => {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body };
};

export interface PreviousCloseSource {
  readonly name: string;
  /** Known closes per symbol; symbols the provider does not know are left out. */
  fetchCloses(symbols: readonly string[], now: number): Promise<Map<string, KnownClose[]>>;
}

function check(provider: string, status: number, body: unknown): void {
  if (status === 200) return;
  const message = typeof body === 'object' && body !== null ? JSON.stringify(body) : String(body);
  if (status === 401 || status === 403) throw new AuthFailedError(provider, `REST ${status}: ${message}`, status);
  throw new ProtocolError(provider, `REST ${status}: ${message}`, status, status === 429 || status >= 500);
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Dates of a Finnhub quote's `c` and `pc`, from the quote time `t` (seconds). */
export function finnhubCloses(q: { c: number; pc: number; t: number }): KnownClose[] {
  if (!q.t || !(q.pc > 0)) return [];
  const at = q.t * 1000;
  const session = sessionAt(at);
  if (session === 'premarket' || session === 'regular') return [{ price: q.pc, date: nyDate(lastRegularClose(at)) }];
  const close = lastRegularClose(at);
  const out: KnownClose[] = [];
  if (q.c > 0 && nyDate(close) === nyDate(at)) out.push({ price: q.c, date: nyDate(close) });
  out.push({ price: q.pc, date: nyDate(lastRegularClose(close - 1)) });
  return out;
}

export function createFinnhubCloses(o: { restUrl: string; key: string; fetch?: FetchJson }): PreviousCloseSource {
  const get = o.fetch ?? fetchJson;
  return {
    name: 'finnhub',
    async fetchCloses(symbols) {
      const out = new Map<string, KnownClose[]>();
      await mapLimit(symbols, 4, async (symbol) => {
        const url = `${o.restUrl}/quote?symbol=${encodeURIComponent(symbol)}`;
        const { status, body } = await get(url, { 'X-Finnhub-Token': o.key });
        check('finnhub', status, body);
        const closes = finnhubCloses(body as { c: number; pc: number; t: number });
        if (closes.length > 0) out.set(symbol, closes);
      });
      return out;
    },
  };
}

interface AlpacaBar {
  t: string;
  c: number;
}

/** Closes in an Alpaca snapshot: `prevDailyBar`, and `dailyBar` once its regular session is over. */
export function alpacaCloses(snap: { dailyBar?: AlpacaBar | null; prevDailyBar?: AlpacaBar | null }, now: number): KnownClose[] {
  const out: KnownClose[] = [];
  const completed = nyDate(lastRegularClose(now));
  for (const bar of [snap.dailyBar, snap.prevDailyBar]) {
    if (!bar || !(bar.c > 0)) continue;
    const date = nyDate(Date.parse(bar.t));
    if (date <= completed && !out.some((c) => c.date === date)) out.push({ price: bar.c, date });
  }
  return out;
}

export function createAlpacaCloses(o: { restUrl: string; keyId: string; secretKey: string; feed: string; fetch?: FetchJson }): PreviousCloseSource {
  const get = o.fetch ?? fetchJson;
  const headers = { 'APCA-API-KEY-ID': o.keyId, 'APCA-API-SECRET-KEY': o.secretKey };
  return {
    name: 'alpaca',
    async fetchCloses(symbols, now) {
      const out = new Map<string, KnownClose[]>();
      const chunks: string[][] = [];
      for (let i = 0; i < symbols.length; i += 100) chunks.push(symbols.slice(i, i + 100));
      await mapLimit(chunks, 2, async (chunk) => {
        const url = `${o.restUrl}/v2/stocks/snapshots?symbols=${chunk.map(encodeURIComponent).join(',')}&feed=${o.feed === 'sip' ? 'sip' : o.feed === 'delayed_sip' ? 'delayed_sip' : 'iex'}`;
        const { status, body } = await get(url, headers);
        check('alpaca', status, body);
        for (const [symbol, snap] of Object.entries((body ?? {}) as Record<string, { dailyBar?: AlpacaBar | null; prevDailyBar?: AlpacaBar | null } | null>)) {
          const closes = snap ? alpacaCloses(snap, now) : [];
          if (closes.length > 0) out.set(symbol, closes);
        }
      });
      return out;
    },
  };
}

export function createPolygonCloses(o: { restUrl: string; key: string; fetch?: FetchJson }): PreviousCloseSource {
  const get = o.fetch ?? fetchJson;
  return {
    name: 'polygon',
    async fetchCloses(symbols) {
      const out = new Map<string, KnownClose[]>();
      await mapLimit(symbols, 4, async (symbol) => {
        const url = `${o.restUrl}/v2/aggs/ticker/${encodeURIComponent(symbol)}/prev?adjusted=true`;
        const { status, body } = await get(url, { Authorization: `Bearer ${o.key}` });
        check('polygon', status, body);
        const bar = (body as { results?: Array<{ c: number; t: number }> } | null)?.results?.[0];
        if (bar && bar.c > 0) out.set(symbol, [{ price: bar.c, date: nyDate(bar.t) }]);
      });
      return out;
    },
  };
}
