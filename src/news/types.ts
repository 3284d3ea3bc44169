// The shapes a story takes on its way through the pipeline. Plain data, no behaviour.

/** One entry as read from a feed document or a news websocket, before any cleaning. */
export interface RawItem {
  /** Publisher id or guid, when the source gives one. */
  guid?: string;
  title?: string;
  link?: string;
  /** Summary or description; may contain HTML and entities. */
  summary?: string;
  /** Full body when the source carries it (e.g. content:encoded); may contain HTML. */
  body?: string;
  /** Publication time as the source wrote it (RFC 822, ISO 8601, …). */
  published?: string;
  /** Feed categories, e.g. "NYSE:BABA" on GlobeNewswire or "Earnings". */
  categories?: string[];
  /** Tickers the provider supplies explicitly (nasdaq:tickers, Alpaca `symbols`). */
  tickers?: string[];
  author?: string;
}

/** A cleaned story: the unit every later stage works on. */
export interface Story {
  /** `source:itemKey`, also the `news` job id. */
  id: string;
  /** Feed or stream id from the configuration, e.g. `globenewswire`. */
  source: string;
  itemKey: string;
  title: string;
  summary: string;
  body: string;
  /** Canonical URL (tracking parameters removed), or '' when the item has none. */
  url: string;
  /** ISO 8601 in UTC. */
  publishedAt: string;
  /** Tickers supplied by the source itself (categories, provider symbols), normalized to upper case. */
  sourceTickers: string[];
  categories: string[];
}
