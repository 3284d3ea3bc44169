import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/news/canonical-url.js';

describe('canonicalUrl', () => {
  it('lower-cases scheme and host, drops fragment and default port', () => {
    expect(canonicalUrl('HTTPS://WWW.Example.COM:443/News/Story?id=7#comments')).toBe('https://www.example.com/News/Story?id=7');
    expect(canonicalUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('drops tracking parameters and sorts the rest', () => {
    expect(
      canonicalUrl('https://example.com/a?utm_source=rss&b=2&utm_MEDIUM=x&fbclid=1&a=1&gclid=z&mc_cid=1&mc_eid=2&cmpid=3&ncid=4&yptr=5&guccounter=1'),
    ).toBe('https://example.com/a?a=1&b=2');
    expect(canonicalUrl('https://www.fool.com/investing/2026/07/16/buy/?.tsrc=rss')).toBe('https://www.fool.com/investing/2026/07/16/buy');
  });

  it('drops host-specific tracking parameters only on those hosts', () => {
    expect(canonicalUrl('https://www.marketwatch.com/story/x-4ea23d02?mod=mw_rss_topstories')).toBe(
      'https://www.marketwatch.com/story/x-4ea23d02',
    );
    expect(canonicalUrl('https://example.com/search?mod=3')).toBe('https://example.com/search?mod=3');
  });

  it('removes a trailing slash except on the root', () => {
    expect(canonicalUrl('https://example.com/a/b/')).toBe('https://example.com/a/b');
    expect(canonicalUrl('https://example.com/')).toBe('https://example.com/');
    expect(canonicalUrl('https://example.com')).toBe('https://example.com/');
  });

  it('gives one spelling for equivalent URLs', () => {
    const a = canonicalUrl('https://Example.com/p/?b=2&a=1&utm_campaign=x#top');
    const b = canonicalUrl('https://example.com/p?a=1&b=2');
    expect(a).toBe(b);
  });

  it('returns null for what is not an http(s) URL', () => {
    expect(canonicalUrl('')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('mailto:a@b.com')).toBeNull();
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('/relative/path')).toBeNull();
  });
});
