import { describe, expect, it } from 'vitest';
import { PriceBook, pickPreviousClose, recordToSnapshot } from '../../src/market/price-book.js';

// Tuesday 2026-11-24 (New York): 08:00 premarket, 10:00 and 10:01 regular, 17:00 after-hours.
const PRE = Date.parse('2026-11-24T13:00:00Z');
const REG = Date.parse('2026-11-24T15:00:00Z');
const REG2 = Date.parse('2026-11-24T15:01:30Z');
const AFTER = Date.parse('2026-11-24T22:00:00Z');
// Wednesday 2026-11-25 10:00.
const NEXT = Date.parse('2026-11-25T15:00:00Z');

describe('PriceBook', () => {
  it('keeps the last trade by trade time, never by arrival order', () => {
    const book = new PriceBook({ now: () => REG + 5_000 });
    book.applyTrade('AAPL', 101, 10, REG + 2_000);
    book.applyTrade('AAPL', 100, 5, REG + 1_000); // arrives late
    expect(book.snapshot('AAPL')?.last).toEqual({ price: 101, size: 10, time: REG + 2_000 });
  });

  it('builds regular-session day aggregates and leaves extended hours out of them', () => {
    const book = new PriceBook({ now: () => AFTER });
    book.applyTrade('AAPL', 99, 100, PRE);
    book.applyTrade('AAPL', 100, 10, REG);
    book.applyTrade('AAPL', 103, 20, REG + 1_000);
    book.applyTrade('AAPL', 98, 30, REG2);
    book.applyTrade('AAPL', 90, 40, AFTER);
    const snap = book.snapshot('AAPL', AFTER);
    expect(snap?.day).toEqual({ open: 100, high: 103, low: 98, volume: 60, date: '2026-11-24' });
    expect(snap?.last?.price).toBe(90);
  });

  it('rolls the last regular trade into the previous close of the next day, and a REST close wins over it', () => {
    const book = new PriceBook({ now: () => NEXT });
    book.applyTrade('AAPL', 100, 10, REG);
    book.applyTrade('AAPL', 90, 10, AFTER); // after-hours print is not a close
    expect(book.snapshot('AAPL', AFTER)?.previousClose).toBeUndefined();
    // Read the next morning, the last print is still Tuesday's: its reference is Monday's close (unknown here),
    // never Tuesday's own close.
    expect(book.snapshot('AAPL', NEXT)?.previousClose).toBeUndefined();
    book.applyTrade('AAPL', 95, 10, NEXT);
    expect(book.snapshot('AAPL', NEXT)?.previousClose).toEqual({ price: 100, date: '2026-11-24' });
    book.setClose('AAPL', 100.5, '2026-11-24');
    expect(book.snapshot('AAPL', NEXT)?.previousClose).toEqual({ price: 100.5, date: '2026-11-24' });
  });

  it('picks the newest close dated before today', () => {
    const closes = [
      { price: 2, date: '2026-11-24' },
      { price: 1, date: '2026-11-23' },
    ];
    expect(pickPreviousClose(closes, undefined, '2026-11-24')).toEqual({ price: 1, date: '2026-11-23' });
    expect(pickPreviousClose(closes, undefined, '2026-11-25')).toEqual({ price: 2, date: '2026-11-24' });
    expect(pickPreviousClose([], { price: 3, date: '2026-11-24' }, '2026-11-25')).toEqual({ price: 3, date: '2026-11-24' });
    expect(pickPreviousClose([], undefined, '2026-11-25')).toBeUndefined();
  });

  it('drops day aggregates from an earlier date in snapshots', () => {
    const book = new PriceBook();
    book.applyTrade('AAPL', 100, 10, REG);
    const r = book.record('AAPL')!;
    expect(recordToSnapshot(r, NEXT).day).toBeUndefined();
    expect(recordToSnapshot(r, REG).day?.date).toBe('2026-11-24');
  });

  it('builds minute bars from trades and emits finished ones on drain', () => {
    const book = new PriceBook();
    book.applyTrade('AAPL', 100, 1, REG);
    book.applyTrade('AAPL', 102, 2, REG + 10_000);
    book.applyTrade('AAPL', 99, 3, REG + 20_000);
    book.applyTrade('AAPL', 101, 4, REG + 60_000);
    const { records, bars } = book.drain();
    expect(records.map((r) => r.symbol)).toEqual(['AAPL']);
    expect(bars).toEqual([{ symbol: 'AAPL', start: REG, open: 100, high: 102, low: 99, close: 99, volume: 6 }]);
    expect(records[0]).toMatchObject({ barStart: REG + 60_000, barOpen: 101, barVolume: 4 });
    expect(book.drain()).toEqual({ records: [], bars: [] });
  });

  it('lets a provider bar replace the bar built from trades for the same minute', () => {
    const book = new PriceBook();
    book.applyTrade('AAPL', 100, 1, REG);
    book.applyBar({ symbol: 'AAPL', start: REG, open: 99.5, high: 100.2, low: 99.4, close: 100, volume: 900 });
    expect(book.record('AAPL')).toMatchObject({ barOpen: 99.5, barVolume: 900 });
    book.applyBar({ symbol: 'AAPL', start: REG - 60_000, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    expect(book.drain().bars).toHaveLength(1);
  });

  it('stamps a bar-only price with the bar end, not the arrival time', () => {
    const book = new PriceBook({ now: () => REG + 10 * 60_000 });
    book.applyBar({ symbol: 'SPY', start: REG, open: 1, high: 2, low: 1, close: 2, volume: 5 });
    expect(book.snapshot('SPY')?.last).toEqual({ price: 2, size: 0, time: REG + 59_999 });
  });

  it('tracks halts', () => {
    const book = new PriceBook();
    book.applyStatus('GME', true, 'Trading Halt: T12');
    expect(book.snapshot('GME')).toMatchObject({ halted: true, haltReason: 'Trading Halt: T12' });
    book.applyStatus('GME', false, 'Trading Resumption');
    expect(book.snapshot('GME')?.halted).toBeUndefined();
  });

  it('ignores nonsense prints and keeps the two newest closes', () => {
    const book = new PriceBook();
    book.applyTrade('X', 0, 1, REG);
    book.applyTrade('X', Number.NaN, 1, REG);
    expect(book.size).toBe(0);
    book.setClose('X', 1, '2026-11-20');
    book.setClose('X', 2, '2026-11-23');
    book.setClose('X', 3, '2026-11-24');
    expect(book.record('X')?.closes).toEqual([
      { price: 3, date: '2026-11-24' },
      { price: 2, date: '2026-11-23' },
    ]);
  });

  it('restores a stored record only when the symbol is new', () => {
    const a = new PriceBook();
    a.applyTrade('AAPL', 100, 10, REG);
    const b = new PriceBook();
    b.restore(a.record('AAPL')!);
    b.applyTrade('AAPL', 99, 1, REG - 1_000); // older than the restored last
    expect(b.snapshot('AAPL', REG)?.last?.price).toBe(100);
    expect(b.snapshot('AAPL', REG)?.day).toMatchObject({ open: 100, volume: 11 });
  });
});
