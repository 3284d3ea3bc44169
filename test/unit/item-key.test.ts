import { describe, expect, it } from 'vitest';
import { itemKeys, MAX_KEY_LENGTH } from '../../src/news/item-key.js';
import type { RawItem } from '../../src/news/types.js';

describe('itemKeys', () => {
  it('uses unique guids', () => {
    const items: RawItem[] = [
      { guid: '719429c8-0b4f-3880-b287-c6d4b2ae0241', link: 'https://finance.yahoo.com/m/a.html?.tsrc=rss', title: 'A' },
      { guid: 'WP-MKTW-0005113900', link: 'https://www.marketwatch.com/story/b', title: 'B' },
    ];
    expect(itemKeys(items)).toEqual(['719429c8-0b4f-3880-b287-c6d4b2ae0241', 'WP-MKTW-0005113900']);
  });

  it('falls back to the canonical URL when a guid is shared by different articles', () => {
    const items: RawItem[] = [
      { guid: 'same', link: 'https://example.com/one?utm_source=rss', title: 'One' },
      { guid: 'same', link: 'https://example.com/two', title: 'Two' },
      { guid: 'other', link: 'https://example.com/three', title: 'Three' },
    ];
    expect(itemKeys(items)).toEqual(['https://example.com/one', 'https://example.com/two', 'other']);
  });

  it('keeps one key for the same article listed twice (SEC filer roles)', () => {
    const link = 'https://www.sec.gov/Archives/edgar/data/1/0001-index.htm';
    const id = 'urn:tag:sec.gov,2008:accession-number=0001171843-26-004725';
    const keys = itemKeys([
      { guid: id, link, title: '4 - ACME (0000000001) (Issuer)' },
      { guid: id, link, title: '4 - Jane Doe (0000000002) (Reporting)' },
    ]);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toBe(id);
  });

  it('hashes title and date when there is neither guid nor URL', () => {
    const keys = itemKeys([
      { title: 'Acme beats', published: 'Tue, 14 Jul 2026 15:06:00 +0000' },
      { title: 'Acme  <b>beats</b>', published: '2026-07-14T15:06:00Z' },
      { title: 'Acme beats', published: 'Wed, 15 Jul 2026 15:06:00 +0000' },
    ]);
    expect(keys[0]).toMatch(/^t-[0-9a-f]{32}$/);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).not.toBe(keys[2]);
  });

  it('is stable across polls: a new item on top changes no other key', () => {
    const older: RawItem[] = [
      { guid: 'b', link: 'https://example.com/b', title: 'B' },
      { link: 'https://example.com/c', title: 'C' },
      { title: 'D', published: '2026-07-14T15:06:00Z' },
    ];
    const first = itemKeys(older);
    const second = itemKeys([{ guid: 'a', link: 'https://example.com/a', title: 'A' }, ...older]);
    expect(second.slice(1)).toEqual(first);
  });

  it('makes keys safe for job ids', () => {
    const long = `https://example.com/${'x'.repeat(300)}`;
    const keys = itemKeys([
      { guid: '12345678 at https://www.benzinga.com', title: 'a' },
      { guid: 'ünïcode id', title: 'b' },
      { link: long, title: 'c' },
    ]);
    expect(keys[0]).toBe('12345678_at_https://www.benzinga.com');
    for (const key of keys) {
      expect(key).toMatch(/^[\x21-\x7e]+$/);
      expect(key.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    }
    expect(keys[1]).toMatch(/^x-[0-9a-f]{32}$/);
    expect(keys[2]).toMatch(/^x-[0-9a-f]{32}$/);
  });
});
