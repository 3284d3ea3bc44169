// One-minute bars: built from trades, merged when a partial bar meets a later one, trimmed to two trading days.
import { DateTime } from 'luxon';
import { isTradingDay, previousTradingDay } from './calendar.js';
import { MARKET_ZONE, nyDate } from './sessions.js';
import type { MinuteBar, Trade } from './types.js';

export const MINUTE_MS = 60_000;

/** Epoch ms of the start of the minute containing `time`. */
export function minuteStart(time: number): number {
  return Math.floor(time / MINUTE_MS) * MINUTE_MS;
}

function isUsableTrade(trade: Trade): boolean {
  return Number.isFinite(trade.price) && trade.price > 0 && Number.isFinite(trade.size) && trade.size >= 0 && Number.isFinite(trade.time);
}

/** Folds one trade into the bar of its minute (`bar` may be undefined for the minute's first trade). */
export function applyTrade(bar: MinuteBar | undefined, trade: Trade): MinuteBar {
  if (!bar) {
    const { symbol, price, size } = trade;
    return { symbol, start: minuteStart(trade.time), open: price, high: price, low: price, close: price, volume: size };
  }
  return {
    ...bar,
    high: Math.max(bar.high, trade.price),
    low: Math.min(bar.low, trade.price),
    close: trade.price,
    volume: bar.volume + trade.size,
  };
}

/**
 * One-minute bars from trades, sorted by symbol then minute. Trades are taken in time order (stable for equal
 * times), so open and close are the first and last prints of the minute even when the input is out of order.
 * Trades with a non-positive or non-finite price are ignored.
 */
export function aggregateTrades(trades: readonly Trade[]): MinuteBar[] {
  const ordered = trades.filter(isUsableTrade).map((trade, index) => ({ trade, index }));
  ordered.sort((a, b) => a.trade.time - b.trade.time || a.index - b.index);
  const bars = new Map<string, MinuteBar>();
  for (const { trade } of ordered) {
    const key = `${trade.symbol}\u0000${minuteStart(trade.time)}`;
    bars.set(key, applyTrade(bars.get(key), trade));
  }
  return [...bars.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : a.start - b.start));
}

/** Merges two bars of the same symbol and minute; `later` holds the trades that came after `earlier`'s. */
export function mergeBar(earlier: MinuteBar, later: MinuteBar): MinuteBar {
  if (earlier.symbol !== later.symbol || earlier.start !== later.start) {
    throw new RangeError(`cannot merge bars ${earlier.symbol}@${earlier.start} and ${later.symbol}@${later.start}`);
  }
  return {
    symbol: earlier.symbol,
    start: earlier.start,
    open: earlier.open,
    high: Math.max(earlier.high, later.high),
    low: Math.min(earlier.low, later.low),
    close: later.close,
    volume: earlier.volume + later.volume,
  };
}

/** Inserts or merges `bar` into a list sorted by start (one symbol); returns a new sorted list. */
export function upsertBar(bars: readonly MinuteBar[], bar: MinuteBar): MinuteBar[] {
  const result = bars.slice();
  const index = result.findIndex((b) => b.start >= bar.start);
  if (index === -1) result.push(bar);
  else if (result[index]!.start === bar.start) result[index] = mergeBar(result[index]!, bar);
  else result.splice(index, 0, bar);
  return result;
}

/** One return between consecutive bars: `gapMinutes` is how many minutes apart their starts are. */
export interface BarReturn {
  start: number;
  /** Simple return close-to-close, as a fraction (0.01 = +1 %). */
  ret: number;
  gapMinutes: number;
}

/** Close-to-close returns between consecutive bars of one symbol, in start order. */
export function returnsSeries(bars: readonly MinuteBar[]): BarReturn[] {
  const sorted = [...bars].sort((a, b) => a.start - b.start);
  const out: BarReturn[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (prev.symbol !== cur.symbol || prev.close <= 0) continue;
    out.push({ start: cur.start, ret: cur.close / prev.close - 1, gapMinutes: (cur.start - prev.start) / MINUTE_MS });
  }
  return out;
}

/** Keeps the bars of the last two trading days up to `now` (today counts when it is a trading day). */
export function trimBars(bars: readonly MinuteBar[], now: number): MinuteBar[] {
  const today = nyDate(now);
  const latest = isTradingDay(today) ? today : previousTradingDay(today);
  const from = previousTradingDay(latest);
  const cutoff = DateTime.fromISO(from, { zone: MARKET_ZONE }).startOf('day').toMillis();
  return bars.filter((bar) => bar.start >= cutoff && bar.start <= now);
}
