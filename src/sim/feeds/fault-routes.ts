// Misbehaving endpoints for the failure tests, under /_fault/. Each imitates something real feed hosts do.
//   /_fault/500            HTTP 500
//   /_fault/403            the SEC's "declare your user agent" HTML 403
//   /_fault/429            HTTP 429 with Retry-After: 120
//   /_fault/garbage        200 with a body that is not XML
//   /_fault/html           200 with an HTML page (a login wall or error page served as 200)
//   /_fault/huge           200 streaming a valid-looking RSS document of ~64 MiB, without Content-Length
//   /_fault/huge-declared  200 with Content-Length of 64 MiB (refused from the header alone)
//   /_fault/gzip-bomb      200, Content-Encoding: gzip, ~64 KiB on the wire that inflates to 64 MiB
//   /_fault/slow           200, headers at once, then one byte every 200 ms for up to 10 minutes
//   /_fault/hang           accepts the request and never answers
//   /_fault/redirect-loop  302 to /_fault/redirect-loop-b, which redirects back
//   /_fault/redirect?to=…  one 302 to the given path (for redirect-following tests)
//   /_fault/redirect-chain?n=N  N redirects in a row, ending at /feeds/benzinga
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

const HUGE_BYTES = 64 * 1024 * 1024;
const SLOW_BYTE_MS = 200;
const SLOW_MAX_MS = 10 * 60_000;

let bomb: Buffer | undefined;
/** 64 concatenated gzip members of 1 MiB of spaces each: ~64 KiB on the wire, cheap to build, 64 MiB inflated. */
const gzipBomb = (): Buffer => {
  if (bomb === undefined) {
    const member = gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 });
    bomb = Buffer.concat(Array.from({ length: HUGE_BYTES / (1024 * 1024) }, () => member));
  }
  return bomb;
};

function streamHuge(res: ServerResponse): void {
  const item = Buffer.from(`<item><title>${'x'.repeat(900)}</title></item>\n`);
  let sent = 0;
  res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title>\n');
  const pump = (): void => {
    while (sent < HUGE_BYTES && !res.destroyed) {
      sent += item.length;
      if (!res.write(item)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end('</channel></rss>');
  };
  pump();
}

function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const body = '<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title>';
  let i = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    if (res.destroyed || Date.now() - started > SLOW_MAX_MS) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body[i % body.length] ?? ' ');
    i += 1;
  }, SLOW_BYTE_MS);
  res.on('close', () => clearInterval(timer));
}

/** Handles a /_fault/ request; returns false when the path is not a fault route. */
export function handleFault(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  switch (url.pathname) {
    case '/_fault/500':
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return true;
    case '/_fault/403':
      res
        .writeHead(403, { 'content-type': 'text/html' })
        .end('<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head><body>Please declare your traffic by updating your user agent to include company specific information.</body></html>');
      return true;
    case '/_fault/429':
      res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '120' }).end('Too Many Requests');
      return true;
    case '/_fault/garbage':
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('\u0000\u0001this is not xml {"at":"all"} <<<>>>');
      return true;
    case '/_fault/html':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>Sign in</title></head><body><p>Please sign in</p></body></html>');
      return true;
    case '/_fault/huge':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      streamHuge(res);
      return true;
    case '/_fault/huge-declared':
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(HUGE_BYTES) });
      streamHuge(res);
      return true;
    case '/_fault/gzip-bomb': {
      const body = gzipBomb();
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': String(body.length) });
      res.end(body);
      return true;
    }
    case '/_fault/slow':
      trickle(res);
      return true;
    case '/_fault/hang':
      // Never answer; the server's close() destroys the socket.
      req.resume();
      return true;
    case '/_fault/redirect-loop':
      res.writeHead(302, { location: '/_fault/redirect-loop-b' }).end();
      return true;
    case '/_fault/redirect-loop-b':
      res.writeHead(302, { location: '/_fault/redirect-loop' }).end();
      return true;
    case '/_fault/redirect': {
      const to = url.searchParams.get('to') ?? '/feeds/benzinga';
      res.writeHead(302, { location: to.startsWith('/') ? to : '/feeds/benzinga' }).end();
      return true;
    }
    case '/_fault/redirect-chain': {
      const n = Math.max(0, Math.min(50, Number(url.searchParams.get('n') ?? 0) || 0));
      res.writeHead(302, { location: n <= 1 ? '/feeds/benzinga' : `/_fault/redirect-chain?n=${n - 1}` }).end();
      return true;
    }
    default:
      return false;
  }
}
