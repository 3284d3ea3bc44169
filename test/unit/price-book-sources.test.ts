// Dating REST closes and choosing symbols under a cap: pure helpers the stream role relies on.
import { describe, expect, it } from 'vitest';
import { alpacaCloses, finnhubCloses } from '../../src/market/providers/previous-close.js';
import { chooseSymbols } from '../../src/roles/stream.js';

const at = (iso: string): number => Date.parse(iso);

describe('finnhubCloses', () => {
  it('dates `pc` as the session before the quote during premarket and regular hours', () => {
    const t = at('2026-11-24T15:00:00Z') / 1000; // Tue 10:00 New York
    expect(finnhubCloses({ c: 101, pc: 100, t })).toEqual([{ price: 100, date: '2026-11-23' }]);
  });

  it('after the close, `c` is that day\'s close and `pc` the one before', () => {
    const t = at('2026-11-24T21:00:00Z') / 1000; // Tue 16:00
    expect(finnhubCloses({ c: 101, pc: 100, t })).toEqual([
      { price: 101, date: '2026-11-24' },
      { price: 100, date: '2026-11-23' },
    ]);
  });

  it('skips the Thanksgiving holiday and treats an unknown symbol (zeros) as nothing', () => {
    const t = at('2026-11-27T15:00:00Z') / 1000; // Fri after Thanksgiving, 10:00
    expect(finnhubCloses({ c: 101, pc: 100, t })).toEqual([{ price: 100, date: '2026-11-25' }]);
    expect(finnhubCloses({ c: 0, pc: 0, t: 0 })).toEqual([]);
  });
});

describe('alpacaCloses', () => {
  const snap = {
    dailyBar: { t: '2026-11-24T05:00:00Z', c: 101 },
    prevDailyBar: { t: '2026-11-23T05:00:00Z', c: 100 },
  };

  it('counts today\'s daily bar only once its regular session is over', () => {
    expect(alpacaCloses(snap, at('2026-11-24T15:00:00Z'))).toEqual([{ price: 100, date: '2026-11-23' }]);
    expect(alpacaCloses(snap, at('2026-11-24T22:00:00Z'))).toEqual([
      { price: 101, date: '2026-11-24' },
      { price: 100, date: '2026-11-23' },
    ]);
  });

  it('tolerates null bars', () => {
    expect(alpacaCloses({ dailyBar: null, prevDailyBar: null }, at('2026-11-24T15:00:00Z'))).toEqual([]);
  });
});

describe('chooseSymbols', () => {
  it('keeps symbols already streaming ahead of new ones and names what is left out', () => {
    const r = chooseSymbols(['AMD', 'MSFT', 'NVDA', 'TSLA'], new Set(['TSLA']), new Set(), 2);
    expect(r).toEqual({ chosen: ['TSLA', 'AMD'], leftOut: ['MSFT', 'NVDA'] });
  });

  it('leaves refused symbols out', () => {
    expect(chooseSymbols(['A', 'B'], new Set(), new Set(['A']), 5)).toEqual({ chosen: ['B'], leftOut: ['A'] });
  });
});
