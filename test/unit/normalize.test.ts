import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  htmlToText,
  normalizeItem,
  parsePublished,
  sourceTickers,
  stripHtml,
  tickerFromCategory,
} from '../../src/news/normalize.js';

const now = new Date('2026-07-16T16:00:00Z');

describe('stripHtml', () => {
  it('removes tags and drops script, style and comments with their contents', () => {
    const html = '<p align="justify">Hello <b>world</b></p><script>alert("x")</script><style>p{}</style><!-- hidden -->end';
    expect(htmlToText(html)).toBe('Hello world end');
    expect(stripHtml('a<br/>b')).toBe('a b');
  });

  it('keeps text that only looks like markup after decoding', () => {
    expect(htmlToText('5 &lt; 6 &amp;&amp; 7 &gt; 3')).toBe('5 < 6 && 7 > 3');
  });

  it('handles unclosed script and comment without eating a hang', () => {
    expect(htmlToText('before<script>never closed')).toBe('before');
    expect(htmlToText('before<!-- never closed')).toBe('before');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references', () => {
    expect(decodeEntities('AT&amp;T&nbsp;Inc &#8217;s &#x2019; caf&eacute; &quot;q&quot; &copy;')).toBe(
      'AT&T\u00a0Inc \u2019s \u2019 café "q" ©',
    );
  });
});

describe('whitespace', () => {
  it('collapses runs of spaces, tabs, newlines and no-break spaces', () => {
    expect(htmlToText('  JOHNS CREEK, Ga., Feb.&nbsp;&nbsp;19,\n\t2021  ')).toBe('JOHNS CREEK, Ga., Feb. 19, 2021');
  });
});

describe('parsePublished', () => {
  const cases: Array<[string, string]> = [
    ['Tue, 14 Jul 2026 15:06:00 +0000', '2026-07-14T15:06:00.000Z'],
    ['Fri, 2 Oct 2026 18:33:00 +0000', '2026-10-02T18:33:00.000Z'],
    ['Sat, 20 Feb 2021 00:05 GMT', '2021-02-20T00:05:00.000Z'],
    ['Tue, 26 May 2026 01:54:48 -0400', '2026-05-26T05:54:48.000Z'],
    ['Mon, 05 Jan 2026 10:00:00 EST', '2026-01-05T15:00:00.000Z'],
    ['Mon, 06 Jul 2026 10:00:00 EDT', '2026-07-06T14:00:00.000Z'],
    ['Thu, 16 Jul 2026 10:00:00 PDT', '2026-07-16T17:00:00.000Z'],
    ['Wed, 16 Jul 2026 10:00:00 UTC', '2026-07-16T10:00:00.000Z'],
    ['2026-07-16T11:39:40-04:00', '2026-07-16T15:39:40.000Z'],
    ['2026-07-16T15:35:19Z', '2026-07-16T15:35:19.000Z'],
    ['2026-07-16T15:35:19', '2026-07-16T15:35:19.000Z'],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(parsePublished(input)?.toISOString()).toBe(expected);
  });

  it('returns null for what is not a date', () => {
    expect(parsePublished('yesterday-ish')).toBeNull();
    expect(parsePublished('')).toBeNull();
    expect(parsePublished(undefined)).toBeNull();
  });
});

describe('tickers', () => {
  it('reads exchange categories in their spellings', () => {
    expect(tickerFromCategory('NYSE:BABA')).toBe('BABA');
    expect(tickerFromCategory('Nasdaq:AAPL')).toBe('AAPL');
    expect(tickerFromCategory('NASDAQ: MSFT')).toBe('MSFT');
    expect(tickerFromCategory('Other OTC:ABCD')).toBe('ABCD');
    expect(tickerFromCategory('NYSE American:xyz')).toBe('XYZ');
    expect(tickerFromCategory('NYSE:BRK-B')).toBe('BRK.B');
    expect(tickerFromCategory('Paris:ALDAR')).toBeNull();
    expect(tickerFromCategory('Calendar of Events')).toBeNull();
    expect(tickerFromCategory('US2787152063')).toBeNull();
  });

  it('merges categories and explicit tickers, upper-cased and unique', () => {
    expect(
      sourceTickers({ categories: ['Nasdaq:EBIX', 'Earnings', 'NYSE:hii'], tickers: ['TSM,TSM,aapl, NVDA', 'NASDAQ:AMD', 'EBIX'] }),
    ).toEqual(['EBIX', 'HII', 'TSM', 'AAPL', 'NVDA', 'AMD']);
  });
});

describe('normalizeItem', () => {
  it('builds a clean story', () => {
    const story = normalizeItem(
      {
        guid: '2179136',
        title: ' Ebix Shares Strong &amp; Clear Outlook ',
        link: 'https://www.globenewswire.com/news-release/2021/02/20/2179136/0/en/Ebix.html?utm_source=rss#x',
        summary: '<p>JOHNS CREEK, Ga. -- Ebix, Inc. (NASDAQ: EBIX)</p>',
        body: '<div>Body <em>text</em></div>',
        published: 'Sat, 20 Feb 2021 00:05 GMT',
        categories: ['Nasdaq:EBIX', 'Calendar of Events', 'Nasdaq:EBIX'],
      },
      'globenewswire',
      '2179136',
      now,
    );
    expect(story).toEqual({
      id: 'globenewswire:2179136',
      source: 'globenewswire',
      itemKey: '2179136',
      title: 'Ebix Shares Strong & Clear Outlook',
      summary: 'JOHNS CREEK, Ga. -- Ebix, Inc. (NASDAQ: EBIX)',
      body: 'Body text',
      url: 'https://www.globenewswire.com/news-release/2021/02/20/2179136/0/en/Ebix.html',
      publishedAt: '2021-02-20T00:05:00.000Z',
      sourceTickers: ['EBIX'],
      categories: ['Nasdaq:EBIX', 'Calendar of Events'],
    });
  });

  it('uses now for a missing, unreadable or future date', () => {
    expect(normalizeItem({ title: 'a' }, 's', 'k', now).publishedAt).toBe(now.toISOString());
    expect(normalizeItem({ title: 'a', published: 'soon' }, 's', 'k', now).publishedAt).toBe(now.toISOString());
    expect(normalizeItem({ title: 'a', published: '2026-07-17T16:00:00Z' }, 's', 'k', now).publishedAt).toBe(now.toISOString());
    expect(normalizeItem({ title: 'a', published: '2026-07-16T16:02:00Z' }, 's', 'k', now).publishedAt).toBe(
      '2026-07-16T16:02:00.000Z',
    );
  });

  it('gives an empty url and strings when the item lacks them', () => {
    const story = normalizeItem({ link: 'not a url' }, 's', 'k', now);
    expect(story.url).toBe('');
    expect(story.title).toBe('');
    expect(story.summary).toBe('');
    expect(story.sourceTickers).toEqual([]);
  });
});
