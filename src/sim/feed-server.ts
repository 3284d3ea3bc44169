// A loopback stand-in for the feed publishers, used by the demo and the tests. It serves realistic sample feeds
// (Benzinga-style briefs, GlobeNewswire, SEC EDGAR Atom) with ETag/Last-Modified and gzip, publishes new items
// on a timer, accepts items over HTTP, and offers misbehaving routes under /_fault/ (see feeds/fault-routes.ts).
//
// Routes:
//   GET  /feeds/<name>     the feed document (304 on a matching If-None-Match / If-Modified-Since)
//   GET  /_sim/feeds       [{ name, url }] as JSON
//   POST /_sim/items       { feed, guid, title, link, description, pubDate?, categories? } → 201; unknown feed is created
//   GET  /_fault/...       failure modes for tests
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { benzingaEntries, nextBenzingaEntry } from './feeds/benzinga.js';
import { seededRandom, type FeedEntry, type FeedFormat } from './feeds/entry.js';
import { handleFault } from './feeds/fault-routes.js';
import { globeNewswireEntries, nextGlobeNewswireEntry } from './feeds/globenewswire.js';
import { renderFeed } from './feeds/render.js';
import { nextSecEdgarEntry, secEdgarEntries } from './feeds/sec-edgar.js';

/** An item posted to the simulator (POST /_sim/items or addItem). */
export interface SimItem {
  feed: string;
  guid: string;
  title: string;
  link: string;
  description: string;
  /** As the feed should print it (RFC 822 or ISO 8601); now when left out. */
  pubDate?: string;
  /** Plain categories; `Exchange:SYMBOL` ones become GlobeNewswire-style stock categories. */
  categories?: string[];
}

export interface FeedServerOptions {
  port?: number;
  host?: '127.0.0.1';
  /** Publish one new item to one of the bundled feeds this often; 0 = never. Default 2000. */
  publishEveryMs?: number;
  seed?: number;
  /** Most entries kept per feed document, newest first. Default 50. */
  maxEntries?: number;
}

export interface FeedServer {
  url: string;
  feedUrl(name: string): string;
  feedNames(): string[];
  addItem(item: SimItem): void;
  onFeedCreated(cb: (name: string) => void): void;
  /** Epoch ms of every GET of a feed document so far, for tests of poll scheduling. */
  fetchTimes(name: string): number[];
  close(): Promise<void>;
}

interface SimFeed {
  name: string;
  title: string;
  link: string;
  format: FeedFormat;
  entries: FeedEntry[];
  version: number;
  updated: Date;
}

const STOCK_CATEGORY = /^\s*(NYSE|Nasdaq|NASDAQ|NYSE American|Other OTC|AMEX)\s*:\s*[A-Za-z.]+\s*$/;

/** A clear message for what is wrong with a posted item, or null when it is fine. */
export function validateSimItem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'body must be a JSON object';
  const record = value as Record<string, unknown>;
  for (const field of ['feed', 'guid', 'title', 'link', 'description'] as const) {
    if (typeof record[field] !== 'string') return `field "${field}" is required and must be a string`;
  }
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(record.feed as string)) return 'field "feed" must be a lower-case slug';
  if ((record.guid as string).trim() === '' || (record.title as string).trim() === '') return 'fields "guid" and "title" must not be empty';
  if (record.pubDate !== undefined && typeof record.pubDate !== 'string') return 'field "pubDate" must be a string';
  if (record.categories !== undefined && (!Array.isArray(record.categories) || record.categories.some((c) => typeof c !== 'string'))) {
    return 'field "categories" must be an array of strings';
  }
  return null;
}

function toEntry(item: SimItem, now: Date): FeedEntry {
  const parsed = item.pubDate === undefined ? NaN : Date.parse(item.pubDate);
  const entry: FeedEntry = {
    guid: item.guid,
    guidIsPermaLink: /^https?:\/\//.test(item.guid),
    title: item.title,
    link: item.link,
    description: item.description,
    published: Number.isFinite(parsed) ? new Date(parsed) : now,
    categories: (item.categories ?? []).map((text) =>
      STOCK_CATEGORY.test(text) ? { text, domain: 'https://www.globenewswire.com/rss/stock' } : { text },
    ),
  };
  if (item.pubDate !== undefined) entry.pubDateText = item.pubDate;
  return entry;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`body larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const host = options.host ?? '127.0.0.1';
  const maxEntries = options.maxEntries ?? 50;
  const rng = seededRandom(options.seed ?? 1);
  const start = new Date();
  const etagBase = start.getTime().toString(36);
  const feeds = new Map<string, SimFeed>();
  const createdListeners: Array<(name: string) => void> = [];
  const sockets = new Set<Socket>();
  let base = '';

  const addFeed = (name: string, title: string, link: string, format: FeedFormat, entries: FeedEntry[]): SimFeed => {
    const sorted = [...entries].sort((a, b) => b.published.getTime() - a.published.getTime());
    const feed: SimFeed = { name, title, link, format, entries: sorted.slice(0, maxEntries), version: 1, updated: start };
    feeds.set(name, feed);
    return feed;
  };
  addFeed('benzinga', 'Benzinga News Briefs', 'https://www.benzinga.com', 'benzinga', benzingaEntries(start));
  addFeed('globenewswire', 'GlobeNewswire - News about Public Companies', 'https://www.globenewswire.com', 'globenewswire', globeNewswireEntries(start));
  addFeed('sec-edgar', 'Latest Filings', 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent', 'sec-edgar', secEdgarEntries(start));

  const publish = (feed: SimFeed, entry: FeedEntry): void => {
    feed.entries = [entry, ...feed.entries.filter((e) => e.guid !== entry.guid)].slice(0, maxEntries);
    feed.version += 1;
    // Last-Modified has one-second resolution; never let a change keep the previous second.
    feed.updated = new Date(Math.max(Date.now(), Math.floor(feed.updated.getTime() / 1000) * 1000 + 1000));
  };

  const addItem = (item: SimItem): void => {
    const problem = validateSimItem(item);
    if (problem !== null) throw new Error(`bad sim item: ${problem}`);
    let feed = feeds.get(item.feed);
    if (feed === undefined) {
      feed = addFeed(item.feed, `Simulated feed ${item.feed}`, `${base}/feeds/${item.feed}`, 'rss', []);
      for (const listener of createdListeners) listener(item.feed);
    }
    publish(feed, toEntry(item, new Date()));
  };

  let seq = 0;
  const generators: Array<[string, (rng: () => number, at: Date, seq: number) => FeedEntry]> = [
    ['benzinga', nextBenzingaEntry],
    ['globenewswire', nextGlobeNewswireEntry],
    ['benzinga', nextBenzingaEntry],
    ['sec-edgar', nextSecEdgarEntry],
  ];
  const publishNext = (): void => {
    const [name, next] = generators[seq % generators.length] ?? generators[0]!;
    const feed = feeds.get(name);
    if (feed !== undefined) publish(feed, next(rng, new Date(), seq));
    seq += 1;
  };

  const serveFeed = (req: IncomingMessage, res: ServerResponse, feed: SimFeed): void => {
    const etag = `"${feed.name}-${etagBase}-${feed.version}"`;
    const lastModified = feed.updated.toUTCString();
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const notModified =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(/\s*,\s*/).some((tag) => tag === etag || tag === `W/${etag}` || tag === '*')
        : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Math.floor(feed.updated.getTime() / 1000) * 1000;
    if (notModified) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    const doc = renderFeed({ name: feed.name, title: feed.title, link: feed.link, format: feed.format, entries: feed.entries, updated: feed.updated });
    let body = Buffer.from(doc.text, doc.charset);
    const headers: Record<string, string> = { 'content-type': doc.contentType, etag, 'last-modified': lastModified, vary: 'Accept-Encoding' };
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers).end(body);
  };

  const handlePost = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(req, 256 * 1024));
    } catch (error) {
      json(res, 400, { error: `body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const problem = validateSimItem(parsed);
    if (problem !== null) {
      json(res, 400, { error: problem });
      return;
    }
    const item = parsed as SimItem;
    addItem(item);
    json(res, 201, { feed: item.feed, guid: item.guid, url: `${base}/feeds/${item.feed}` });
  };

  const fetches = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base || 'http://127.0.0.1');
    const feedMatch = /^\/feeds\/([a-z0-9][a-z0-9_-]*)$/.exec(url.pathname);
    if (req.method === 'GET' && feedMatch !== null) {
      const feed = feeds.get(feedMatch[1] ?? '');
      const times = fetches.get(feedMatch[1] ?? '') ?? [];
      times.push(Date.now());
      fetches.set(feedMatch[1] ?? '', times);
      if (feed === undefined) json(res, 404, { error: `no feed named ${feedMatch[1]}` });
      else serveFeed(req, res, feed);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/_sim/feeds') {
      json(res, 200, [...feeds.keys()].map((name) => ({ name, url: `${base}/feeds/${name}` })));
      return;
    }
    if (url.pathname === '/_sim/items') {
      if (req.method !== 'POST') {
        json(res, 405, { error: 'use POST' });
        return;
      }
      handlePost(req, res).catch((error: unknown) => {
        if (!res.headersSent) json(res, 500, { error: String(error) });
      });
      return;
    }
    if (url.pathname.startsWith('/_fault/') && handleFault(req, res, url)) return;
    json(res, 404, { error: `no route ${req.method} ${url.pathname}` });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  base = `http://${host}:${port}`;

  const publishEveryMs = options.publishEveryMs ?? 2000;
  const timer = publishEveryMs > 0 ? setInterval(publishNext, publishEveryMs) : undefined;
  timer?.unref();

  return {
    url: base,
    feedUrl: (name) => `${base}/feeds/${name}`,
    feedNames: () => [...feeds.keys()],
    addItem,
    onFeedCreated: (cb) => {
      createdListeners.push(cb);
    },
    fetchTimes: (name) => [...(fetches.get(name) ?? [])],
    close: async () => {
      if (timer !== undefined) clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
