// A GlobeNewswire-style public-companies feed: `Exchange:SYMBOL` stock categories under the /rss/stock domain,
// ISIN categories, dc:* fields, seconds-less GMT pubDates, datelines with "(GLOBE NEWSWIRE) --".
import { DateTime } from 'luxon';
import { companies, type SimCompany } from './companies.js';
import { minutesBefore, pick, type FeedEntry } from './entry.js';

const STOCK_DOMAIN = 'https://www.globenewswire.com/rss/stock';
const ISIN_DOMAIN = 'https://www.globenewswire.com/rss/ISIN';

interface Release {
  tickers: string[];
  minutesAgo: number;
  subject: string;
  city: string;
  title: string;
  text: string;
  /** Private company: no stock category at all. */
  privateCompany?: string;
}

const releases: readonly Release[] = [
  { tickers: ['HII'], minutesAgo: 4, subject: 'Contracts', city: 'NEWPORT NEWS, Va.', title: 'HII Awarded $1.1 Billion Contract for Amphibious Ship Detail Design', text: 'Huntington Ingalls Industries (NYSE:HII) announced today that its Ingalls Shipbuilding division has been awarded a $1.1 billion contract by the U.S. Navy.' },
  { tickers: ['SHOP'], minutesAgo: 11, subject: 'Earnings Releases and Operating Results', city: 'OTTAWA, Ontario', title: 'Shopify Announces Second-Quarter 2026 Financial Results', text: 'Shopify Inc. (NASDAQ: SHOP) today announced financial results for the quarter ended June 30, 2026, with revenue up 21% year over year.' },
  { tickers: ['NVO'], minutesAgo: 17, subject: 'Clinical Study', city: 'BAGSVÆRD, Denmark', title: 'Novo Nordisk Reports Positive Phase 3 Results for Once-Weekly Oral Obesity Treatment', text: 'Novo Nordisk A/S (NYSE: NVO) today announced headline results from its Phase 3 trial, which met its primary endpoint.' },
  { tickers: [], privateCompany: 'Northwind Analytics, Inc.', minutesAgo: 23, subject: 'Product / Services Announcement', city: 'AUSTIN, Texas', title: 'Northwind Analytics Launches Real-Time Risk Dashboard for Regional Banks', text: 'Northwind Analytics, Inc., a privately held software company, today launched a risk dashboard for community and regional banks.' },
  { tickers: ['TSM'], minutesAgo: 29, subject: 'Company Announcement', city: 'HSINCHU, Taiwan', title: 'TSMC Reports June 2026 Revenue', text: 'Taiwan Semiconductor Manufacturing Company Ltd. (NYSE: TSM) today announced net revenue for June 2026 of approximately NT$207.9 billion, an increase of 32.9% from June 2025.' },
  { tickers: ['DIS'], minutesAgo: 36, subject: 'Dividend Reports and Estimates', city: 'BURBANK, Calif.', title: 'The Walt Disney Company Declares Semi-Annual Cash Dividend', text: 'The Walt Disney Company (NYSE: DIS) today declared a semi-annual cash dividend of $0.50 per share, payable on January 15.' },
  { tickers: ['GME'], minutesAgo: 44, subject: 'Calendar of Events', city: 'GRAPEVINE, Texas', title: 'GameStop to Hold Annual Meeting of Stockholders', text: 'GameStop Corp. (NYSE: GME) will hold its annual meeting of stockholders virtually on June 12.' },
  { tickers: ['AMZN', 'MSFT'], minutesAgo: 52, subject: 'Partnerships', city: 'SEATTLE', title: 'Amazon and Microsoft Announce Interoperability Agreement for Enterprise Cloud Customers', text: 'Amazon.com, Inc. (NASDAQ: AMZN) and Microsoft Corporation (NASDAQ:MSFT) today announced an agreement that lets enterprise customers move workloads between their clouds.' },
  { tickers: ['UBER'], minutesAgo: 65, subject: 'Mergers and Acquisitions', city: 'SAN FRANCISCO', title: 'Uber to Acquire Food Delivery Platform in $950 Million Deal', text: 'Uber Technologies, Inc. (NYSE: UBER) today announced a definitive agreement to acquire a European food delivery platform for $950 million in cash.' },
  { tickers: ['PFE'], minutesAgo: 1600, subject: 'Press Releases', city: 'NEW YORK', title: 'Pfizer to Present at Healthcare Conference', text: 'Pfizer Inc. (NYSE: PFE) will participate in a fireside chat at an investor healthcare conference.' },
];

const exchangeLabel = (c: SimCompany): string => (c.exchange === 'NYSE' ? 'NYSE' : 'Nasdaq');
const fakeIsin = (c: SimCompany): string => `US${String(c.cik).padStart(9, '0')}0`;

function entryFor(release: Release, published: Date, id: number): FeedEntry {
  const listed = release.tickers.flatMap((t) => companies.filter((c) => c.ticker === t));
  const contributor = release.privateCompany ?? listed.map((c) => c.name).join(', ');
  const slug = release.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const day = DateTime.fromJSDate(published).toUTC();
  const link = `https://www.globenewswire.com/news-release/${day.toFormat('yyyy/LL/dd')}/${id}/0/en/${slug}.html`;
  const dateline = `${release.city}, ${day.setLocale('en-US').toFormat('LLL.  d, yyyy')}  (GLOBE NEWSWIRE) -- `;
  return {
    guid: link,
    guidIsPermaLink: true,
    title: release.title,
    link,
    description: `<p align="justify">${dateline}${release.text}</p>`,
    published,
    categories: [
      ...listed.map((c) => ({ text: `${exchangeLabel(c)}:${c.ticker}`, domain: STOCK_DOMAIN })),
      ...listed.map((c) => ({ text: fakeIsin(c), domain: ISIN_DOMAIN })),
      { text: release.subject },
    ],
    dc: {
      identifier: String(id),
      language: 'en',
      publisher: 'GlobeNewswire Inc.',
      contributor,
      subject: release.subject,
      modified: day.plus({ minutes: 1 }).setLocale('en-US').toFormat("ccc, dd LLL yyyy HH:mm 'GMT'"),
    },
  };
}

const BASE_ID = 3_104_200;

export function globeNewswireEntries(start: Date): FeedEntry[] {
  return releases.map((r, i) => entryFor(r, minutesBefore(start, r.minutesAgo), BASE_ID + i));
}

const liveSubjects = ['Earnings Releases and Operating Results', 'Company Announcement', 'Dividend Reports and Estimates', 'Business Contracts'];

export function nextGlobeNewswireEntry(rng: () => number, at: Date, seq: number): FeedEntry {
  const company = pick(rng, companies.filter((c) => c.ticker !== 'F'));
  const subject = pick(rng, liveSubjects);
  const title = `${company.short} ${pick(rng, ['Announces Strategic Update', 'Reports Preliminary Quarterly Results', 'Declares Quarterly Dividend', 'Announces New Share Repurchase Program'])}`;
  return entryFor(
    {
      tickers: [company.ticker],
      minutesAgo: 0,
      subject,
      city: 'NEW YORK',
      title,
      text: `${company.name} (${company.exchange === 'NYSE' ? 'NYSE' : 'NASDAQ'}: ${company.ticker}) today made an announcement.`,
    },
    at,
    BASE_ID + 1000 + seq,
  );
}

