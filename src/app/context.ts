// What every role builder receives: the configuration and the adapters shared by all roles of one process.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { DeliverJob, NewsJob } from '../pipeline/contracts.js';
import type { PriceBookReader } from '../stores/price-book.js';
import type { WatchlistStore } from '../stores/watchlists.js';
import type { FeedStateStore } from '../stores/feed-state.js';

export interface AppContext {
  config: Config;
  log: Logger;
  /** One connection for everything in this process (BullMQ duplicates it for blocking reads). */
  redis: Redis;
  prefix: string;
  newsQueue: Queue<NewsJob>;
  deliverQueue: Queue<DeliverJob>;
  watchlists: WatchlistStore;
  prices: PriceBookReader;
  feedState: FeedStateStore;
  /** Closed after the roles have stopped. */
  closers: Array<() => Promise<void>>;
}

export const DAY_SECONDS = 24 * 3600;
