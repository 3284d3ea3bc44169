// Builds the configured adapter and its previous-close source. The only place that reads the market config.
import type { MarketConfig } from '../../config/market-schema.js';
import { createAlpacaNewsStream, type AlpacaNewsStream } from './alpaca-news.js';
import { createAlpacaProvider } from './alpaca.js';
import { AuthFailedError } from './errors.js';
import { createFinnhubProvider } from './finnhub.js';
import type { MarketDataProvider } from './market-data-provider.js';
import { createPolygonProvider } from './polygon.js';
import { createAlpacaCloses, createFinnhubCloses, createPolygonCloses, type PreviousCloseSource } from './previous-close.js';

export interface ConfiguredProvider {
  provider: MarketDataProvider;
  closes: PreviousCloseSource;
  maxSymbols: number;
  /** Identifies the key, not the key itself: the leader lock is per provider key. */
  keyId: string;
}

export function fingerprint(secret: string): string {
  // FNV-1a: enough to tell keys apart in a lock name without writing the key to Redis.
  let h = 0x811c9dc5;
  for (let i = 0; i < secret.length; i++) {
    h ^= secret.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const missing = (provider: string, env: string): AuthFailedError =>
  new AuthFailedError(provider, `no API key configured (set ${env})`);

export function createConfiguredProvider(config: MarketConfig): ConfiguredProvider | null {
  const reconnect = config.reconnect;
  switch (config.provider) {
    case 'none':
      return null;
    case 'finnhub': {
      const c = config.finnhub;
      if (!c.key) throw missing('finnhub', 'FINNHUB_API_KEY');
      return {
        provider: createFinnhubProvider({ url: c.url, key: c.key, reconnect }),
        closes: createFinnhubCloses({ restUrl: c.restUrl, key: c.key }),
        maxSymbols: c.maxSymbols,
        keyId: fingerprint(c.key),
      };
    }
    case 'alpaca': {
      const c = config.alpaca;
      if (!c.keyId || !c.secretKey) throw missing('alpaca', 'ALPACA_KEY_ID and ALPACA_SECRET_KEY');
      return {
        provider: createAlpacaProvider({ url: c.url, key: c.keyId, secret: c.secretKey, feed: c.feed, quotes: c.quotes, reconnect }),
        closes: createAlpacaCloses({ restUrl: c.restUrl, keyId: c.keyId, secretKey: c.secretKey, feed: c.feed }),
        maxSymbols: c.maxSymbols,
        keyId: fingerprint(c.keyId),
      };
    }
    case 'polygon': {
      const c = config.polygon;
      if (!c.key) throw missing('polygon', 'POLYGON_API_KEY');
      return {
        provider: createPolygonProvider({ url: c.url, key: c.key, reconnect }),
        closes: createPolygonCloses({ restUrl: c.restUrl, key: c.key }),
        maxSymbols: c.maxSymbols,
        keyId: fingerprint(c.key),
      };
    }
  }
}

/** The Alpaca news stream when `alpaca.news` is on and keys are set, else null. */
export function createConfiguredNewsStream(config: MarketConfig): AlpacaNewsStream | null {
  const c = config.alpaca;
  if (!c.news || !c.keyId || !c.secretKey) return null;
  return createAlpacaNewsStream({ url: c.newsUrl, key: c.keyId, secret: c.secretKey, source: c.newsSource, reconnect: config.reconnect });
}
