// NYSE trading days, holidays and early closes. Dates are New York calendar dates as 'YYYY-MM-DD' strings.
// Inside the override years the checked-in table is the whole truth; outside them the rule-based `nyse-holidays`
// library gives the full-day holidays (its `getHolidays` is used, not `isHoliday`, which compares in process-local
// time) and early closes follow NYSE's usual pattern.
import { getHolidays } from 'nyse-holidays';
import {
  CALENDAR_OVERRIDES,
  HISTORIC_SPECIAL_CLOSURES,
  OVERRIDE_YEARS,
  type CalendarEntry,
} from './calendar-overrides.js';

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const yearCache = new Map<number, ReadonlyMap<string, CalendarEntry>>();

/** Parses 'YYYY-MM-DD' to the epoch ms of that date's UTC midnight; throws on anything else. */
function parseDate(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (formatUtcDate(ms) !== date) throw new RangeError(`no such calendar date: ${date}`);
  return ms;
}

function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return formatUtcDate(parseDate(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(parseDate(date)).getUTCDay();
}

function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Early closes by NYSE's usual pattern, for years without an override table. */
function ruleEarlyCloses(year: number, closed: ReadonlySet<string>): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  const weekdayMonToThu = (date: string): boolean => {
    const dow = dayOfWeek(date);
    return dow >= 1 && dow <= 4;
  };
  const july3 = `${year}-07-03`;
  if (weekdayMonToThu(july3) && !closed.has(july3)) {
    entries.push({ date: july3, kind: 'early-close', name: 'Day before Independence Day' });
  }
  // Thanksgiving is the fourth Thursday of November; the Friday after closes early.
  const nov1Dow = dayOfWeek(`${year}-11-01`);
  const firstThursday = 1 + ((4 - nov1Dow + 7) % 7);
  const dayAfter = `${year}-11-${String(firstThursday + 21 + 1).padStart(2, '0')}`;
  entries.push({ date: dayAfter, kind: 'early-close', name: 'Day after Thanksgiving' });
  const christmasEve = `${year}-12-24`;
  if (weekdayMonToThu(christmasEve) && !closed.has(christmasEve)) {
    entries.push({ date: christmasEve, kind: 'early-close', name: 'Christmas Eve' });
  }
  return entries;
}

function entriesForYear(year: number): ReadonlyMap<string, CalendarEntry> {
  const cached = yearCache.get(year);
  if (cached) return cached;
  const map = new Map<string, CalendarEntry>();
  if (OVERRIDE_YEARS.includes(year)) {
    for (const entry of CALENDAR_OVERRIDES) if (entry.date.startsWith(`${year}-`)) map.set(entry.date, entry);
  } else {
    for (const holiday of getHolidays(year)) {
      map.set(holiday.dateString, { date: holiday.dateString, kind: 'closed', name: holiday.name });
    }
    for (const entry of HISTORIC_SPECIAL_CLOSURES) if (entry.date.startsWith(`${year}-`)) map.set(entry.date, entry);
    const closed = new Set(map.keys());
    for (const entry of ruleEarlyCloses(year, closed)) map.set(entry.date, entry);
  }
  yearCache.set(year, map);
  return map;
}

/** The holiday or early-close entry for a date, if any (weekends have none). */
export function calendarEntry(date: string): CalendarEntry | undefined {
  parseDate(date);
  return entriesForYear(Number(date.slice(0, 4))).get(date);
}

/** True when NYSE holds a regular session on this New York date. */
export function isTradingDay(date: string): boolean {
  if (isWeekend(date)) return false;
  return calendarEntry(date)?.kind !== 'closed';
}

/** True when this date is a trading day whose regular session ends at 13:00 ET. */
export function earlyClose(date: string): boolean {
  return isTradingDay(date) && calendarEntry(date)?.kind === 'early-close';
}

/** The last trading day strictly before `date`. */
export function previousTradingDay(date: string): string {
  let day = addDays(date, -1);
  while (!isTradingDay(day)) day = addDays(day, -1);
  return day;
}

/** The first trading day strictly after `date`. */
export function nextTradingDay(date: string): string {
  let day = addDays(date, 1);
  while (!isTradingDay(day)) day = addDays(day, 1);
  return day;
}

/** Every closure and early close in a year, sorted by date. */
export function calendarForYear(year: number): CalendarEntry[] {
  return [...entriesForYear(year).values()].sort((a, b) => a.date.localeCompare(b.date));
}
