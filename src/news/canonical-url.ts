// One spelling per article URL, so the same article linked with different tracking parameters compares equal.
// The result is also the link we show, so it must keep working: we keep `www.` and the path's case, and only drop
// parameters that never change which page is served.

/** Query parameters that only track the reader. Compared lower-cased; `utm_*` is matched by prefix. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'cmpid',
  'ncid',
  'ocid',
  'yptr',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  '.tsrc',
  'soc_src',
  'soc_trk',
  'sr_share',
  'smid',
]);

/** Parameters that track the reader only on some hosts (elsewhere they may select content). */
const HOST_TRACKING_PARAMS: ReadonlyArray<{ host: RegExp; params: ReadonlySet<string> }> = [
  { host: /(^|\.)(marketwatch|wsj|barrons)\.com$/, params: new Set(['mod']) },
  { host: /(^|\.)(reuters|cnbc|bloomberg|businessinsider|fool)\.com$/, params: new Set(['ref', 'src', 'source', '__source']) },
];

function isTrackingParam(name: string, host: string): boolean {
  const key = name.toLowerCase();
  if (key.startsWith('utm_') || TRACKING_PARAMS.has(key)) return true;
  return HOST_TRACKING_PARAMS.some((rule) => rule.host.test(host) && rule.params.has(key));
}

/**
 * The canonical form of an http(s) URL, or null when `url` is not one.
 * Lower-cases scheme and host, drops the fragment, default ports, tracking parameters and a trailing slash
 * (except the root `/`), and sorts the remaining query parameters.
 */
export function canonicalUrl(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  const host = parsed.hostname.replace(/\.$/, '');
  parsed.hostname = host;

  const kept = [...parsed.searchParams.entries()].filter(([name]) => !isTrackingParam(name, host));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  parsed.search = query === '' ? '' : `?${query}`;

  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) {
    parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  }
  return parsed.toString();
}
