// The one-line price action attached to alerts and /price, e.g.
// "BABA shares traded lower by 0.29% at $71.92 premarket". The change is measured against the official close of the
// regular session before the print's day; the session named is the print's own. A print older than the stale limit
// is never presented as live: the line says how old it is.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { previousTradingDay } from './calendar.js';
import { MARKET_ZONE, nextRegularOpen, nyDate, sessionAt, sessionBounds } from './sessions.js';
import type { PriceSnapshot, Session } from './types.js';

export type Direction = 'higher' | 'lower' | 'unchanged';

export interface PriceAction {
  symbol: string;
  price: number;
  /** Percent change against the previous regular-session close, rounded to 2 decimals; null when unknown. */
  changePct: number | null;
  direction: Direction;
  /** Session of the last print (by its timestamp in New York time). */
  session: Session;
  stale: boolean;
  /** Milliseconds between the last print and `now` (0 when the print is in the future). */
  ageMs: number;
  halted: boolean;
  line: string;
}

export interface PriceActionOptions {
  /** A print older than this is shown with its age. Default 15 minutes. */
  staleAfterMs?: number | undefined;
  /** Company name; the line then reads "Alibaba (BABA) shares …". */
  name?: string | undefined;
}

export const PRICE_ACTION_DEFAULTS = { staleAfterMs: 15 * 60_000 } as const satisfies Required<
  Pick<PriceActionOptions, 'staleAfterMs'>
>;

/** Configuration section `market.priceAction` (merged into the market schema by the config loader). */
export const priceActionConfigSchema = z
  .object({
    /** A print older than this is shown with its age, never as live. */
    staleAfterMs: z.number().int().min(1_000).max(86_400_000).default(PRICE_ACTION_DEFAULTS.staleAfterMs),
  })
  .strict()
  .default({});
export type PriceActionConfig = z.infer<typeof priceActionConfigSchema>;

/** "$71.92", "$1,234.50"; prices under $1 get 4 decimals ("$0.4512"). */
export function formatPrice(price: number): string {
  const digits = Math.abs(price) < 1 ? 4 : 2;
  const text = Math.abs(price).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${price < 0 ? '-' : ''}$${text}`;
}

/** Rounds to a number of decimals, turning -0 into 0. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Percent change of `price` against `reference`, or null when the reference is unusable. */
export function percentChange(price: number, reference: number | undefined): number | null {
  if (reference === undefined || !Number.isFinite(reference) || reference <= 0 || !Number.isFinite(price)) return null;
  return ((price - reference) / reference) * 100;
}

/** "3 h", "12 min", "2 d": the age of a print in words short enough for one line. */
export function formatAge(ageMs: number): string {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 60) return `${Math.max(minutes, 1)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

function weekday(date: string): string {
  return DateTime.fromISO(date, { zone: MARKET_ZONE }).setLocale('en-US').toFormat('cccc');
}

/**
 * The previous close is used only when it is the close of the trading day before the print's day; a close from the
 * print's own day or from days earlier would give a misleading percent.
 */
function referenceClose(snapshot: PriceSnapshot, tradeDate: string): number | undefined {
  const previous = snapshot.previousClose;
  if (!previous) return undefined;
  if (previous.date >= tradeDate || previous.date < previousTradingDay(tradeDate)) return undefined;
  return previous.price;
}

const SESSION_SUFFIX: Record<Session, string> = {
  premarket: ' premarket',
  regular: ' during regular trading',
  'after-hours': ' in after-hours trading',
  closed: ' outside market hours',
};

function directionOf(rounded: number | null): Direction {
  if (rounded === null || rounded === 0) return 'unchanged';
  return rounded > 0 ? 'higher' : 'lower';
}

function movePhrase(direction: Direction, changePct: number | null): string {
  if (changePct === null) return '';
  if (direction === 'unchanged') return ' unchanged';
  return ` ${direction} by ${Math.abs(changePct).toFixed(2)}%`;
}

/** Describes the last print of a symbol, or returns null when there is no print to describe. */
export function describePriceAction(
  snapshot: PriceSnapshot,
  now: number,
  options: PriceActionOptions = {},
): PriceAction | null {
  const last = snapshot.last;
  if (!last || !Number.isFinite(last.price) || last.price <= 0) return null;
  const staleAfterMs = options.staleAfterMs ?? PRICE_ACTION_DEFAULTS.staleAfterMs;
  const symbol = snapshot.symbol;
  const subject = options.name ? `${options.name} (${symbol})` : symbol;
  const price = last.price;
  const ageMs = Math.max(0, now - last.time);
  const tradeDate = nyDate(last.time);
  const session = sessionAt(last.time);
  const raw = percentChange(price, referenceClose(snapshot, tradeDate));
  const changePct = raw === null ? null : roundTo(raw, 2);
  const direction = directionOf(changePct);
  const halted = snapshot.halted === true;
  const base = { symbol, price, changePct, direction, session, ageMs, halted };

  if (halted) {
    const reason = snapshot.haltReason ? ` (${snapshot.haltReason})` : '';
    let change = '';
    if (raw !== null) {
      const oneDecimal = roundTo(raw, 1);
      change = oneDecimal === 0 ? ', unchanged' : `, ${oneDecimal > 0 ? 'up' : 'down'} ${Math.abs(oneDecimal).toFixed(1)}%`;
    }
    const stale = ageMs > staleAfterMs;
    const line = `Trading in ${symbol} is halted${reason}; last trade ${formatPrice(price)}${change}`;
    return { ...base, stale, line };
  }

  // A regular-session print whose session has ended is that day's close (or as near as the feed saw).
  const bounds = sessionBounds(tradeDate);
  if (session === 'regular' && bounds && bounds.regularClose <= now) {
    const reopened = nextRegularOpen(bounds.regularClose) <= now;
    const onDay = tradeDate === nyDate(now) ? '' : ` on ${weekday(tradeDate)}`;
    const move = changePct === null ? ` closed at ${formatPrice(price)}` : ` closed${movePhrase(direction, changePct)} at ${formatPrice(price)}`;
    const age = reopened ? ` (last trade ${formatAge(ageMs)} ago)` : '';
    return { ...base, stale: reopened, line: `${subject} shares${move}${onDay}${age}` };
  }

  const stale = ageMs > staleAfterMs;
  const suffix = SESSION_SUFFIX[session];
  const move =
    changePct === null
      ? ` last traded at ${formatPrice(price)}`
      : ` traded${movePhrase(direction, changePct)} at ${formatPrice(price)}`;
  const age = stale ? ` (last trade ${formatAge(ageMs)} ago)` : '';
  return { ...base, stale, line: `${subject} shares${move}${suffix}${age}` };
}
