// Feed document (RSS 2.0, RSS 1.0/RDF, Atom) → RawItem[]. rss-parser does the format detection; this module
// maps the finance-specific fields (nasdaq:tickers, GlobeNewswire stock categories, SEC form-type categories,
// dc:* dates and ids) and makes every failure a FeedParseError.
import Parser from 'rss-parser';
import { decodeHTML } from 'entities';
import type { RawItem } from '../news/types.js';

/** The document is not a feed we can read. `message` says why, in words fit for a log line or a health page. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

type XmlValue = string | { _?: unknown; $?: Record<string, unknown> } | undefined;

interface ParsedItem {
  guid?: XmlValue;
  id?: XmlValue;
  title?: XmlValue;
  link?: XmlValue;
  content?: XmlValue;
  summary?: XmlValue;
  'content:encoded'?: XmlValue;
  pubDate?: XmlValue;
  'dc:date'?: XmlValue;
  rawPublished?: XmlValue;
  rawUpdated?: XmlValue;
  'dc:identifier'?: XmlValue;
  'nasdaq:tickers'?: XmlValue;
  categories?: XmlValue[];
  atomCategories?: XmlValue[];
  creator?: XmlValue;
  author?: XmlValue;
}

const customItemFields = [
  'nasdaq:tickers',
  'dc:identifier',
  'dc:date',
  'id',
  ['category', 'atomCategories', { keepArray: true }],
];

/** Text of an element as xml2js gives it: a string, or an object with `_` text and `$` attributes. */
function text(value: XmlValue): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (value !== undefined && typeof value === 'object' && typeof value._ === 'string') return text(value._);
  return undefined;
}

function categoryText(value: XmlValue): string | undefined {
  const plain = text(value);
  if (plain !== undefined) return plain.trim();
  if (value !== undefined && typeof value === 'object') {
    const term = value.$?.term ?? value.$?.label;
    if (typeof term === 'string' && term.trim() !== '') return term.trim();
  }
  return undefined;
}

function newParser(): Parser<Record<string, unknown>, ParsedItem> {
  const parser = new Parser<Record<string, unknown>, ParsedItem>({ customFields: { item: customItemFields as never } });
  // rss-parser converts Atom <published>/<updated> with `new Date(x).toISOString()`, which throws on a bad date and
  // loses the whole document. Hand it entries without those two and keep the raw text for our own date parsing.
  const internals = parser as unknown as { parseItemAtom: (entry: Record<string, unknown>) => Record<string, unknown> };
  const parseItemAtom = internals.parseItemAtom.bind(parser);
  internals.parseItemAtom = (entry) => {
    const { published, updated, ...rest } = entry;
    const item = parseItemAtom(rest);
    item.rawPublished = Array.isArray(published) ? published[0] : undefined;
    item.rawUpdated = Array.isArray(updated) ? updated[0] : undefined;
    return item;
  };
  return parser;
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Real feeds sometimes carry HTML entities (`&nbsp;`) or a bare `&` unescaped; make them well-formed XML. */
export function repairEntities(xml: string): string {
  return xml.replace(/&(#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)?/g, (match, ref: string | undefined) => {
    if (ref === undefined) return '&amp;';
    if (ref.startsWith('#')) return match;
    const name = ref.slice(0, -1);
    if (XML_ENTITIES.has(name)) return match;
    const decoded = decodeHTML(match);
    if (decoded === match) return `&amp;${ref}`;
    return [...decoded].map((ch) => `&#${ch.codePointAt(0) ?? 63};`).join('');
  });
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function toRawItem(item: ParsedItem, baseUrl: string | undefined): RawItem {
  const raw: RawItem = {};
  // dc:identifier is the publisher's own id (GlobeNewswire's release number): shorter and as stable as the guid.
  const guid = text(item['dc:identifier']) ?? text(item.guid) ?? text(item.id);
  if (guid !== undefined) raw.guid = guid.trim();
  const title = text(item.title);
  if (title !== undefined) raw.title = title;
  const link = text(item.link);
  if (link !== undefined) raw.link = resolveLink(link.trim(), baseUrl);
  // RSS: description is in `content`. Atom: <summary>, with <content> as the body.
  const isAtom = 'rawPublished' in item || 'rawUpdated' in item;
  const summary = isAtom ? (text(item.summary) ?? text(item.content)) : text(item.content);
  if (summary !== undefined) raw.summary = summary;
  const body = isAtom ? text(item.content) : text(item['content:encoded']);
  if (body !== undefined) raw.body = body;
  const published = text(item.pubDate) ?? text(item['dc:date']) ?? text(item.rawPublished) ?? text(item.rawUpdated);
  if (published !== undefined) raw.published = published.trim();
  // rss-parser fills `categories` for RSS; Atom categories come only from our custom field.
  const categories = (item.categories ?? item.atomCategories ?? [])
    .map(categoryText)
    .filter((c): c is string => c !== undefined && c !== '');
  if (categories.length > 0) raw.categories = categories;
  const tickers = text(item['nasdaq:tickers'])
    ?.split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tickers !== undefined && tickers.length > 0) raw.tickers = tickers;
  const author = text(item.creator) ?? text(item.author);
  if (author !== undefined) raw.author = author.trim();
  return raw;
}

function resolveLink(link: string, baseUrl: string | undefined): string {
  if (baseUrl === undefined || /^[a-z][a-z0-9+.-]*:/i.test(link)) return link;
  try {
    return new URL(link, baseUrl).toString();
  } catch {
    return link;
  }
}

/**
 * Parses a feed document. `baseUrl` (the URL it was fetched from) resolves relative item links.
 * Throws FeedParseError when the text is not an RSS, RDF or Atom document.
 */
export async function parseFeed(xml: string, baseUrl?: string): Promise<RawItem[]> {
  const document = xml.replace(/^\ufeff/, '').trimStart();
  if (document === '') throw new FeedParseError('empty document: expected RSS or Atom XML');
  if (!document.startsWith('<')) {
    throw new FeedParseError(`not XML: document starts with ${JSON.stringify(document.slice(0, 20))}`);
  }
  let output: Awaited<ReturnType<Parser<Record<string, unknown>, ParsedItem>['parseString']>>;
  try {
    output = await newParser().parseString(document);
  } catch (first) {
    const repaired = repairEntities(document);
    if (repaired === document) throw new FeedParseError(`not a readable feed: ${describe(first)}`, String(first));
    try {
      output = await newParser().parseString(repaired);
    } catch (second) {
      throw new FeedParseError(`not a readable feed: ${describe(second)}`, String(second));
    }
  }
  return output.items.map((item) => toRawItem(item, baseUrl));
}
