import { describe, expect, it } from 'vitest';
import { aggregateTrades, mergeBar, returnsSeries, trimBars, upsertBar } from '../../src/market/bars.js';
import type { MinuteBar, Trade } from '../../src/market/types.js';

const at = (iso: string): number => Date.parse(iso);
const trade = (symbol: string, price: number, size: number, iso: string): Trade => ({ symbol, price, size, time: at(iso) });
const bar = (start: string, close: number, volume = 100, symbol = 'AAPL'): MinuteBar => ({
  symbol,
  start: at(start),
  open: close,
  high: close,
  low: close,
  close,
  volume,
});

describe('aggregateTrades', () => {
  it('builds one OHLCV bar per symbol and minute, in time order even from shuffled input', () => {
    const bars = aggregateTrades([
      trade('AAPL', 101, 5, '2026-03-09T14:30:40Z'),
      trade('AAPL', 100, 10, '2026-03-09T14:30:01Z'),
      trade('MSFT', 400, 1, '2026-03-09T14:30:30Z'),
      trade('AAPL', 99, 20, '2026-03-09T14:30:20Z'),
      trade('AAPL', 102, 1, '2026-03-09T14:31:00Z'),
      trade('AAPL', -1, 1, '2026-03-09T14:31:10Z'),
    ]);
    expect(bars).toEqual([
      { symbol: 'AAPL', start: at('2026-03-09T14:30:00Z'), open: 100, high: 101, low: 99, close: 101, volume: 35 },
      { symbol: 'AAPL', start: at('2026-03-09T14:31:00Z'), open: 102, high: 102, low: 102, close: 102, volume: 1 },
      { symbol: 'MSFT', start: at('2026-03-09T14:30:00Z'), open: 400, high: 400, low: 400, close: 400, volume: 1 },
    ]);
  });

  it('returns nothing for no trades', () => {
    expect(aggregateTrades([])).toEqual([]);
  });
});

describe('mergeBar and upsertBar', () => {
  it('merges a partial bar with the rest of its minute', () => {
    const early = { ...bar('2026-03-09T14:30:00Z', 100), open: 99, high: 101, low: 98, volume: 10 };
    const late = { ...bar('2026-03-09T14:30:00Z', 103), open: 100, high: 104, low: 100, volume: 5 };
    expect(mergeBar(early, late)).toEqual({ ...early, high: 104, close: 103, volume: 15 });
    expect(() => mergeBar(early, bar('2026-03-09T14:31:00Z', 1))).toThrow(RangeError);
  });

  it('keeps a list sorted while inserting and merging', () => {
    let list: MinuteBar[] = [];
    list = upsertBar(list, bar('2026-03-09T14:32:00Z', 3));
    list = upsertBar(list, bar('2026-03-09T14:30:00Z', 1));
    list = upsertBar(list, bar('2026-03-09T14:31:00Z', 2));
    list = upsertBar(list, bar('2026-03-09T14:31:00Z', 2.5, 50));
    expect(list.map((b) => [b.close, b.volume])).toEqual([[1, 100], [2.5, 150], [3, 100]]);
  });
});

describe('returnsSeries', () => {
  it('gives close-to-close returns with the gap in minutes', () => {
    const series = returnsSeries([bar('2026-03-09T14:33:00Z', 110), bar('2026-03-09T14:30:00Z', 100), bar('2026-03-09T14:31:00Z', 100)]);
    expect(series.map((r) => r.gapMinutes)).toEqual([1, 2]);
    expect(series[0]!.ret).toBe(0);
    expect(series[1]!.ret).toBeCloseTo(0.1, 12);
  });
});

describe('trimBars', () => {
  const bars = [
    bar('2026-11-24T15:00:00Z', 1), // Tuesday
    bar('2026-11-25T05:00:00Z', 2), // Wednesday 00:00 ET
    bar('2026-11-25T15:00:00Z', 3),
    bar('2026-11-27T15:00:00Z', 4), // Friday (early close)
    bar('2026-11-30T15:00:00Z', 5), // Monday
  ];

  it('keeps the last two trading days, skipping the holiday', () => {
    expect(trimBars(bars, at('2026-11-28T15:00:00Z')).map((b) => b.close)).toEqual([2, 3, 4]);
  });

  it('counts today when it is a trading day and drops bars after now', () => {
    expect(trimBars(bars, at('2026-11-27T16:00:00Z')).map((b) => b.close)).toEqual([2, 3, 4]);
    expect(trimBars(bars, at('2026-11-30T16:00:00Z')).map((b) => b.close)).toEqual([4, 5]);
  });
});
