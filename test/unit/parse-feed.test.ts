import { describe, expect, it } from 'vitest';
import { itemKeys } from '../../src/news/item-key.js';
import { normalizeItem } from '../../src/news/normalize.js';
import { benzingaEntries } from '../../src/sim/feeds/benzinga.js';
import { globeNewswireEntries } from '../../src/sim/feeds/globenewswire.js';
import { renderFeed } from '../../src/sim/feeds/render.js';
import { secEdgarEntries } from '../../src/sim/feeds/sec-edgar.js';
import { FeedParseError, parseFeed, repairEntities } from '../../src/sources/parse-feed.js';

const start = new Date('2026-07-14T13:00:00Z');

const render = (format: 'benzinga' | 'globenewswire' | 'sec-edgar', entries: ReturnType<typeof benzingaEntries>): string =>
  renderFeed({ name: format, title: format, link: 'https://example.com', format, entries, updated: start }).text;

describe('parseFeed on the simulator sample feeds', () => {
  it('reads the Benzinga-style briefs', async () => {
    const items = await parseFeed(render('benzinga', benzingaEntries(start)));
    expect(items.length).toBeGreaterThanOrEqual(20);
    const first = items[0]!;
    expect(first.guid).toBe('42104000 at https://www.benzinga.com');
    expect(first.title).toContain('Alibaba');
    expect(first.summary).toContain('Alibaba Group Holding Ltd BABA');
    expect(first.summary).toMatch(/BABA Price Action: Alibaba shares traded lower by 0\.29% at \$71\.92 premarket on Tuesday, according to Benzinga Pro\./);
    expect(first.published).toBe('Tue, 14 Jul 2026 12:57:00 +0000');
    expect(first.author).toBe('Benzinga Newsdesk');
  });

  it('reads GlobeNewswire stock categories, dc:identifier and seconds-less dates', async () => {
    const items = await parseFeed(render('globenewswire', globeNewswireEntries(start)));
    const hii = items.find((i) => i.title?.startsWith('HII'))!;
    expect(hii.guid).toBe('3104200');
    expect(hii.categories).toEqual(['NYSE:HII', 'US0015015850', 'Contracts']);
    expect(hii.published).toBe('Tue, 14 Jul 2026 12:56 GMT');
    const story = normalizeItem(hii, 'globenewswire', 'k', start);
    expect(story.sourceTickers).toEqual(['HII']);
    expect(story.publishedAt).toBe('2026-07-14T12:56:00.000Z');
    const both = items.find((i) => i.title?.startsWith('Amazon and Microsoft'))!;
    expect(normalizeItem(both, 'g', 'k', start).sourceTickers).toEqual(['AMZN', 'MSFT']);
    const privateCo = items.find((i) => i.title?.startsWith('Northwind'))!;
    expect(normalizeItem(privateCo, 'g', 'k', start).sourceTickers).toEqual([]);
  });

  it('reads SEC EDGAR Atom: form type, accession id, Eastern-time updated, one key per filing', async () => {
    const items = await parseFeed(render('sec-edgar', secEdgarEntries(start)));
    const apple = items.find((i) => i.title?.includes('APPLE'))!;
    expect(apple.categories).toEqual(['8-K']);
    expect(apple.guid).toMatch(/^urn:tag:sec\.gov,2008:accession-number=\d{10}-26-\d{6}$/);
    expect(apple.link).toMatch(/^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\/320193\/.*-index\.htm$/);
    expect(apple.published).toBe('2026-07-14T08:58:00-04:00');
    const story = normalizeItem(apple, 'sec-edgar', 'k', start);
    expect(story.summary).toContain('Item 2.02: Results of Operations and Financial Condition');
    expect(story.publishedAt).toBe('2026-07-14T12:58:00.000Z');
    expect(items.some((i) => i.categories?.[0] === '6-K')).toBe(true);
    const walmart = items.filter((i) => i.title?.includes('WALMART'));
    expect(walmart).toHaveLength(2);
    const keys = itemKeys(items);
    const walmartKeys = items.flatMap((item, i) => (item.title?.includes('WALMART') ? [keys[i]] : []));
    expect(new Set(walmartKeys).size).toBe(1);
  });
});

describe('parseFeed on captured shapes', () => {
  it('reads nasdaq:tickers (CDATA, repeats) and dc:creator', async () => {
    const xml = `<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:nasdaq="http://nasdaq.com/reference/feeds/1.0" version="2.0"><channel><title>AAPL Feed</title>
<item><title>Buying TSMC Stock Before July 16 Just Became a No-Brainer</title>
<link>https://www.nasdaq.com/articles/buying-tsmc</link>
<description>Key PointsTSMC has just reported</description>
<pubDate>Tue, 14 Jul 2026 15:06:00 +0000</pubDate>
<guid isPermaLink="true">https://www.nasdaq.com/articles/buying-tsmc?time=1784041560</guid>
<dc:creator>The Motley Fool</dc:creator><category>Markets</category>
<nasdaq:tickers><![CDATA[TSM,TSM,AAPL,NVDA,AMD]]></nasdaq:tickers></item></channel></rss>`;
    const [item] = await parseFeed(xml);
    expect(item?.tickers).toEqual(['TSM', 'TSM', 'AAPL', 'NVDA', 'AMD']);
    expect(item?.author).toBe('The Motley Fool');
    expect(item?.guid).toBe('https://www.nasdaq.com/articles/buying-tsmc?time=1784041560');
    expect(normalizeItem(item!, 'nasdaq', 'k', start).sourceTickers).toEqual(['TSM', 'AAPL', 'NVDA', 'AMD']);
  });

  it('reads content:encoded as the body and dc:date when there is no pubDate', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
<item><title>A</title><link>https://example.com/a</link><description>short</description><content:encoded><![CDATA[<p>Full <b>body</b></p>]]></content:encoded><dc:date>2026-07-14T10:00:00Z</dc:date></item></channel></rss>`;
    const [item] = await parseFeed(xml);
    expect(item?.summary).toBe('short');
    expect(item?.body).toBe('<p>Full <b>body</b></p>');
    expect(item?.published).toBe('2026-07-14T10:00:00Z');
  });

  it('reads RSS 1.0 (RDF)', async () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.com/"><title>RDF</title><link>https://example.com/</link></channel>
<item rdf:about="https://example.com/1"><title>First</title><link>https://example.com/1</link><dc:date>2026-07-14T10:00:00-04:00</dc:date></item>
</rdf:RDF>`;
    const items = await parseFeed(xml);
    expect(items).toEqual([{ title: 'First', link: 'https://example.com/1', published: '2026-07-14T10:00:00-04:00' }]);
  });

  it('keeps an Atom document whose entry has an unreadable date, and resolves relative links', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
<entry><title>Bad date</title><id>1</id><updated>not a date</updated><link href="/filing/1"/></entry>
<entry><title>Good</title><id>2</id><updated>2026-07-14T10:00:00-04:00</updated></entry></feed>`;
    const items = await parseFeed(xml, 'https://www.sec.gov/cgi-bin/browse-edgar');
    expect(items).toHaveLength(2);
    expect(items[0]?.published).toBe('not a date');
    expect(items[0]?.link).toBe('https://www.sec.gov/filing/1');
    expect(normalizeItem(items[0]!, 's', 'k', start).publishedAt).toBe(start.toISOString());
  });

  it('repairs HTML entities and bare ampersands that real feeds leave unescaped', async () => {
    const xml = '<rss version="2.0"><channel><title>t</title><item><title>AT&T &nbsp;&amp; Verizon &eacute; &#8217; &bogus;</title></item></channel></rss>';
    const [item] = await parseFeed(xml);
    expect(item?.title).toBe('AT&T \u00a0& Verizon é \u2019 &bogus;');
    expect(repairEntities('a & b &amp; &lt; &#38;')).toBe('a &amp; b &amp; &lt; &#38;');
  });
});

describe('parseFeed on garbage', () => {
  const garbage: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace', '   \n  '],
    ['plain text', 'this is not xml'],
    ['JSON', '{"items":[]}'],
    ['binary', '\u0000\u0001\u0002\u0089PNG'],
    ['truncated', '<rss version="2.0"><channel><item><title>x</ti'],
    ['HTML page', '<!DOCTYPE html><html><head><title>Sign in</title></head><body><p>Please sign in</p></body></html>'],
    ['unknown XML', '<?xml version="1.0"?><note><to>x</to></note>'],
  ];
  it.each(garbage)('%s → FeedParseError', async (_name, input) => {
    const error = await parseFeed(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as FeedParseError).message.length).toBeGreaterThan(5);
  });

  it('never expands entities declared in a DTD (no billion-laughs)', async () => {
    const xml =
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss version="2.0"><channel><item><title>&b;</title></item></channel></rss>';
    const items = await parseFeed(xml).catch(() => []);
    expect(JSON.stringify(items)).not.toContain('aaaa');
  });

  it('an RSS document without items is an empty list, not an error', async () => {
    expect(await parseFeed('<rss version="2.0"><channel><title>t</title></channel></rss>')).toEqual([]);
  });
});
