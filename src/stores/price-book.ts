// The price book in Redis: the stream role keeps the book in memory and flushes what changed in one pipeline at most
// every 250 ms; every other process (pipeline, /price, charts) reads only Redis.
//
// Layout under `prefix`:
//   {p}:px:{SYM}        hash: last_price last_size last_time session day_date day_open day_high day_low day_volume
//                       regular_price regular_date close_1 close_1_date close_2 close_2_date halted halt_reason
//                       bar_start bar_open bar_high bar_low bar_close bar_volume updated_at
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

function toFields(r: BookRecord): Record<string, string | number> {
  const f: Record<string, string | number> = {
    last_price: r.lastPrice,
    last_size: r.lastSize,
    last_time: r.lastTime,
    session: r.lastSession,
    day_date: r.dayDate,
    day_open: r.dayOpen,
    day_high: r.dayHigh,
    day_low: r.dayLow,
    day_volume: r.dayVolume,
    regular_price: r.regularPrice,
    regular_date: r.regularDate,
    halted: r.halted ? 1 : 0,
    halt_reason: r.haltReason,
    bar_start: r.barStart,
    bar_open: r.barOpen,
    bar_high: r.barHigh,
    bar_low: r.barLow,
    bar_close: r.barClose,
    bar_volume: r.barVolume,
    updated_at: r.updatedAt,
  };
  const [c1, c2] = r.closes;
  f.close_1 = c1?.price ?? '';
  f.close_1_date = c1?.date ?? '';
  f.close_2 = c2?.price ?? '';
  f.close_2_date = c2?.date ?? '';
  return f;
}

/** Rebuilds a record from its hash; null when the hash is empty. Exported for tests. */
export function fromFields(symbol: string, h: Record<string, string>): BookRecord | null {
  if (h.updated_at === undefined) return null;
  const closes: KnownClose[] = [];
  if (h.close_1 && h.close_1_date) closes.push({ price: Number(h.close_1), date: h.close_1_date });
  if (h.close_2 && h.close_2_date) closes.push({ price: Number(h.close_2), date: h.close_2_date });
  return {
    symbol,
    lastPrice: num(h.last_price),
    lastSize: num(h.last_size),
    lastTime: num(h.last_time),
    lastSession: (h.session ?? '') as Session | '',
    dayDate: h.day_date ?? '',
    dayOpen: num(h.day_open),
    dayHigh: num(h.day_high),
    dayLow: num(h.day_low),
    dayVolume: num(h.day_volume),
    regularPrice: num(h.regular_price),
    regularDate: h.regular_date ?? '',
    closes,
    halted: h.halted === '1',
    haltReason: h.halt_reason ?? '',
    barStart: num(h.bar_start),
    barOpen: num(h.bar_open),
    barHigh: num(h.bar_high),
    barLow: num(h.bar_low),
    barClose: num(h.bar_close),
    barVolume: num(h.bar_volume),
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
      const [members, h] = await Promise.all([
        redis.zrangebyscore(barsKey(symbol), sinceMs ?? '-inf', '+inf'),
        redis.hmget(key(symbol), 'bar_start', 'bar_open', 'bar_high', 'bar_low', 'bar_close', 'bar_volume'),
      ]);
      const bars: MinuteBar[] = [];
      for (const m of members) {
        const b = parseBar(symbol, m);
        if (b) bars.push(b);
      }
      const start = num(h[0] ?? undefined);
      const last = bars[bars.length - 1];
      if (start > 0 && start >= (sinceMs ?? 0) && (!last || start > last.start)) {
        bars.push({ symbol, start, open: num(h[1] ?? undefined), high: num(h[2] ?? undefined), low: num(h[3] ?? undefined), close: num(h[4] ?? undefined), volume: num(h[5] ?? undefined) });
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
    const pipe = redis.pipeline();
    for (const r of records) pipe.hset(`${prefix}:px:${r.symbol}`, toFields(r));
    const trimmed = new Set<string>();
    for (const b of bars) {
      const k = `${prefix}:px:bars:${b.symbol}`;
      pipe.zremrangebyscore(k, b.start, b.start);
      pipe.zadd(k, b.start, barMember(b));
      trimmed.add(b.symbol);
    }
    // Count cap = the last N extended trading days; the age cap covers long weekends and holidays.
    const oldest = now() - (keepDays + 4) * DAY;
    for (const s of trimmed) {
      const k = `${prefix}:px:bars:${s}`;
      pipe.zremrangebyrank(k, 0, -(keepDays * BARS_PER_DAY + 1));
      pipe.zremrangebyscore(k, '-inf', `(${oldest}`);
    }
    const results = (await pipe.exec()) ?? [];
    const failed = results.find(([err]) => err);
    if (failed?.[0]) throw failed[0];
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
