// The in-memory price book: last trade, today's regular-session aggregates, known closes, halt status and the
// running 1-minute bar per symbol. Pure and synchronous: the stream role applies provider events, and the Redis
// store drains the dirty set on a timer. This is the tick hot path, so entries are mutable records, session lookups
// are memoised per minute, and a trade allocates nothing unless it starts a new minute bar.
import { nyDate, sessionAt } from './sessions.js';
import type { MinuteBar, PriceSnapshot, Session } from './types.js';

/** A regular-session close with its New York date. */
export interface KnownClose {
  price: number;
  date: string;
}

/** Everything the book keeps for one symbol. Read-only outside this module. */
export interface BookRecord {
  readonly symbol: string;
  /** 0 when no trade was seen yet. */
  readonly lastPrice: number;
  readonly lastSize: number;
  /** Provider trade time, epoch ms; 0 when none. Never the receive time, so a price is never fresher than its print. */
  readonly lastTime: number;
  readonly lastSession: Session | '';
  /** '' until the first regular-session trade of a day. */
  readonly dayDate: string;
  readonly dayOpen: number;
  readonly dayHigh: number;
  readonly dayLow: number;
  readonly dayVolume: number;
  /** Last regular-session trade seen: the fallback previous close once its day is over. */
  readonly regularPrice: number;
  readonly regularDate: string;
  /** Closes from the provider's REST snapshot, newest first, at most two. */
  readonly closes: readonly KnownClose[];
  readonly halted: boolean;
  readonly haltReason: string;
  /** The running minute bar; barStart is 0 when none. */
  readonly barStart: number;
  readonly barOpen: number;
  readonly barHigh: number;
  readonly barLow: number;
  readonly barClose: number;
  readonly barVolume: number;
  /** Stamped when the change is drained for writing (within one flush period of the event); 0 before that. */
  readonly updatedAt: number;
}

type Entry = { -readonly [K in keyof BookRecord]: BookRecord[K] } & { closes: KnownClose[]; dirty: boolean };

/** What changed since the last drain. */
export interface BookChanges {
  records: BookRecord[];
  /** Finished or provider-supplied bars, oldest first (the running bar of each dirty record is in `records`). */
  bars: MinuteBar[];
}

const MINUTE = 60_000;

function newEntry(symbol: string): Entry {
  return {
    symbol,
    lastPrice: 0,
    lastSize: 0,
    lastTime: 0,
    lastSession: '',
    dayDate: '',
    dayOpen: 0,
    dayHigh: 0,
    dayLow: 0,
    dayVolume: 0,
    regularPrice: 0,
    regularDate: '',
    closes: [],
    halted: false,
    haltReason: '',
    barStart: 0,
    barOpen: 0,
    barHigh: 0,
    barLow: 0,
    barClose: 0,
    barVolume: 0,
    updatedAt: 0,
    dirty: false,
  };
}

/**
 * The previous regular-session close as seen on `today` (a New York date): the newest known close dated before today.
 * A close from the provider's REST snapshot wins over the last regular trade seen on the same date.
 */
export function pickPreviousClose(
  closes: readonly KnownClose[],
  regular: KnownClose | undefined,
  today: string,
): KnownClose | undefined {
  let best: KnownClose | undefined;
  for (const c of closes) if (c.date < today && (!best || c.date > best.date)) best = c;
  if (regular && regular.date < today && (!best || regular.date > best.date)) best = regular;
  return best;
}

/** A read-side snapshot of a record at `now`. Day aggregates from an earlier date are left out. */
export function recordToSnapshot(r: BookRecord, now: number): PriceSnapshot {
  const today = nyDate(now);
  const snap: PriceSnapshot = { symbol: r.symbol, updatedAt: r.updatedAt };
  if (r.lastTime > 0) snap.last = { price: r.lastPrice, size: r.lastSize, time: r.lastTime };
  if (r.dayDate === today) {
    snap.day = { open: r.dayOpen, high: r.dayHigh, low: r.dayLow, volume: r.dayVolume, date: r.dayDate };
  }
  const regular = r.regularDate ? { price: r.regularPrice, date: r.regularDate } : undefined;
  // The reference is the close before the last print's own day, so a Friday print read on Saturday still compares
  // with Thursday's close (price-action refuses a close from the print's own day).
  const prev = pickPreviousClose(r.closes, regular, r.lastTime > 0 ? nyDate(r.lastTime) : today);
  if (prev) snap.previousClose = { price: prev.price, date: prev.date };
  if (r.halted) {
    snap.halted = true;
    if (r.haltReason) snap.haltReason = r.haltReason;
  }
  return snap;
}

export class PriceBook {
  private readonly entries = new Map<string, Entry>();
  /** Entries changed since the last drain; an entry's `dirty` flag says whether it is already listed. */
  private dirty: Entry[] = [];
  private bars: MinuteBar[] = [];
  private memoMinute = -1;
  private memoSession: Session = 'closed';
  private memoDate = '';
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  private entry(symbol: string): Entry {
    let e = this.entries.get(symbol);
    if (e === undefined) {
      e = newEntry(symbol);
      this.entries.set(symbol, e);
    }
    return e;
  }

  /** Session and New York date of an instant, memoised per minute (session bounds fall on whole minutes). */
  private locate(time: number): void {
    const minute = Math.floor(time / MINUTE);
    if (minute === this.memoMinute) return;
    this.memoMinute = minute;
    this.memoSession = sessionAt(time);
    this.memoDate = nyDate(time);
  }

  /** Applies one print. Prints older than the last one still count towards aggregates but never replace `last`. */
  applyTrade(symbol: string, price: number, size: number, time: number): void {
    if (!(price > 0) || !Number.isFinite(time)) return;
    const e = this.entry(symbol);
    this.locate(time);
    const session = this.memoSession;
    if (time >= e.lastTime) {
      e.lastPrice = price;
      e.lastSize = size;
      e.lastTime = time;
      e.lastSession = session;
    }
    // A print from an earlier day arriving late is left out of today's aggregates.
    if (session === 'regular' && this.memoDate >= e.dayDate) {
      const date = this.memoDate;
      if (e.dayDate !== date) {
        e.dayDate = date;
        e.dayOpen = price;
        e.dayHigh = price;
        e.dayLow = price;
        e.dayVolume = 0;
      }
      if (price > e.dayHigh) e.dayHigh = price;
      if (price < e.dayLow) e.dayLow = price;
      e.dayVolume += size;
      if (date > e.regularDate && e.regularDate !== '' && !e.closes.some((c) => c.date === e.regularDate)) {
        // A new day: the last regular trade of the day before becomes its close, unless REST already gave one.
        e.closes = [{ price: e.regularPrice, date: e.regularDate }, ...e.closes].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 2);
      }
      if (date > e.regularDate || time >= e.lastTime) {
        e.regularPrice = price;
        e.regularDate = date;
      }
    }
    this.foldIntoBar(e, price, size, time);
    // updatedAt is stamped at drain time: one clock read per flush rather than one per trade.
    if (!e.dirty) this.markDirty(e);
  }

  private markDirty(e: Entry): void {
    e.dirty = true;
    this.dirty.push(e);
  }

  private foldIntoBar(e: Entry, price: number, size: number, time: number): void {
    const start = time - (time % MINUTE);
    if (start === e.barStart) {
      if (price > e.barHigh) e.barHigh = price;
      if (price < e.barLow) e.barLow = price;
      e.barClose = price;
      e.barVolume += size;
      return;
    }
    if (start < e.barStart) return; // late print for a finished bar; the provider's bar, if any, corrects it
    if (e.barStart > 0) this.bars.push(runningBar(e));
    e.barStart = start;
    e.barOpen = price;
    e.barHigh = price;
    e.barLow = price;
    e.barClose = price;
    e.barVolume = size;
  }

  /** Applies a provider's minute bar; it replaces what the book built from trades for that minute. */
  applyBar(bar: MinuteBar): void {
    const e = this.entry(bar.symbol);
    if (bar.start === e.barStart) {
      e.barOpen = bar.open;
      e.barHigh = bar.high;
      e.barLow = bar.low;
      e.barClose = bar.close;
      e.barVolume = bar.volume;
    } else {
      this.bars.push({ ...bar });
    }
    if (e.lastTime === 0) {
      // No trade seen yet: the bar's close is the best last price, stamped with the bar's end, not the receive time.
      e.lastPrice = bar.close;
      e.lastSize = 0;
      e.lastTime = bar.start + MINUTE - 1;
      this.locate(e.lastTime);
      e.lastSession = this.memoSession;
    }
    if (!e.dirty) this.markDirty(e);
  }

  applyStatus(symbol: string, halted: boolean, reason: string): void {
    const e = this.entry(symbol);
    e.halted = halted;
    e.haltReason = halted ? reason : '';
    if (!e.dirty) this.markDirty(e);
  }

  /** Records a completed regular-session close (from a REST snapshot). Keeps the two newest dates. */
  setClose(symbol: string, price: number, date: string): void {
    if (!(price > 0) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const e = this.entry(symbol);
    const others = e.closes.filter((c) => c.date !== date);
    others.push({ price, date });
    others.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    e.closes = others.slice(0, 2);
    if (!e.dirty) this.markDirty(e);
  }

  /** Seeds a symbol from a stored record (after a restart or a leader change); no-op when the book already has it. */
  restore(r: BookRecord): void {
    if (this.entries.has(r.symbol)) return;
    this.entries.set(r.symbol, { ...r, closes: r.closes.map((c) => ({ ...c })), dirty: false });
  }

  record(symbol: string): BookRecord | undefined {
    return this.entries.get(symbol);
  }

  snapshot(symbol: string, now = this.now()): PriceSnapshot | undefined {
    const e = this.entries.get(symbol);
    return e ? recordToSnapshot(e, now) : undefined;
  }

  /** Forgets a symbol (unsubscribed). Already-drained data stays wherever it was written. */
  remove(symbol: string): void {
    const e = this.entries.get(symbol);
    if (!e) return;
    this.entries.delete(symbol);
    if (e.dirty) {
      this.dirty = this.dirty.filter((d) => d !== e);
      e.dirty = false;
    }
  }

  /** Returns and clears what changed since the last call. Records are live objects: serialise them at once. */
  drain(): BookChanges {
    const records: BookRecord[] = this.dirty;
    const bars = this.bars;
    const at = this.now();
    for (const e of this.dirty) {
      e.dirty = false;
      e.updatedAt = at;
    }
    this.dirty = [];
    this.bars = [];
    return { records, bars };
  }
}

/** The running minute bar of a record (meaningful when `barStart > 0`). */
export function runningBar(r: BookRecord): MinuteBar {
  return { symbol: r.symbol, start: r.barStart, open: r.barOpen, high: r.barHigh, low: r.barLow, close: r.barClose, volume: r.barVolume };
}
