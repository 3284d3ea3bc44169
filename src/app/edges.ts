// Builds the roles at the edges: http (health and metrics), deliver (sinks), stream (market data).
import { enqueueNews } from '../pipeline/enqueue-news.js';
import { startDeliverRole } from '../roles/deliver.js';
import { startHttpRole, type HttpRole } from '../roles/http.js';
import type { Role } from '../roles/role.js';
import { startStreamRole } from '../roles/stream.js';
import type { AlertSink } from '../sinks/types.js';
import { feedHealth } from '../stores/feed-state.js';
import { createRedisPriceBook } from '../stores/price-book.js';
import { createRedisSentLedger } from '../stores/sent-ledger.js';
import { DAY_SECONDS, type AppContext } from './context.js';

export function buildHttpRole(ctx: AppContext): Promise<HttpRole> {
  const { config, feedState } = ctx;
  const feeds = () =>
    Promise.all(
      config.feeds
        .filter((f) => f.enabled)
        .map(async (f) => {
          const state = await feedState.get(f.id);
          const health = feedHealth(state, new Date(), config.fetch.unhealthyAfterMinutes);
          return { id: f.id, health, ...(state.lastError ? { lastError: state.lastError } : {}) };
        }),
    );
  const { redis, prefix, newsQueue, deliverQueue, log } = ctx;
  return startHttpRole({ config: config.http, redis, prefix, newsQueue, deliverQueue, feeds, log });
}

export function buildDeliverRole(ctx: AppContext, sinks: ReadonlyMap<string, AlertSink>): Role {
  const { config, redis, prefix, log } = ctx;
  const ledger = createRedisSentLedger(redis, prefix, config.deliver.ledgerTtlDays * DAY_SECONDS);
  const { concurrency, lockSeconds } = config.deliver;
  return startDeliverRole({ connection: redis, prefix, concurrency, lockSeconds, sinks, ledger, log });
}

export async function buildStreamRole(ctx: AppContext): Promise<Role> {
  const { config, redis, prefix, log, newsQueue } = ctx;
  const priceBook = createRedisPriceBook(redis, prefix, {
    flushEveryMs: config.market.flushEveryMs,
    barsKeepDays: config.market.barsKeepDays,
    onError: (err) => log.warn({ err: err.message }, 'price book flush failed'),
  });
  const stream = await startStreamRole({
    config: config.market,
    redis,
    prefix,
    watchlists: ctx.watchlists,
    priceBook,
    log,
    // Stories from a provider's news stream enter the pipeline exactly like feed items.
    onNews: async ({ source, itemKey, raw }) => {
      await enqueueNews({ queue: newsQueue, redis }, source, [{ itemKey, raw }], Date.now());
    },
  });
  return {
    name: 'stream',
    stop: async () => {
      await stream.stop();
      await priceBook.close();
    },
  };
}
