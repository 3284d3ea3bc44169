// Configuration of the market-data stream: which provider, where it lives, symbol caps, flushing and reconnects.
// Keys come from the environment (FINNHUB_API_KEY, ALPACA_KEY_ID, ALPACA_SECRET_KEY, POLYGON_API_KEY); the config
// loader copies them into the `key` / `keyId` / `secretKey` fields. Every field has a default, so `market: {}` is valid.
import { z } from 'zod';

const wsUrl = z.string().regex(/^wss?:\/\//, 'a ws:// or wss:// URL');
const httpUrl = z.string().regex(/^https?:\/\//, 'an http:// or https:// URL');
const cap = z.number().int().min(1).max(100_000);

export const marketProviderNames = ['finnhub', 'alpaca', 'polygon', 'none'] as const;
export type MarketProviderName = (typeof marketProviderNames)[number];

export const finnhubSchema = z
  .object({
    url: wsUrl.default('wss://ws.finnhub.io'),
    restUrl: httpUrl.default('https://finnhub.io/api/v1'),
    /** From FINNHUB_API_KEY. */
    key: z.string().min(1).optional(),
    /** Free plan: 50 symbols per connection. */
    maxSymbols: cap.default(50),
  })
  .strict()
  .default({});

export const alpacaSchema = z
  .object({
    /** Base of the stock stream; the feed is appended (`.../v2/iex`). */
    url: wsUrl.default('wss://stream.data.alpaca.markets/v2'),
    feed: z.enum(['iex', 'sip', 'delayed_sip']).default('iex'),
    restUrl: httpUrl.default('https://data.alpaca.markets'),
    newsUrl: wsUrl.default('wss://stream.data.alpaca.markets/v1beta1/news'),
    /** From ALPACA_KEY_ID. */
    keyId: z.string().min(1).optional(),
    /** From ALPACA_SECRET_KEY. */
    secretKey: z.string().min(1).optional(),
    /** Free (Basic, iex) plan: 30 symbols for trades and quotes. */
    maxSymbols: cap.default(30),
    /** Also subscribe to quotes (they count against the same cap). */
    quotes: z.boolean().default(false),
    /** Read the real-time news stream (Benzinga) into the news queue. */
    news: z.boolean().default(false),
    /** Source id given to stories from the news stream. */
    newsSource: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/).default('alpaca-news'),
  })
  .strict()
  .default({});

export const polygonSchema = z
  .object({
    url: wsUrl.default('wss://socket.massive.com/stocks'),
    restUrl: httpUrl.default('https://api.massive.com'),
    /** From POLYGON_API_KEY. */
    key: z.string().min(1).optional(),
    /** No documented cap; keep a bound anyway. */
    maxSymbols: cap.default(1000),
  })
  .strict()
  .default({});

export const marketSchema = z
  .object({
    provider: z.enum(marketProviderNames).default('finnhub'),
    finnhub: finnhubSchema,
    alpaca: alpacaSchema,
    polygon: polygonSchema,
    /** Price book flush period to Redis; at most 250 ms. */
    flushEveryMs: z.number().int().min(10).max(250).default(250),
    /** Trading days of 1-minute bars kept in Redis. */
    barsKeepDays: z.number().int().min(1).max(10).default(2),
    reconnect: z
      .object({
        baseMs: z.number().int().min(10).default(500),
        maxMs: z.number().int().min(100).default(30_000),
      })
      .strict()
      .default({}),
    /** Periodic watchlist reconcile, in case a change notification is missed. */
    reconcileEveryMs: z.number().int().min(100).default(5_000),
    /** Leader lock: one active stream per provider key across all processes. */
    leaderLock: z
      .object({
        ttlMs: z.number().int().min(500).default(10_000),
        renewEveryMs: z.number().int().min(100).default(3_000),
      })
      .strict()
      .default({}),
  })
  .strict()
  .default({});

export type MarketConfig = z.infer<typeof marketSchema>;
