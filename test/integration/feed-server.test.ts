// The feed simulator over real loopback HTTP: listing, posting items, conditional GET, timed publishing.
import { afterEach, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../src/sim/feed-server.js';
import { parseFeed } from '../../src/sources/parse-feed.js';

let sim: FeedServer | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const post = (server: FeedServer, body: string): Promise<Response> =>
  fetch(`${server.url}/_sim/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

async function items(server: FeedServer, name: string): Promise<Awaited<ReturnType<typeof parseFeed>>> {
  const res = await fetch(server.feedUrl(name));
  expect(res.status).toBe(200);
  return parseFeed(await res.text());
}

describe('feed server', () => {
  it('lists the bundled feeds', async () => {
    sim = await startFeedServer({ publishEveryMs: 0 });
    const res = await fetch(`${sim.url}/_sim/feeds`);
    const list = (await res.json()) as Array<{ name: string; url: string }>;
    expect(list.map((f) => f.name).sort()).toEqual(['benzinga', 'globenewswire', 'sec-edgar']);
    expect(list.find((f) => f.name === 'benzinga')?.url).toBe(sim.feedUrl('benzinga'));
    expect(sim.feedUrl('x')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feeds\/x$/);
  });

  it('accepts a posted item and serves it at once', async () => {
    sim = await startFeedServer({ publishEveryMs: 0 });
    const res = await post(
      sim,
      JSON.stringify({
        feed: 'globenewswire',
        guid: 'sim-1',
        title: 'Acme Corp Raises Guidance',
        link: 'https://example.com/acme',
        description: '<p>Acme Corp (NYSE: ACME) raised guidance.</p>',
        pubDate: 'Tue, 14 Jul 2026 15:06 GMT',
        categories: ['NYSE:ACME', 'Earnings'],
      }),
    );
    expect(res.status).toBe(201);
    const found = (await items(sim, 'globenewswire')).find((i) => i.guid === 'sim-1');
    expect(found).toMatchObject({
      title: 'Acme Corp Raises Guidance',
      link: 'https://example.com/acme',
      published: 'Tue, 14 Jul 2026 15:06 GMT',
      categories: ['NYSE:ACME', 'Earnings'],
    });
  });

  it('creates an unknown feed on first post and tells listeners', async () => {
    sim = await startFeedServer({ publishEveryMs: 0 });
    const created: string[] = [];
    sim.onFeedCreated((name) => created.push(name));
    const res = await post(sim, JSON.stringify({ feed: 'my-wire', guid: 'a1', title: 'Hello', link: 'https://example.com/a1', description: 'd' }));
    expect(res.status).toBe(201);
    expect(created).toEqual(['my-wire']);
    expect(sim.feedNames()).toContain('my-wire');
    const list = (await (await fetch(`${sim.url}/_sim/feeds`)).json()) as Array<{ name: string }>;
    expect(list.map((f) => f.name)).toContain('my-wire');
    expect((await items(sim, 'my-wire')).map((i) => i.guid)).toEqual(['a1']);
    await post(sim, JSON.stringify({ feed: 'my-wire', guid: 'a2', title: 'Again', link: 'https://example.com/a2', description: 'd' }));
    expect(created).toEqual(['my-wire']);
  });

  it('answers 400 with a clear message to bad JSON and missing fields', async () => {
    sim = await startFeedServer({ publishEveryMs: 0 });
    const badJson = await post(sim, '{"feed": ');
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: string }).error).toContain('not valid JSON');
    const missing = await post(sim, JSON.stringify({ feed: 'benzinga', guid: 'x', link: 'https://example.com', description: '' }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toContain('"title"');
    const badCategories = await post(sim, JSON.stringify({ feed: 'benzinga', guid: 'x', title: 't', link: 'l', description: '', categories: 'NYSE:X' }));
    expect(badCategories.status).toBe(400);
    expect(sim.feedNames()).toEqual(['benzinga', 'globenewswire', 'sec-edgar']);
  });

  it('answers 304 to matching validators until the feed changes', async () => {
    sim = await startFeedServer({ publishEveryMs: 0 });
    const first = await fetch(sim.feedUrl('benzinga'));
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect((await fetch(sim.feedUrl('benzinga'), { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(sim.feedUrl('benzinga'), { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    sim.addItem({ feed: 'benzinga', guid: 'new', title: 'New', link: 'https://example.com/new', description: '' });
    expect((await fetch(sim.feedUrl('benzinga'), { headers: { 'if-none-match': etag } })).status).toBe(200);
    expect((await fetch(sim.feedUrl('benzinga'), { headers: { 'if-modified-since': lastModified } })).status).toBe(200);
  });

  it('gzips when asked', async () => {
    sim = await startFeedServer({ publishEveryMs: 0 });
    const { request } = await import('node:http');
    const encoding = await new Promise<string | undefined>((resolve, reject) => {
      request(sim!.feedUrl('benzinga'), { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        res.resume();
        resolve(res.headers['content-encoding']);
      })
        .on('error', reject)
        .end();
    });
    expect(encoding).toBe('gzip');
  });

  it('publishes new items on its timer', async () => {
    sim = await startFeedServer({ publishEveryMs: 20, seed: 7 });
    const before = new Set((await items(sim, 'benzinga')).map((i) => i.guid));
    let fresh: string[] = [];
    for (let attempt = 0; attempt < 100 && fresh.length === 0; attempt++) {
      await new Promise((r) => setTimeout(r, 20));
      fresh = (await items(sim, 'benzinga')).map((i) => i.guid ?? '').filter((g) => !before.has(g));
    }
    expect(fresh.length).toBeGreaterThan(0);
  });

  it('serves fresh items: bundled pubDates are relative to server start', async () => {
    sim = await startFeedServer({ publishEveryMs: 0 });
    const newest = (await items(sim, 'benzinga'))[0]!;
    expect(Date.now() - Date.parse(newest.published!)).toBeLessThan(10 * 60_000);
  });
});
