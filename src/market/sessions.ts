// US equity sessions in America/New_York time (DST-aware through luxon's IANA zone data; never a fixed offset).
// Premarket 04:00–09:30, regular 09:30–16:00, after-hours 16:00–20:00, closed otherwise and on weekends and
// holidays. On early-close days the regular session ends at 13:00 and the late session at 17:00.
import { DateTime } from 'luxon';
import { addDays, earlyClose, isTradingDay, previousTradingDay } from './calendar.js';
import type { Session } from './types.js';

export const MARKET_ZONE = 'America/New_York';

/** Boundaries of one trading day's sessions, epoch ms. */
export interface SessionBounds {
  /** New York date, YYYY-MM-DD. */
  date: string;
  earlyClose: boolean;
  premarketOpen: number;
  regularOpen: number;
  regularClose: number;
  afterHoursClose: number;
}

const boundsCache = new Map<string, SessionBounds | null>();

function toMillis(time: number | Date): number {
  const ms = typeof time === 'number' ? time : time.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid time: ${String(time)}`);
  return ms;
}

/** New York wall-clock time on `date` as epoch ms. */
function nyWallClock(date: string, hour: number, minute: number): number {
  const [y, m, d] = date.split('-').map(Number);
  return DateTime.fromObject({ year: y, month: m, day: d, hour, minute }, { zone: MARKET_ZONE }).toMillis();
}

const HOUR_MS = 3_600_000;
const offsetCache = new Map<number, number>();

/**
 * New York's UTC offset at an instant, in ms. New York changes offset at 02:00 local, which is always a whole UTC
 * hour, so the offset is constant within each UTC hour and can be cached per hour (luxon's zone lookup is slow).
 */
function nyOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    offset = DateTime.fromMillis(hour * HOUR_MS, { zone: MARKET_ZONE }).offset * 60_000;
    if (offsetCache.size > 20_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** The New York calendar date (YYYY-MM-DD) at an instant. */
export function nyDate(time: number | Date): string {
  const ms = toMillis(time);
  return new Date(ms + nyOffsetMs(ms)).toISOString().slice(0, 10);
}

/** Session boundaries for a New York date, or null when the market does not open that day. */
export function sessionBounds(date: string): SessionBounds | null {
  const cached = boundsCache.get(date);
  if (cached !== undefined) return cached;
  let bounds: SessionBounds | null = null;
  if (isTradingDay(date)) {
    const early = earlyClose(date);
    bounds = {
      date,
      earlyClose: early,
      premarketOpen: nyWallClock(date, 4, 0),
      regularOpen: nyWallClock(date, 9, 30),
      regularClose: nyWallClock(date, early ? 13 : 16, 0),
      afterHoursClose: nyWallClock(date, early ? 17 : 20, 0),
    };
  }
  if (boundsCache.size > 4096) boundsCache.clear();
  boundsCache.set(date, bounds);
  return bounds;
}

/** The session in force at an instant. */
export function sessionAt(time: number | Date): Session {
  const ms = toMillis(time);
  const bounds = sessionBounds(nyDate(ms));
  if (!bounds) return 'closed';
  if (ms < bounds.premarketOpen) return 'closed';
  if (ms < bounds.regularOpen) return 'premarket';
  if (ms < bounds.regularClose) return 'regular';
  if (ms < bounds.afterHoursClose) return 'after-hours';
  return 'closed';
}

/** Epoch ms of the most recent regular-session close at or before `time`. */
export function lastRegularClose(time: number | Date): number {
  const ms = toMillis(time);
  const today = nyDate(ms);
  const bounds = sessionBounds(today);
  if (bounds && bounds.regularClose <= ms) return bounds.regularClose;
  const previous = sessionBounds(previousTradingDay(today));
  if (!previous) throw new Error(`no trading day before ${today}`);
  return previous.regularClose;
}

/** Epoch ms of the next regular-session open strictly after `time`. */
export function nextRegularOpen(time: number | Date): number {
  const ms = toMillis(time);
  let date = nyDate(ms);
  for (let i = 0; i < 30; i += 1) {
    const bounds = sessionBounds(date);
    if (bounds && bounds.regularOpen > ms) return bounds.regularOpen;
    date = addDays(date, 1);
  }
  throw new Error(`no regular open within 30 days of ${nyDate(ms)}`);
}

/** Minutes since New York midnight at an instant (0–1439), for time-of-day comparisons. */
export function nyMinuteOfDay(time: number | Date): number {
  const ms = toMillis(time);
  const local = ms + nyOffsetMs(ms);
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

/**
 * The New York date of the regular close that a print at `time` is compared with: the trading day before the
 * print's own date (also for after-hours prints).
 */
export function referenceCloseDate(time: number | Date): string {
  return previousTradingDay(nyDate(time));
}
