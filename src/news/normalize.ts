// Turns a raw feed entry into a clean Story: plain text, canonical URL, UTC publication time, source tickers.
import { decodeHTML } from 'entities';
import { DateTime } from 'luxon';
import { canonicalUrl } from './canonical-url.js';
import type { RawItem, Story } from './types.js';

/** A publication time this far ahead of `now` is treated as a wrong clock and replaced by `now`. */
const FUTURE_SKEW_MS = 5 * 60_000;

const BLOCK_TAGS = /<\/?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|section|article|header|footer|pre|hr)\b[^>]*>/gi;

/** Removes tags (and the contents of script, style and comments), leaving entities as they are. */
export function stripHtml(html: string): string {
  return html
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(BLOCK_TAGS, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/<![^>]*>/g, '');
}

/** Decodes named (`&amp;`, `&nbsp;`, `&eacute;`) and numeric (`&#8217;`, `&#x2019;`) character references. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/** Collapses every run of whitespace (including no-break and zero-width spaces) to one space, and trims. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** HTML or text in, one line of plain text out. */
export function htmlToText(html: string | undefined): string {
  if (html === undefined || html === '') return '';
  return collapseWhitespace(decodeEntities(stripHtml(html)));
}

/**
 * Parses the date spellings feeds use: RFC 822/2822 (`Tue, 2 Jul 2026 15:06 +0000`, zone names such as EST, EDT,
 * GMT, unpadded day, no seconds) and ISO 8601 (`2026-07-16T11:39:40-04:00`). A time without a zone is read as UTC.
 * Returns null when the text is not a date we recognise.
 */
export function parsePublished(text: string | undefined): Date | null {
  if (text === undefined) return null;
  const value = collapseWhitespace(text);
  if (value === '') return null;
  // Feeds often get the weekday wrong, and luxon rejects a date whose weekday disagrees: drop it.
  const rfc = value.replace(/^[A-Za-z]{3,9},?\s+/, '').replace(/\s+(?:UTC|UT|Z)$/i, ' GMT');
  const candidates = [
    DateTime.fromRFC2822(rfc, { zone: 'utc' }),
    DateTime.fromISO(value, { zone: 'utc' }),
    DateTime.fromSQL(value, { zone: 'utc' }),
    DateTime.fromHTTP(value, { zone: 'utc' }),
  ];
  for (const candidate of candidates) {
    if (candidate.isValid) return candidate.toJSDate();
  }
  // Last resort for loose spellings ("Feb 20, 2021 10:00 AM EST"); only when a zone is written, so the
  // answer does not depend on the machine's time zone.
  if (/(?:\b(?:GMT|UTC|UT|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\b|Z$)/.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return new Date(ms);
  }
  return null;
}

/** Publication time as a UTC ISO string; a missing, unreadable or future-skewed time becomes `now`. */
export function publishedAtIso(text: string | undefined, now: Date): string {
  const parsed = parsePublished(text);
  if (parsed === null || parsed.getTime() > now.getTime() + FUTURE_SKEW_MS) return now.toISOString();
  return parsed.toISOString();
}

/** Venues whose `Exchange:SYMBOL` categories name a US-traded ticker. Foreign listings are left out on purpose. */
const US_VENUE =
  /^(?:NYSE(?:\s*(?:American|Arca|MKT))?|NASDAQ(?:\s*(?:GS|GM|CM|Global Select|Global Market|Capital Market))?|AMEX|Cboe(?:\s*BZX)?|BATS|IEX|(?:Other\s+)?OTC(?:\s*(?:QX|QB|Pink|Markets|BB))?|OTCQX|OTCQB)$/i;

const SYMBOL = /^[A-Z][A-Z0-9]{0,5}(?:[.\-/][A-Z0-9]{1,2})?$/;

/** `brk-b`, `BRK/B`, `BRK.B` → `BRK.B`; null when the text does not look like a ticker symbol. */
export function normalizeTickerSymbol(text: string): string | null {
  const upper = text.trim().toUpperCase();
  if (!SYMBOL.test(upper)) return null;
  return upper.replace(/[-/]/, '.');
}

/** The ticker in a category such as `NYSE:BABA`, `Nasdaq:AAPL`, `NASDAQ: MSFT`; null for other categories. */
export function tickerFromCategory(category: string): string | null {
  const match = /^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(\S+)\s*$/.exec(category);
  if (match === null) return null;
  const [, venue, symbol] = match;
  if (venue === undefined || symbol === undefined || !US_VENUE.test(venue)) return null;
  return normalizeTickerSymbol(symbol);
}

/** Tickers the source supplied, from `Exchange:SYMBOL` categories and explicit ticker lists, upper-cased, unique. */
export function sourceTickers(raw: Pick<RawItem, 'categories' | 'tickers'>): string[] {
  const found = new Set<string>();
  for (const category of raw.categories ?? []) {
    const ticker = tickerFromCategory(category);
    if (ticker !== null) found.add(ticker);
  }
  for (const entry of raw.tickers ?? []) {
    for (const part of entry.split(/[,;\s]+/)) {
      if (part === '') continue;
      const ticker = part.includes(':') ? tickerFromCategory(part) : normalizeTickerSymbol(part);
      if (ticker !== null) found.add(ticker);
    }
  }
  return [...found];
}

/** A Story from a raw item. Pure: the same input and `now` always give the same Story. */
export function normalizeItem(raw: RawItem, source: string, itemKey: string, now: Date): Story {
  const url = raw.link === undefined ? null : canonicalUrl(raw.link);
  const categories = [...new Set((raw.categories ?? []).map(collapseWhitespace).filter((c) => c !== ''))];
  return {
    id: `${source}:${itemKey}`,
    source,
    itemKey,
    title: htmlToText(raw.title),
    summary: htmlToText(raw.summary),
    body: htmlToText(raw.body),
    url: url ?? '',
    publishedAt: publishedAtIso(raw.published, now),
    sourceTickers: sourceTickers(raw),
    categories,
  };
}
