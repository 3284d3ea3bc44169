// Stable identity for the entries of one feed document. The key becomes part of the `news` job id
// (`source:itemKey`), so the same entry seen on the next poll must get the same key, and two different entries
// must not share one.
//
// Rule, per item, first that applies:
//   1. the publisher's guid/id, when no other item in the document uses it for a different article
//      (items sharing a guid count as the same article when they share the canonical URL, e.g. the SEC lists one
//      filing once per filer role);
//   2. the canonical URL, under the same condition judged by normalized title;
//   3. a hash of the normalized title and the publication time.
// A key is printable ASCII without whitespace and at most MAX_KEY_LENGTH characters; anything else is replaced by
// `x-` and a hash of it, so keys are always safe as a BullMQ job id part.
import { createHash } from 'node:crypto';
import { canonicalUrl } from './canonical-url.js';
import { htmlToText, parsePublished } from './normalize.js';
import type { RawItem } from './types.js';

export const MAX_KEY_LENGTH = 120;

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Whitespace inside ids (Benzinga's `12345 at https://…`) becomes `_`; the result is hashed if still unsafe. */
function safeKey(value: string): string {
  const compact = value.trim().replace(/\s+/g, '_');
  if (compact.length > 0 && compact.length <= MAX_KEY_LENGTH && /^[\x21-\x7e]+$/.test(compact)) return compact;
  return `x-${shortHash(value.trim())}`;
}

function titleDateKey(item: RawItem): string {
  const title = htmlToText(item.title).toLowerCase();
  const published = parsePublished(item.published);
  const date = published === null ? (item.published ?? '').trim() : published.toISOString();
  return `t-${shortHash(`${title}\n${date}`)}`;
}

interface Candidate {
  guid: string | null;
  url: string | null;
  titleDate: string;
}

/** The value of `pick` is usable for every item that has it when all items sharing it agree on `same`. */
function consistentValues(
  candidates: readonly Candidate[],
  pick: (c: Candidate) => string | null,
  same: (c: Candidate) => string,
): Set<string> {
  const seen = new Map<string, string | false>();
  for (const candidate of candidates) {
    const value = pick(candidate);
    if (value === null) continue;
    const identity = same(candidate);
    const previous = seen.get(value);
    if (previous === undefined) seen.set(value, identity);
    else if (previous !== identity) seen.set(value, false);
  }
  return new Set([...seen].filter(([, identity]) => identity !== false).map(([value]) => value));
}

/** One key per item, in order. Pure and deterministic: the same document always gives the same keys. */
export function itemKeys(items: readonly RawItem[]): string[] {
  const candidates: Candidate[] = items.map((item) => {
    const guid = item.guid?.trim();
    return {
      guid: guid === undefined || guid === '' ? null : guid,
      url: item.link === undefined ? null : canonicalUrl(item.link),
      titleDate: titleDateKey(item),
    };
  });
  const usableGuids = consistentValues(
    candidates,
    (c) => c.guid,
    (c) => c.url ?? c.titleDate,
  );
  const usableUrls = consistentValues(
    candidates,
    (c) => c.url,
    (c) => c.titleDate,
  );
  return candidates.map((c) => {
    if (c.guid !== null && usableGuids.has(c.guid)) return safeKey(c.guid);
    if (c.url !== null && usableUrls.has(c.url)) return safeKey(c.url);
    return c.titleDate;
  });
}
