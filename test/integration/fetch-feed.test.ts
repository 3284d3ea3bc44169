// fetchFeed against real loopback servers: the feed simulator and its /_fault/ routes.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../src/sim/feed-server.js';
import { FeedFetchError, fetchFeed, type FetchLimits } from '../../src/sources/fetch-feed.js';
import { createHostLimiter } from '../../src/sources/host-limiter.js';
import { FeedParseError, parseFeed } from '../../src/sources/parse-feed.js';

const limits: FetchLimits = { timeoutMs: 5_000, maxBytes: 1024 * 1024, maxRedirects: 5, userAgent: 'squawk-test/1.0' };

let sim: FeedServer;
let other: FeedServer;

beforeAll(async () => {
  sim = await startFeedServer({ publishEveryMs: 0 });
  other = await startFeedServer({ publishEveryMs: 0 });
});
afterAll(async () => {
  await sim.close();
  await other.close();
});

async function failure(promise: Promise<unknown>): Promise<FeedFetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedFetchError);
  return error as FeedFetchError;
}

describe('fetchFeed', () => {
  it('fetches, decodes gzip, and returns validators', async () => {
    const result = await fetchFeed(sim.feedUrl('benzinga'), {}, limits);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.status).toBe(200);
    expect(result.body).toContain('<rss');
    expect(result.etag).toMatch(/^".+"$/);
    expect(result.lastModified).toMatch(/GMT$/);
    expect(result.finalUrl).toBe(sim.feedUrl('benzinga'));
  });

  it('answers not-modified to a matching ETag or Last-Modified', async () => {
    const first = await fetchFeed(sim.feedUrl('globenewswire'), {}, limits);
    if (first.kind !== 'ok') throw new Error('expected a body');
    expect((await fetchFeed(sim.feedUrl('globenewswire'), { etag: first.etag! }, limits)).kind).toBe('not-modified');
    expect((await fetchFeed(sim.feedUrl('globenewswire'), { lastModified: first.lastModified! }, limits)).kind).toBe('not-modified');
    expect((await fetchFeed(sim.feedUrl('globenewswire'), { etag: '"stale"' }, limits)).kind).toBe('ok');
  });

  it('decodes the ISO-8859-1 SEC feed', async () => {
    const result = await fetchFeed(sim.feedUrl('sec-edgar'), {}, limits);
    if (result.kind !== 'ok') throw new Error('expected a body');
    expect(result.body).toContain('SOCIÉTÉ GÉNÉRALE');
  });

  it('reports HTTP errors with their status, and Retry-After', async () => {
    const e500 = await failure(fetchFeed(`${sim.url}/_fault/500`, {}, limits));
    expect(e500.reason).toBe('http-status');
    expect(e500.status).toBe(500);
    const e429 = await failure(fetchFeed(`${sim.url}/_fault/429`, {}, limits));
    expect(e429.status).toBe(429);
    expect(e429.retryAfterSeconds).toBe(120);
    const e404 = await failure(fetchFeed(sim.feedUrl('no-such-feed'), {}, limits));
    expect(e404.status).toBe(404);
  });

  it('times out on a server that never answers', async () => {
    const error = await failure(fetchFeed(`${sim.url}/_fault/hang`, {}, { ...limits, timeoutMs: 300 }));
    expect(error.reason).toBe('timeout');
  });

  it('times out on a trickling server while a fetch from another host completes meanwhile', async () => {
    const limiter = createHostLimiter({ default: { concurrency: 1, minSpacingMs: 0 }, hosts: {} });
    const order: string[] = [];
    const slow = limiter
      .run(`${sim.url}/_fault/slow`, () => fetchFeed(`${sim.url}/_fault/slow`, {}, { ...limits, timeoutMs: 1_500 }))
      .then(
        () => order.push('slow-ok'),
        (e: unknown) => order.push(e instanceof FeedFetchError ? `slow-${e.reason}` : 'slow-other'),
      );
    const fast = limiter
      .run(other.feedUrl('benzinga'), () => fetchFeed(other.feedUrl('benzinga'), {}, limits))
      .then((r) => order.push(`fast-${r.kind}`));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast-ok', 'slow-timeout']);
  });

  it('refuses an oversized body, declared or streamed', async () => {
    expect((await failure(fetchFeed(`${sim.url}/_fault/huge`, {}, limits))).reason).toBe('too-large');
    expect((await failure(fetchFeed(`${sim.url}/_fault/huge-declared`, {}, limits))).reason).toBe('too-large');
  });

  it('refuses a gzip bomb by its decompressed size', async () => {
    const error = await failure(fetchFeed(`${sim.url}/_fault/gzip-bomb`, {}, limits));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('decompression');
  });

  it('follows redirects up to the cap and detects loops', async () => {
    const ok = await fetchFeed(`${sim.url}/_fault/redirect-chain?n=3`, {}, limits);
    expect(ok.kind).toBe('ok');
    expect(ok.finalUrl).toBe(sim.feedUrl('benzinga'));
    expect((await failure(fetchFeed(`${sim.url}/_fault/redirect-chain?n=7`, {}, limits))).reason).toBe('too-many-redirects');
    const loop = await failure(fetchFeed(`${sim.url}/_fault/redirect-loop`, {}, { ...limits, maxRedirects: 20 }));
    expect(loop.reason).toBe('too-many-redirects');
    expect(loop.message).toContain('loop');
  });

  it('passes a garbage body through for the parser to refuse', async () => {
    const result = await fetchFeed(`${sim.url}/_fault/garbage`, {}, limits);
    if (result.kind !== 'ok') throw new Error('expected a body');
    await expect(parseFeed(result.body)).rejects.toBeInstanceOf(FeedParseError);
  });

  it('reports a refused connection as a network error', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const error = await failure(fetchFeed(`http://127.0.0.1:${port}/feed`, {}, limits));
    expect(error.reason).toBe('network');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchFeed(`${sim.url}/_fault/hang`, {}, limits, controller.signal);
    controller.abort();
    expect((await failure(pending)).message).toContain('aborted');
  });
});
