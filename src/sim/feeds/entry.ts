// The simulator's model of one feed entry, and helpers shared by the sample feeds.
import { DateTime } from 'luxon';
import type { SimCompany } from './companies.js';

export type FeedFormat = 'benzinga' | 'globenewswire' | 'sec-edgar' | 'rss';

export interface FeedEntry {
  guid: string;
  guidIsPermaLink: boolean;
  title: string;
  link: string;
  /** HTML; escaped into the XML on output. */
  description: string;
  published: Date;
  /** The pubDate exactly as a test posted it; rendered verbatim instead of `published`. */
  pubDateText?: string;
  categories: Array<{ text: string; domain?: string }>;
  /** Dublin Core fields without the `dc:` prefix, e.g. { identifier: '2179136' }. */
  dc?: Record<string, string>;
  author?: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so a seed gives the same demo every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: () => number, list: readonly T[]): T => {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

export const minutesBefore = (start: Date, minutes: number): Date => new Date(start.getTime() - minutes * 60_000);

/** "BABA Price Action: Alibaba shares traded lower by 0.29% at $71.92 premarket on Tuesday, according to Benzinga Pro." */
export function priceActionLine(company: SimCompany, changePct: number, at: Date): string {
  const ny = DateTime.fromJSDate(at).setZone('America/New_York');
  const minutes = ny.hour * 60 + ny.minute;
  const weekend = ny.weekday > 5;
  const session =
    weekend || minutes < 240 || minutes >= 1200
      ? 'at the last close'
      : minutes < 570
        ? 'premarket'
        : minutes < 960
          ? 'during the regular session'
          : 'after hours';
  const price = (company.price * (1 + changePct / 100)).toFixed(2);
  const direction = changePct >= 0 ? 'higher' : 'lower';
  const day = ny.setLocale('en-US').toFormat('cccc');
  return `${company.ticker} Price Action: ${company.short} shares traded ${direction} by ${Math.abs(changePct).toFixed(2)}% at $${price} ${session} on ${day}, according to Benzinga Pro.`;
}
