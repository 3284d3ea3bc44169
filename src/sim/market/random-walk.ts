// Seeded market for the simulators: a random walk per symbol, session-aware trade counts, and the minute bars
// the walk produces. Same seed, same clock → same prints.
import { lastRegularClose, nyDate, sessionAt } from '../../market/sessions.js';
import type { MinuteBar, Session } from '../../market/types.js';

/** mulberry32: small, fast, good enough for a simulator. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic start price between $5 and $500 derived from the symbol, for symbols nobody configured. */
export function startPriceFor(symbol: string): number {
  let h = 2166136261;
  for (let i = 0; i < symbol.length; i++) h = Math.imul(h ^ symbol.charCodeAt(i), 16777619);
  return Math.round((5 + ((h >>> 0) % 49_500) / 100) * 100) / 100;
}

/** Share of the regular-session trade rate in each session (closed is kept above zero so a night-time demo moves). */
export const sessionVolume: Record<Session, number> = { regular: 1, premarket: 0.3, 'after-hours': 0.25, closed: 0.1 };

export interface SimTrade {
  symbol: string;
  price: number;
  size: number;
  time: number;
  id: number;
}

interface SymbolState {
  price: number;
  previousClose: number;
  bar: MinuteBar | null;
}

/** The close dated before `now`'s New York date: what a snapshot calls "previous close" today. */
export function previousCloseDate(now: number): string {
  const close = lastRegularClose(now);
  const date = nyDate(close);
  return date < nyDate(now) ? date : nyDate(lastRegularClose(close - 1));
}

export class RandomWalkMarket {
  private readonly random: () => number;
  private readonly state = new Map<string, SymbolState>();
  private nextId = 1;
  private cursor = 0;

  constructor(
    seed: number,
    private readonly startPrices: Record<string, number> = {},
    readonly now: () => number = Date.now,
  ) {
    this.random = seededRandom(seed);
  }

  private get(symbol: string): SymbolState {
    let s = this.state.get(symbol);
    if (!s) {
      const start = this.startPrices[symbol] ?? startPriceFor(symbol);
      s = { price: start, previousClose: start, bar: null };
      this.state.set(symbol, s);
    }
    return s;
  }

  price(symbol: string): number {
    return this.get(symbol).price;
  }

  previousClose(symbol: string): number {
    return this.get(symbol).previousClose;
  }

  /** Trades this tick: `batchSize` scaled by the session's volume share (at least one), round-robin over symbols. */
  tradesPerTick(batchSize: number): number {
    return Math.max(1, Math.round(batchSize * sessionVolume[sessionAt(this.now())]));
  }

  /** Next `count` prints over `symbols`. Finished minute bars are pushed to `finishedBars`. */
  next(symbols: readonly string[], count: number, finishedBars: MinuteBar[]): SimTrade[] {
    const out: SimTrade[] = [];
    if (symbols.length === 0) return out;
    const time = this.now();
    for (let i = 0; i < count; i++) {
      const symbol = symbols[this.cursor++ % symbols.length]!;
      const s = this.get(symbol);
      // ~0.05% steps, never below a cent.
      s.price = Math.max(0.01, Math.round(s.price * (1 + (this.random() - 0.5) * 0.001) * 100) / 100);
      const size = 1 + Math.floor(this.random() * (this.random() < 0.1 ? 2000 : 200));
      out.push({ symbol, price: s.price, size, time, id: this.nextId++ });
      this.foldBar(s, symbol, s.price, size, time, finishedBars);
    }
    return out;
  }

  private foldBar(s: SymbolState, symbol: string, price: number, size: number, time: number, finished: MinuteBar[]): void {
    const start = time - (time % 60_000);
    const bar = s.bar;
    if (bar && bar.start === start) {
      bar.high = Math.max(bar.high, price);
      bar.low = Math.min(bar.low, price);
      bar.close = price;
      bar.volume += size;
      return;
    }
    if (bar) finished.push(bar);
    s.bar = { symbol, start, open: price, high: price, low: price, close: price, volume: size };
  }

  /** Bars whose minute ended before `now`, for symbols that stopped trading mid-minute. */
  closeStaleBars(finished: MinuteBar[]): void {
    const minute = this.now() - (this.now() % 60_000);
    for (const s of this.state.values()) {
      if (s.bar && s.bar.start < minute) {
        finished.push(s.bar);
        s.bar = null;
      }
    }
  }

  /** Today's running bar of a symbol, from its first simulated print, for REST snapshots. */
  runningBar(symbol: string): MinuteBar | null {
    return this.get(symbol).bar;
  }
}
