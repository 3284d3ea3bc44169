// One conditional GET of a feed URL with hard limits: a whole-request deadline (a server that trickles bytes
// cannot hold us), a size cap counted while streaming and after decompression (a gzip bomb cannot fill memory),
// and manual redirects with a cap and loop detection.
import http from 'node:http';
import https from 'node:https';
import { Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { FetchSettings } from '../config/feeds-schema.js';

export type FetchFailureReason = 'timeout' | 'too-large' | 'http-status' | 'too-many-redirects' | 'network';

/** Why a fetch failed, with what the caller needs to decide how long to back off. */
export class FeedFetchError extends Error {
  override readonly name = 'FeedFetchError';
  constructor(
    readonly reason: FetchFailureReason,
    readonly url: string,
    message: string,
    readonly status?: number,
    /** From a Retry-After header on 429/503, when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | { kind: 'not-modified'; status: 304; finalUrl: string }
  | { kind: 'ok'; status: number; body: string; etag?: string; lastModified?: string; finalUrl: string };

/** The fetch part of the settings, plus per-feed request overrides. */
export type FetchLimits = Pick<FetchSettings, 'timeoutMs' | 'maxBytes' | 'maxRedirects' | 'userAgent'> & {
  headers?: Record<string, string>;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, Math.round((at - Date.now()) / 1000)) : undefined;
}

/** Charset from the Content-Type header, else from the XML declaration, else UTF-8. */
function decodeBody(bytes: Buffer, contentType: string | undefined): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const fromXml = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  for (const label of [fromHeader, fromXml, 'utf-8']) {
    if (label === undefined) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // Unknown label: try the next source of truth.
    }
  }
  return bytes.toString('utf8');
}

function decompressor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body?: Buffer;
}

/** One request/response, no redirect handling. Resolves on headers for non-2xx, after the body for 2xx. */
function requestOnce(
  url: URL,
  headers: Record<string, string>,
  limits: FetchLimits,
  register: (abort: (error: Error) => void) => void,
): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(error);
    };
    const req = client.request(url, { method: 'GET', headers }, (res) => {
      const status = res.statusCode ?? 0;
      // Destroying the request can make the response emit 'error'; the outcome is already decided by then.
      res.on('error', () => undefined);
      if (status < 200 || status >= 300) {
        settled = true;
        res.resume();
        req.destroy();
        resolve({ status, headers: res.headers });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        fail(new FeedFetchError('too-large', url.href, `body of ${declared} bytes exceeds the limit of ${limits.maxBytes}`));
        return;
      }
      let stream: Readable = res;
      const inflate = decompressor(res.headers['content-encoding']);
      if (inflate !== null) {
        res.on('error', (error) => inflate.destroy(error));
        stream = res.pipe(inflate);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          inflate?.destroy();
          fail(new FeedFetchError('too-large', url.href, `body exceeds the limit of ${limits.maxBytes} bytes (after decompression)`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (error) => fail(new FeedFetchError('network', url.href, `reading the body failed: ${error.message}`)));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', (error) => fail(new FeedFetchError('network', url.href, `request failed: ${error.message}`)));
    register(fail);
    req.end();
  });
}

const header = (headers: http.IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Fetches `url` once (following redirects). A 304 answer to the validators is `not-modified`.
 * Throws FeedFetchError for every failure; never leaves a socket or timer behind.
 */
export async function fetchFeed(url: string, validators: Validators, limits: FetchLimits, signal?: AbortSignal): Promise<FetchOutcome> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FeedFetchError('network', url, `not a valid URL: ${url}`);
  }
  const headers: Record<string, string> = {
    'user-agent': limits.userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate',
    ...(limits.headers ?? {}),
  };
  // Empty validators make some servers answer 200 every time; send only real ones.
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

  let abortCurrent: ((error: Error) => void) | undefined;
  let stopped: Error | undefined;
  const stop = (error: Error): void => {
    stopped ??= error;
    abortCurrent?.(error);
  };
  const timer = setTimeout(
    () => stop(new FeedFetchError('timeout', current.href, `no complete answer within ${limits.timeoutMs} ms`)),
    limits.timeoutMs,
  );
  const onAbort = (): void => stop(new FeedFetchError('network', current.href, 'request aborted'));
  if (signal?.aborted === true) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    const visited = new Set<string>();
    for (let redirects = 0; ; redirects++) {
      if (stopped) throw stopped;
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new FeedFetchError('network', current.href, `unsupported protocol ${current.protocol}`);
      }
      visited.add(current.href);
      const hop = await requestOnce(current, headers, limits, (abort) => {
        abortCurrent = abort;
        if (stopped) abort(stopped);
      });
      if (REDIRECTS.has(hop.status)) {
        const location = header(hop.headers, 'location');
        if (location === undefined) throw new FeedFetchError('http-status', current.href, `redirect ${hop.status} without a Location`, hop.status);
        const next = new URL(location, current);
        if (visited.has(next.href)) throw new FeedFetchError('too-many-redirects', url, `redirect loop at ${next.href}`, hop.status);
        if (redirects + 1 > limits.maxRedirects) {
          throw new FeedFetchError('too-many-redirects', url, `more than ${limits.maxRedirects} redirects`, hop.status);
        }
        current = next;
        continue;
      }
      if (hop.status === 304) return { kind: 'not-modified', status: 304, finalUrl: current.href };
      if (hop.body === undefined) {
        const retryAfter = parseRetryAfter(header(hop.headers, 'retry-after'));
        throw new FeedFetchError('http-status', current.href, `HTTP ${hop.status} from ${current.host}`, hop.status, retryAfter);
      }
      const outcome: FetchOutcome = {
        kind: 'ok',
        status: hop.status,
        body: decodeBody(hop.body, header(hop.headers, 'content-type')),
        finalUrl: current.href,
      };
      const etag = header(hop.headers, 'etag');
      const lastModified = header(hop.headers, 'last-modified');
      if (etag) outcome.etag = etag;
      if (lastModified) outcome.lastModified = lastModified;
      return outcome;
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
