import { describe, expect, it } from 'vitest';
import {
  calendarEntry,
  calendarForYear,
  earlyClose,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
} from '../../src/market/calendar.js';
import { CALENDAR_OVERRIDES, OVERRIDE_YEARS } from '../../src/market/calendar-overrides.js';

describe('NYSE calendar', () => {
  it('knows the special 2025-01-09 closure that the holiday library lacks', () => {
    expect(isTradingDay('2025-01-09')).toBe(false);
    expect(calendarEntry('2025-01-09')?.name).toMatch(/Mourning/);
    expect(isTradingDay('2025-01-08')).toBe(true);
  });

  it.each([
    ['2025-06-19', false],
    ['2026-06-19', false],
    ['2027-06-18', false],
    ['2026-07-03', false],
    ['2026-04-03', false],
    ['2027-12-24', false],
    ['2027-12-31', true],
    ['2028-01-03', true],
    ['2026-11-26', false],
    ['2026-11-28', false],
    ['2026-11-29', false],
    ['2026-11-30', true],
    ['2026-10-12', true],
    ['2026-11-11', true],
  ])('isTradingDay(%s) is %s', (date, expected) => {
    expect(isTradingDay(date)).toBe(expected);
  });

  it.each([
    ['2025-07-03', true],
    ['2025-11-28', true],
    ['2025-12-24', true],
    ['2026-11-27', true],
    ['2026-12-24', true],
    ['2026-07-02', false],
    ['2027-11-26', true],
    ['2027-12-23', false],
    ['2028-07-03', true],
    ['2028-11-24', true],
    ['2028-12-22', false],
    ['2026-12-25', false],
  ])('earlyClose(%s) is %s', (date, expected) => {
    expect(earlyClose(date)).toBe(expected);
  });

  it('lists every override year completely, with only weekdays', () => {
    for (const year of OVERRIDE_YEARS) {
      const entries = calendarForYear(year);
      expect(entries.filter((e) => e.kind === 'closed').length).toBeGreaterThanOrEqual(9);
      for (const entry of entries) {
        const dow = new Date(`${entry.date}T12:00:00Z`).getUTCDay();
        expect(dow, entry.date).not.toBe(0);
        expect(dow, entry.date).not.toBe(6);
      }
    }
    expect(CALENDAR_OVERRIDES.filter((e) => e.date.startsWith('2028-01-01'))).toHaveLength(0);
  });

  it('falls back to the holiday library and rule-based early closes outside the override years', () => {
    expect(isTradingDay('2024-07-04')).toBe(false);
    expect(earlyClose('2024-07-03')).toBe(true);
    expect(earlyClose('2024-11-29')).toBe(true);
    expect(earlyClose('2024-12-24')).toBe(true);
    expect(isTradingDay('2024-03-29')).toBe(false); // Good Friday
    expect(isTradingDay('2018-12-05')).toBe(false); // special closure
    expect(isTradingDay('2022-06-20')).toBe(false); // Juneteenth observed
    expect(isTradingDay('2029-01-01')).toBe(false);
    expect(earlyClose('2029-11-23')).toBe(true);
    expect(earlyClose('2029-07-03')).toBe(true); // Tuesday
    expect(earlyClose('2022-07-01')).toBe(false); // July 4 on a Monday: no early close
  });

  it('steps over weekends and holidays', () => {
    expect(previousTradingDay('2026-11-30')).toBe('2026-11-27');
    expect(previousTradingDay('2026-11-27')).toBe('2026-11-25');
    expect(nextTradingDay('2026-12-24')).toBe('2026-12-28');
    expect(nextTradingDay('2025-01-08')).toBe('2025-01-10');
    expect(previousTradingDay('2028-01-03')).toBe('2027-12-31');
    expect(nextTradingDay('2026-07-02')).toBe('2026-07-06');
  });

  it('rejects malformed dates', () => {
    expect(() => isTradingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isTradingDay('26-1-1')).toThrow(RangeError);
  });
});
