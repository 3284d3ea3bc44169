// The price book in Redis: the stream role keeps the book in memory and flushes what changed in one pipeline at most
// every 250 ms; every other process (pipeline, /price, charts) reads only Redis.
//
// Layout under `prefix`:
//   {p}:px:{SYM}        hash, each field `|`-joined:
//                         last        price|size|time(ms)|session        (time is the provider's trade time)
//                         day         date|open|high|low|volume          (regular session of that New York date)
//                         regular     price|date                         (last regular-session trade seen)
//                         closes      price|date[|price|date]            (REST closes, newest first)
//                         halt        1|reason  or  0|
//                         bar         start|open|high|low|close|volume   (the running minute)
//                         updated_at  epoch ms of the last change
//   {p}:px:bars:{SYM}   sorted set of finished 1-minute bars, score = minute start (epoch ms),
//                       member = "start:open:high:low:close:volume"; capped to the last `barsKeepDays` trading days
// Previous close is chosen at read time (newest close dated before today), so a close learnt after 16:00 becomes
// tomorrow's previous close without another write.
import type { Redis } from 'ioredis';
import { PriceBook, recordToSnapshot, type BookRecord, type KnownClose } from '../market/price-book.js';
import type { MinuteBar, PriceSnapshot, Session } from '../market/types.js';

export interface PriceBookReader {
  get(symbol: string): Promise<PriceSnapshot | null>;
  getMany(symbols: readonly string[]): Promise<Map<string, PriceSnapshot>>;
  /** 1-minute bars oldest first, the running minute included; `sinceMs` keeps bars starting at or after it. */
  bars(symbol: string, sinceMs?: number): Promise<MinuteBar[]>;
}

export interface RedisPriceBook extends PriceBookReader {
  /** The in-memory book the stream role applies events to. */
  readonly book: PriceBook;
  /** Records a REST close in the book; written with the next flush. */
  setPreviousClose(symbol: string, price: number, date: string): void;
  /** Loads stored records into the in-memory book, so a new leader keeps day aggregates and closes. */
  hydrate(symbols: readonly string[]): Promise<void>;
  /** Writes what changed since the last flush. Concurrent calls share one write. */
  flush(): Promise<void>;
  /** Flushes every `flushEveryMs` until closed. */
  startFlushing(): void;
  /** Stops the timer after a last flush. */
  close(): Promise<void>;
}

export interface RedisPriceBookOptions {
  /** At most 250 ms. */
  flushEveryMs?: number;
  /** Trading days of finished minute bars kept per symbol. */
  barsKeepDays?: number;
  now?: () => number;
  /** Errors of background flushes (the caller logs them). */
  onError?: (error: Error) => void;
}

/** Minute bars in one extended trading day (04:00–20:00). */
const BARS_PER_DAY = 16 * 60;
const DAY = 86_400_000;

const num = (v: string | undefined): number => (v === undefined || v === '' ? 0 : Number(v));

/**
 * Hash field values, each a few `|`-joined numbers, so a flush of thousands of symbols stays cheap on the client:
 * seven fields per symbol rather than two dozen, written by one script call per thousand symbols.
 */
function toValues(r: BookRecord): string[] {
  const [c1, c2] = r.closes;
  return [
    `${r.lastPrice}|${r.lastSize}|${r.lastTime}|${r.lastSession}`,
    `${r.dayDate}|${r.dayOpen}|${r.dayHigh}|${r.dayLow}|${r.dayVolume}`,
    `${r.regularPrice}|${r.regularDate}`,
    c1 ? `${c1.price}|${c1.date}${c2 ? `|${c2.price}|${c2.date}` : ''}` : '',
    r.halted ? `1|${r.haltReason}` : '0|',
    `${r.barStart}|${r.barOpen}|${r.barHigh}|${r.barLow}|${r.barClose}|${r.barVolume}`,
    String(r.updatedAt),
  ];
}

/** Records per script call: bounds how long one flush holds Redis (a few ms). */
const CHUNK = 1_000;

/**
 * KEYS = record hashes; ARGV[1] = JSON array with one 7-value array per key, in toValues order. One JSON argument
 * instead of seven per symbol: encoding thousands of arguments was most of a flush's client-side cost.
 */
const WRITE_RECORDS = `
local rows = cjson.decode(ARGV[1])
for i = 1, #KEYS do
  local v = rows[i]
  redis.call('hset', KEYS[i], 'last', v[1], 'day', v[2], 'regular', v[3], 'closes', v[4], 'halt', v[5], 'bar', v[6],
    'updated_at', v[7])
end
return #KEYS`;

/** KEYS = bar sets; ARGV = cap, oldest start kept, then start and member per key. Upserts by minute, then trims. */
const WRITE_BARS = `
local cap = tonumber(ARGV[1])
for i = 1, #KEYS do
  local start = ARGV[1 + i * 2]
  redis.call('zremrangebyscore', KEYS[i], start, start)
  redis.call('zadd', KEYS[i], start, ARGV[2 + i * 2])
  redis.call('zremrangebyrank', KEYS[i], 0, -(cap + 1))
  redis.call('zremrangebyscore', KEYS[i], '-inf', '(' .. ARGV[2])
end
return #KEYS`;

const parts = (v: string | undefined, n: number): string[] => {
  const p = (v ?? '').split('|');
  while (p.length < n) p.push('');
  return p;
};

/** Rebuilds a record from its hash; null when the hash is empty. Exported for tests. */
export function fromFields(symbol: string, h: Record<string, string>): BookRecord | null {
  if (h.updated_at === undefined) return null;
  const [lp, ls, lt, session] = parts(h.last, 4);
  const [dd, dopen, dh, dl, dv] = parts(h.day, 5);
  const [rp, rd] = parts(h.regular, 2);
  const c = parts(h.closes, 4);
  const closes: KnownClose[] = [];
  if (c[0] && c[1]) closes.push({ price: Number(c[0]), date: c[1] });
  if (c[2] && c[3]) closes.push({ price: Number(c[2]), date: c[3] });
  const halt = h.halt ?? '0|';
  const [bs, bo, bh, bl, bc, bv] = parts(h.bar, 6);
  return {
    symbol,
    lastPrice: num(lp),
    lastSize: num(ls),
    lastTime: num(lt),
    lastSession: (session ?? '') as Session | '',
    dayDate: dd ?? '',
    dayOpen: num(dopen),
    dayHigh: num(dh),
    dayLow: num(dl),
    dayVolume: num(dv),
    regularPrice: num(rp),
    regularDate: rd ?? '',
    closes,
    halted: halt.startsWith('1|'),
    haltReason: halt.slice(2),
    barStart: num(bs),
    barOpen: num(bo),
    barHigh: num(bh),
    barLow: num(bl),
    barClose: num(bc),
    barVolume: num(bv),
    updatedAt: num(h.updated_at),
  };
}

const barMember = (b: MinuteBar): string => `${b.start}:${b.open}:${b.high}:${b.low}:${b.close}:${b.volume}`;

function parseBar(symbol: string, member: string): MinuteBar | null {
  const p = member.split(':').map(Number);
  if (p.length !== 6 || p.some((n) => !Number.isFinite(n))) return null;
  return { symbol, start: p[0]!, open: p[1]!, high: p[2]!, low: p[3]!, close: p[4]!, volume: p[5]! };
}

/** Reader only: for processes that show prices but do not stream. */
export function createRedisPriceBookReader(redis: Redis, prefix: string, options: { now?: () => number } = {}): PriceBookReader {
  const now = options.now ?? Date.now;
  const key = (s: string): string => `${prefix}:px:${s}`;
  const barsKey = (s: string): string => `${prefix}:px:bars:${s}`;
  return {
    async get(symbol) {
      const r = fromFields(symbol, await redis.hgetall(key(symbol)));
      return r ? recordToSnapshot(r, now()) : null;
    },
    async getMany(symbols) {
      const out = new Map<string, PriceSnapshot>();
      if (symbols.length === 0) return out;
      const pipe = redis.pipeline();
      for (const s of symbols) pipe.hgetall(key(s));
      const results = (await pipe.exec()) ?? [];
      const at = now();
      symbols.forEach((s, i) => {
        const [err, h] = results[i] ?? [null, {}];
        if (err) throw err;
        const r = fromFields(s, h as Record<string, string>);
        if (r) out.set(s, recordToSnapshot(r, at));
      });
      return out;
    },
    async bars(symbol, sinceMs) {
      const [members, running] = await Promise.all([
        redis.zrangebyscore(barsKey(symbol), sinceMs ?? '-inf', '+inf'),
        redis.hget(key(symbol), 'bar'),
      ]);
      const h = parts(running ?? undefined, 6);
      const bars: MinuteBar[] = [];
      for (const m of members) {
        const b = parseBar(symbol, m);
        if (b) bars.push(b);
      }
      const start = num(h[0]);
      const last = bars[bars.length - 1];
      if (start > 0 && start >= (sinceMs ?? 0) && (!last || start > last.start)) {
        bars.push({ symbol, start, open: num(h[1]), high: num(h[2]), low: num(h[3]), close: num(h[4]), volume: num(h[5]) });
      }
      return bars;
    },
  };
}

export function createRedisPriceBook(redis: Redis, prefix: string, options: RedisPriceBookOptions = {}): RedisPriceBook {
  const now = options.now ?? Date.now;
  const flushEveryMs = Math.min(250, options.flushEveryMs ?? 250);
  const keepDays = options.barsKeepDays ?? 2;
  const book = new PriceBook({ now });
  const reader = createRedisPriceBookReader(redis, prefix, { now });
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const write = async (): Promise<void> => {
    const { records, bars } = book.drain();
    if (records.length === 0 && bars.length === 0) return;
    // One script call per chunk instead of one command per symbol: client-side cost is what limits tick ingestion.
    const calls: Array<Promise<unknown>> = [];
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      const keys = chunk.map((r) => `${prefix}:px:${r.symbol}`);
      calls.push(redis.eval(WRITE_RECORDS, keys.length, ...keys, JSON.stringify(chunk.map(toValues))));
    }
    if (bars.length > 0) {
      // Count cap = the last N extended trading days; the age cap covers long weekends and holidays.
      const head = [String(keepDays * BARS_PER_DAY), String(now() - (keepDays + 4) * DAY)];
      for (let i = 0; i < bars.length; i += CHUNK) {
        const chunk = bars.slice(i, i + CHUNK);
        const keys = chunk.map((b) => `${prefix}:px:bars:${b.symbol}`);
        const args = [...head];
        for (const b of chunk) args.push(String(b.start), barMember(b));
        calls.push(redis.eval(WRITE_BARS, keys.length, ...keys, ...args));
      }
    }
    await Promise.all(calls);
  };

  const flush = (): Promise<void> => {
    if (inFlight) return inFlight.then(() => flush());
    inFlight = write().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return {
    ...reader,
    book,
    setPreviousClose(symbol, price, date) {
      book.setClose(symbol, price, date);
    },
    async hydrate(symbols) {
      const missing = symbols.filter((s) => !book.record(s));
      if (missing.length === 0) return;
      const pipe = redis.pipeline();
      for (const s of missing) pipe.hgetall(`${prefix}:px:${s}`);
      const results = (await pipe.exec()) ?? [];
      missing.forEach((s, i) => {
        const r = fromFields(s, (results[i]?.[1] ?? {}) as Record<string, string>);
        if (r) book.restore(r);
      });
    },
    flush,
    startFlushing() {
      if (timer) return;
      timer = setInterval(() => {
        if (inFlight) return; // the previous write is still running: skip a beat rather than queue up
        flush().catch((err: Error) => options.onError?.(err));
      }, flushEveryMs);
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}
