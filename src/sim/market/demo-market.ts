// For the demo: starts the simulator of the configured provider (Finnhub when none is set) and returns the market
// config pointed at it, with a key the simulator accepts. The demo streams every watchlist ticker through the real
// adapter, the real stream role and the real price book.
import type { MarketConfig } from '../../config/market-schema.js';
import { startAlpacaSimulator } from './alpaca-simulator.js';
import { startFinnhubSimulator } from './finnhub-simulator.js';
import { startPolygonSimulator } from './polygon-simulator.js';
import type { MarketSimOptions, MarketSimulator } from './sim-server.js';

export interface DemoMarket {
  config: MarketConfig;
  simulator: MarketSimulator;
  close(): Promise<void>;
}

const DEMO_KEY = 'demo-key';

export async function startDemoMarket(config: MarketConfig, options: MarketSimOptions = {}): Promise<DemoMarket> {
  const sim = { seed: 42, tickIntervalMs: 250, batchSize: 20, ...options, keys: [DEMO_KEY] };
  switch (config.provider) {
    case 'alpaca': {
      const s = await startAlpacaSimulator(sim);
      return {
        simulator: s,
        close: () => s.close(),
        config: { ...config, alpaca: { ...config.alpaca, url: s.url, restUrl: s.restUrl, newsUrl: s.newsUrl, keyId: DEMO_KEY, secretKey: 'demo-secret' } },
      };
    }
    case 'polygon': {
      const s = await startPolygonSimulator(sim);
      return { simulator: s, close: () => s.close(), config: { ...config, polygon: { ...config.polygon, url: s.url, restUrl: s.restUrl, key: DEMO_KEY } } };
    }
    default: {
      const s = await startFinnhubSimulator(sim);
      return {
        simulator: s,
        close: () => s.close(),
        config: { ...config, provider: 'finnhub', finnhub: { ...config.finnhub, url: s.url, restUrl: s.restUrl, key: DEMO_KEY } },
      };
    }
  }
}
