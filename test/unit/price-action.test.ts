import { describe, expect, it } from 'vitest';
import {
  describePriceAction,
  formatPrice,
  priceActionConfigSchema,
  type PriceActionOptions,
} from '../../src/market/price-action.js';
import type { PriceSnapshot } from '../../src/market/types.js';

const at = (iso: string): number => Date.parse(iso);
const MIN = 60_000;

function snap(
  symbol: string,
  price: number,
  tradeIso: string,
  prevClose?: { price: number; date: string },
  extra: Partial<PriceSnapshot> = {},
): PriceSnapshot {
  return {
    symbol,
    last: { price, size: 100, time: at(tradeIso) },
    ...(prevClose ? { previousClose: prevClose } : {}),
    updatedAt: at(tradeIso),
    ...extra,
  };
}

// Friday 2026-03-06 is on EST (UTC-5); its previous trading day is Thursday 2026-03-05.
const THU = '2026-03-05';
interface Row {
  name: string;
  snapshot: PriceSnapshot;
  now: string;
  options?: PriceActionOptions;
  line: string;
  stale?: boolean;
}

const rows: Row[] = [
  {
    name: 'premarket, lower',
    snapshot: snap('BABA', 71.92, '2026-03-06T13:00:00Z', { price: 72.13, date: THU }),
    now: '2026-03-06T13:02:00Z',
    line: 'BABA shares traded lower by 0.29% at $71.92 premarket',
  },
  {
    name: 'regular, higher',
    snapshot: snap('AAPL', 231.1, '2026-03-06T16:00:00Z', { price: 228.36, date: THU }),
    now: '2026-03-06T16:00:30Z',
    line: 'AAPL shares traded higher by 1.20% at $231.10 during regular trading',
  },
  {
    name: 'after-hours',
    snapshot: snap('NVDA', 1234.5, '2026-03-06T22:00:00Z', { price: 1200, date: THU }),
    now: '2026-03-06T22:05:00Z',
    line: 'NVDA shares traded higher by 2.88% at $1,234.50 in after-hours trading',
  },
  {
    name: 'closed after a regular print, same evening',
    snapshot: snap('AAPL', 231.1, '2026-03-06T20:59:59Z', { price: 228.36, date: THU }),
    now: '2026-03-07T02:00:00Z',
    line: 'AAPL shares closed higher by 1.20% at $231.10',
  },
  {
    name: 'closed, viewed on the weekend',
    snapshot: snap('AAPL', 231.1, '2026-03-06T20:59:59Z', { price: 228.36, date: THU }),
    now: '2026-03-08T15:00:00Z',
    line: 'AAPL shares closed higher by 1.20% at $231.10 on Friday',
  },
  {
    name: 'closed print after the market reopened is stale',
    snapshot: snap('AAPL', 231.1, '2026-03-06T20:59:59Z', { price: 228.36, date: THU }),
    now: '2026-03-09T16:00:00Z',
    line: 'AAPL shares closed higher by 1.20% at $231.10 on Friday (last trade 2 d ago)',
    stale: true,
  },
  {
    name: 'stale premarket print',
    snapshot: snap('BABA', 71.92, '2026-03-06T10:00:00Z', { price: 72.13, date: THU }),
    now: '2026-03-06T13:00:00Z',
    line: 'BABA shares traded lower by 0.29% at $71.92 premarket (last trade 3 h ago)',
    stale: true,
  },
  {
    name: 'no previous close',
    snapshot: snap('BABA', 71.92, '2026-03-06T13:00:00Z'),
    now: '2026-03-06T13:00:00Z',
    line: 'BABA shares last traded at $71.92 premarket',
  },
  {
    name: 'previous close from the print day is not used',
    snapshot: snap('BABA', 71.92, '2026-03-06T22:00:00Z', { price: 72.0, date: '2026-03-06' }),
    now: '2026-03-06T22:00:00Z',
    line: 'BABA shares last traded at $71.92 in after-hours trading',
  },
  {
    name: 'unchanged when it rounds to zero',
    snapshot: snap('KO', 60.001, '2026-03-06T15:00:00Z', { price: 60, date: THU }),
    now: '2026-03-06T15:00:00Z',
    line: 'KO shares traded unchanged at $60.00 during regular trading',
  },
  {
    name: 'penny stock gets 4 decimals',
    snapshot: snap('MULN', 0.4512, '2026-03-06T15:00:00Z', { price: 0.5, date: THU }),
    now: '2026-03-06T15:01:00Z',
    line: 'MULN shares traded lower by 9.76% at $0.4512 during regular trading',
  },
  {
    name: 'halted',
    snapshot: snap('XYZ', 4.1, '2026-03-06T15:00:00Z', { price: 4.675, date: THU }, { halted: true }),
    now: '2026-03-06T15:10:00Z',
    line: 'Trading in XYZ is halted; last trade $4.10, down 12.3%',
  },
  {
    name: 'halted with a reason and no previous close',
    snapshot: snap('XYZ', 4.1, '2026-03-06T15:00:00Z', undefined, { halted: true, haltReason: 'LULD pause' }),
    now: '2026-03-06T15:01:00Z',
    line: 'Trading in XYZ is halted (LULD pause); last trade $4.10',
  },
  {
    name: 'company name',
    snapshot: snap('BABA', 71.92, '2026-03-06T13:00:00Z', { price: 72.13, date: THU }),
    now: '2026-03-06T13:00:00Z',
    options: { name: 'Alibaba' },
    line: 'Alibaba (BABA) shares traded lower by 0.29% at $71.92 premarket',
  },
  {
    name: 'after the early close of 2026-11-27, against the close before Thanksgiving',
    snapshot: snap('MSFT', 500, '2026-11-27T17:59:00Z', { price: 490, date: '2026-11-25' }),
    now: '2026-11-27T18:30:00Z',
    line: 'MSFT shares closed higher by 2.04% at $500.00',
  },
  {
    name: 'a custom stale limit',
    snapshot: snap('BABA', 71.92, '2026-03-06T13:00:00Z', { price: 72.13, date: THU }),
    now: '2026-03-06T13:06:00Z',
    options: { staleAfterMs: 5 * MIN },
    line: 'BABA shares traded lower by 0.29% at $71.92 premarket (last trade 6 min ago)',
    stale: true,
  },
];

describe('describePriceAction', () => {
  it.each(rows)('$name', (row) => {
    const action = describePriceAction(row.snapshot, at(row.now), row.options);
    expect(action?.line).toBe(row.line);
    expect(action?.stale).toBe(row.stale ?? false);
  });

  it('returns the numbers behind the line', () => {
    const action = describePriceAction(rows[0]!.snapshot, at('2026-03-06T13:02:00Z'));
    expect(action).toMatchObject({
      symbol: 'BABA',
      price: 71.92,
      changePct: -0.29,
      direction: 'lower',
      session: 'premarket',
      ageMs: 2 * MIN,
      halted: false,
    });
  });

  it('returns null without a print', () => {
    expect(describePriceAction({ symbol: 'AAPL', updatedAt: 0 }, 0)).toBeNull();
  });

  it('formats prices', () => {
    expect(formatPrice(71.92)).toBe('$71.92');
    expect(formatPrice(0.05)).toBe('$0.0500');
    expect(formatPrice(12345.678)).toBe('$12,345.68');
  });
});

describe('priceActionConfigSchema', () => {
  it('defaults to 15 minutes and rejects nonsense', () => {
    expect(priceActionConfigSchema.parse(undefined)).toEqual({ staleAfterMs: 900_000 });
    expect(priceActionConfigSchema.safeParse({ staleAfterMs: -1 }).success).toBe(false);
    expect(priceActionConfigSchema.safeParse({ staleAfter: 5 }).success).toBe(false);
  });
});
