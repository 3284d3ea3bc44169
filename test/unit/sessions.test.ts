import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  lastRegularClose,
  nextRegularOpen,
  nyDate,
  nyMinuteOfDay,
  referenceCloseDate,
  sessionAt,
  sessionBounds,
} from '../../src/market/sessions.js';

const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(iso);
  return ms;
};

describe('sessionAt', () => {
  it.each([
    // Winter (EST, UTC-5): Friday 2026-03-06 before the DST switch.
    ['2026-03-06T08:59:59Z', 'closed'],
    ['2026-03-06T09:00:00Z', 'premarket'],
    ['2026-03-06T14:29:59Z', 'premarket'],
    ['2026-03-06T14:30:00Z', 'regular'],
    ['2026-03-06T20:59:59Z', 'regular'],
    ['2026-03-06T21:00:00Z', 'after-hours'],
    ['2026-03-07T00:59:59Z', 'after-hours'],
    ['2026-03-07T01:00:00Z', 'closed'],
    // DST starts Sunday 2026-03-08 at 02:00 local: closed all day, Monday runs on EDT (UTC-4).
    ['2026-03-08T15:00:00Z', 'closed'],
    ['2026-03-09T08:00:00Z', 'premarket'],
    ['2026-03-09T07:59:59Z', 'closed'],
    ['2026-03-09T13:30:00Z', 'regular'],
    ['2026-03-09T13:29:59Z', 'premarket'],
    ['2026-03-09T20:00:00Z', 'after-hours'],
    ['2026-03-10T00:00:00Z', 'closed'],
    // DST ends Sunday 2026-11-01: Friday before on EDT, Monday after on EST.
    ['2026-10-30T13:30:00Z', 'regular'],
    ['2026-10-30T19:59:59Z', 'regular'],
    ['2026-11-01T14:30:00Z', 'closed'],
    ['2026-11-02T13:30:00Z', 'premarket'],
    ['2026-11-02T14:30:00Z', 'regular'],
    ['2026-11-02T21:00:00Z', 'after-hours'],
    // Early close 2026-11-27 (EST): regular ends 13:00, late session ends 17:00.
    ['2026-11-27T17:59:59Z', 'regular'],
    ['2026-11-27T18:00:00Z', 'after-hours'],
    ['2026-11-27T21:59:59Z', 'after-hours'],
    ['2026-11-27T22:00:00Z', 'closed'],
    ['2026-12-24T18:00:00Z', 'after-hours'],
    ['2026-12-24T17:00:00Z', 'regular'],
    // Holidays and weekends.
    ['2026-11-26T15:00:00Z', 'closed'],
    ['2026-12-25T15:00:00Z', 'closed'],
    ['2025-01-09T15:00:00Z', 'closed'],
    ['2026-11-28T15:00:00Z', 'closed'],
  ] as const)('%s is %s', (iso, expected) => {
    expect(sessionAt(at(iso))).toBe(expected);
  });

  it('accepts a Date', () => {
    expect(sessionAt(new Date('2026-03-09T14:00:00Z'))).toBe('regular');
  });
});

describe('nyDate and bounds', () => {
  it('uses the New York calendar date', () => {
    expect(nyDate(at('2026-03-07T04:59:00Z'))).toBe('2026-03-06');
    expect(nyDate(at('2026-03-07T05:00:00Z'))).toBe('2026-03-07');
    expect(nyDate(at('2026-07-01T03:59:00Z'))).toBe('2026-06-30');
    expect(nyMinuteOfDay(at('2026-07-01T13:30:00Z'))).toBe(9 * 60 + 30);
  });

  it('gives null bounds on closed days and early bounds on half days', () => {
    expect(sessionBounds('2026-11-26')).toBeNull();
    expect(sessionBounds('2026-11-28')).toBeNull();
    const half = sessionBounds('2026-11-27');
    expect(half?.earlyClose).toBe(true);
    expect(half?.regularClose).toBe(at('2026-11-27T18:00:00Z'));
    expect(half?.afterHoursClose).toBe(at('2026-11-27T22:00:00Z'));
    const full = sessionBounds('2026-07-02');
    expect(full?.regularOpen).toBe(at('2026-07-02T13:30:00Z'));
    expect(full?.regularClose).toBe(at('2026-07-02T20:00:00Z'));
  });
});

describe('lastRegularClose', () => {
  it('is today close once it has passed, else the previous trading day', () => {
    expect(lastRegularClose(at('2026-03-09T20:00:00Z'))).toBe(at('2026-03-09T20:00:00Z'));
    expect(lastRegularClose(at('2026-03-09T19:59:59Z'))).toBe(at('2026-03-06T21:00:00Z'));
    expect(lastRegularClose(at('2026-03-08T12:00:00Z'))).toBe(at('2026-03-06T21:00:00Z'));
  });

  it('honours early closes and holidays', () => {
    expect(lastRegularClose(at('2026-11-30T12:00:00Z'))).toBe(at('2026-11-27T18:00:00Z'));
    expect(lastRegularClose(at('2026-11-26T22:00:00Z'))).toBe(at('2026-11-25T21:00:00Z'));
    expect(lastRegularClose(at('2025-01-10T12:00:00Z'))).toBe(at('2025-01-08T21:00:00Z'));
  });

  it('referenceCloseDate is the trading day before the print day', () => {
    expect(referenceCloseDate(at('2026-11-27T22:00:00Z'))).toBe('2026-11-25');
    expect(referenceCloseDate(at('2026-03-09T12:00:00Z'))).toBe('2026-03-06');
    expect(referenceCloseDate(at('2026-03-07T04:00:00Z'))).toBe('2026-03-05');
  });

  it('nextRegularOpen skips closed days', () => {
    expect(nextRegularOpen(at('2026-11-25T21:00:00Z'))).toBe(at('2026-11-27T14:30:00Z'));
    expect(nextRegularOpen(at('2026-03-06T21:00:00Z'))).toBe(at('2026-03-09T13:30:00Z'));
  });
});

describe('New York offset cache', () => {
  it('agrees with luxon every 5 minutes around both 2026 DST switches', () => {
    for (const [from, to] of [
      ['2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z'],
      ['2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z'],
    ] as const) {
      for (let t = at(from); t < at(to); t += 5 * 60_000) {
        const dt = DateTime.fromMillis(t, { zone: 'America/New_York' });
        expect(nyDate(t)).toBe(dt.toISODate());
        expect(nyMinuteOfDay(t)).toBe(dt.hour * 60 + dt.minute);
      }
    }
  });
});
