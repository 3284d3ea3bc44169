// Market data shapes shared by the providers, the price book, price action, bars and charts. Plain data.

/** Trading session of the US equity market, in America/New_York time. */
export type Session = 'premarket' | 'regular' | 'after-hours' | 'closed';

/** One print from a market-data feed. */
export interface Trade {
  symbol: string;
  price: number;
  size: number;
  /** Epoch milliseconds. */
  time: number;
}

/** One-minute OHLCV bar. */
export interface MinuteBar {
  symbol: string;
  /** Epoch milliseconds of the minute's start (a multiple of 60 000). */
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** What the price book knows about one symbol at a moment. */
export interface PriceSnapshot {
  symbol: string;
  last?: { price: number; size: number; time: number };
  /** Today's running aggregates; `date` is the New York calendar date (YYYY-MM-DD). */
  day?: { open: number; high: number; low: number; volume: number; date: string };
  /** Official close of the last completed regular session; `date` is its New York date. */
  previousClose?: { price: number; date: string };
  halted?: boolean;
  haltReason?: string;
  /** Epoch milliseconds of the last update. */
  updatedAt: number;
}
