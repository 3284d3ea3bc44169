// Feed entries → XML in the shapes the real publishers use (see docs/feeds.md for the quirks reproduced).
import { DateTime } from 'luxon';
import type { FeedEntry, FeedFormat } from './entry.js';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const utc = (d: Date): DateTime => DateTime.fromJSDate(d).toUTC().setLocale('en-US');

/** Benzinga and most feeds: `Tue, 14 Jul 2026 15:06:00 +0000`. */
const rfc822 = (d: Date): string => utc(d).toFormat("ccc, dd LLL yyyy HH:mm:ss '+0000'");
/** GlobeNewswire: no seconds, `GMT`. */
const rfc822NoSeconds = (d: Date): string => utc(d).toFormat("ccc, dd LLL yyyy HH:mm 'GMT'");
/** SEC: ISO 8601 in Eastern time with its offset. */
const easternIso = (d: Date): string =>
  DateTime.fromJSDate(d).setZone('America/New_York').startOf('second').toISO({ suppressMilliseconds: true }) ?? d.toISOString();

export interface FeedDocument {
  name: string;
  title: string;
  link: string;
  format: FeedFormat;
  entries: readonly FeedEntry[];
  updated: Date;
}

function rssItem(entry: FeedEntry, format: FeedFormat): string {
  const pubDate = entry.pubDateText ?? (format === 'globenewswire' ? rfc822NoSeconds : rfc822)(entry.published);
  const categories = entry.categories
    .map((c) =>
      c.domain === undefined
        ? `<category>${escapeXml(c.text)}</category>`
        : `<category domain="${escapeXml(c.domain)}">${escapeXml(c.text)}</category>`,
    )
    .join('\n  ');
  const dc = Object.entries(entry.dc ?? {})
    .map(([k, v]) => `<dc:${k}>${escapeXml(v)}</dc:${k}>`)
    .join('');
  // GlobeNewswire wraps attributes of the opening guid tag onto a new line.
  const guidOpen = format === 'globenewswire' ? `<guid\n   isPermaLink="${entry.guidIsPermaLink}">` : `<guid isPermaLink="${entry.guidIsPermaLink}">`;
  return [
    '<item>',
    `  ${guidOpen}${escapeXml(entry.guid)}</guid>`,
    `  <link>${escapeXml(entry.link)}</link>`,
    categories === '' ? '' : `  ${categories}`,
    `  <title>${escapeXml(entry.title)}</title>`,
    `  <description>${escapeXml(entry.description)}</description>`,
    `  <pubDate>${escapeXml(pubDate)}</pubDate>`,
    entry.author === undefined ? '' : `  <dc:creator>${escapeXml(entry.author)}</dc:creator>`,
    dc === '' ? '' : `  ${dc}`,
    '</item>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function renderRss(doc: FeedDocument): string {
  const items = doc.entries.map((e) => rssItem(e, doc.format)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(doc.title)}</title>
<link>${escapeXml(doc.link)}</link>
<description>${escapeXml(doc.title)}</description>
<language>en</language>
<lastBuildDate>${rfc822(doc.updated)}</lastBuildDate>
${items}
</channel>
</rss>
`;
}

function renderSecAtom(doc: FeedDocument): string {
  const entries = doc.entries
    .map((e) => {
      const term = e.categories[0]?.text ?? '8-K';
      return `<entry>
<title>${escapeXml(e.title)}</title>
<link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>
<summary type="html">${escapeXml(e.description)}</summary>
<updated>${e.pubDateText ?? easternIso(e.published)}</updated>
<category scheme="https://www.sec.gov/" label="form type" term="${escapeXml(term)}"/>
<id>${escapeXml(e.guid)}</id>
</entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="ISO-8859-1" ?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Latest Filings - ${utc(doc.updated).setZone('America/New_York').toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZZ")}</title>
<link rel="alternate" href="/cgi-bin/browse-edgar?action=getcurrent"/>
<link rel="self" href="/cgi-bin/browse-edgar?action=getcurrent"/>
<id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent</id>
<author><name>Webmaster</name><email>webmaster@sec.gov</email></author>
<updated>${easternIso(doc.updated)}</updated>
${entries}
</feed>
`;
}

/** The document text and the charset it must be sent in (the SEC serves ISO-8859-1). */
export function renderFeed(doc: FeedDocument): { text: string; charset: 'utf-8' | 'latin1'; contentType: string } {
  if (doc.format === 'sec-edgar') {
    return { text: renderSecAtom(doc), charset: 'latin1', contentType: 'application/atom+xml; charset=ISO-8859-1' };
  }
  return { text: renderRss(doc), charset: 'utf-8', contentType: 'application/rss+xml; charset=utf-8' };
}
