// Market-data simulators, one per provider protocol; used by the demo and the tests, never by production roles.
export { startAlpacaSimulator, type AlpacaSimulator, type AlpacaSimOptions, type AlpacaNewsInput } from './alpaca-simulator.js';
export { startFinnhubSimulator, type FinnhubSimulator, type FinnhubSimOptions } from './finnhub-simulator.js';
export { startPolygonSimulator } from './polygon-simulator.js';
export { startDemoMarket, type DemoMarket } from './demo-market.js';
export { previousCloseDate, startPriceFor, type SimTrade } from './random-walk.js';
export type { MarketSimOptions, MarketSimulator, SimStats } from './sim-server.js';
