// The composition root: builds every adapter from the configuration, starts the requested roles, and shuts them
// down in order (stop taking work, let in-flight jobs finish, close queues, close Redis).
import { Queue } from 'bullmq';
import type { Config } from './config/schema.js';
import type { RoleName } from './config/core-schema.js';
import type { Logger } from './log.js';
import { queueNames, type ConfirmJob, type DeliverJob, type NewsJob } from './pipeline/contracts.js';
import { enqueueNews } from './pipeline/enqueue-news.js';
import { createRedis } from './stores/redis.js';
import { createRedisWatchlistStore } from './stores/watchlists.js';
import { createWatchlistCache } from './stores/watchlist-cache.js';
import { createRedisDecisionStore } from './stores/decisions.js';
import { createRedisSeenStore } from './stores/seen.js';
import { createRedisSentLedger } from './stores/sent-ledger.js';
import { createRedisFeedStateStore, feedHealth } from './stores/feed-state.js';
import { createRedisPriceBook, createRedisPriceBookReader } from './stores/price-book.js';
import { createRedisClusterIndex } from './stores/cluster-index.js';
import { loadSymbolDictionary } from './stores/dictionary-file.js';
import { createStoryScorer } from './pipeline/score.js';
import { createPriceLines } from './pipeline/price-lines.js';
import { createSinks } from './sinks/create-sinks.js';
import type { AlertSink } from './sinks/types.js';
import { startPollRole, type PollRole } from './roles/poll.js';
import { startPipelineRole } from './roles/pipeline.js';
import { startConfirmRole } from './roles/confirm.js';
import { startDeliverRole } from './roles/deliver.js';
import { startStreamRole } from './roles/stream.js';
import { startHttpRole } from './roles/http.js';
import type { Role } from './roles/role.js';

export interface App {
  readonly roles: readonly string[];
  /** Present when this process runs the poll role. */
  readonly poll?: PollRole;
  /** Base URL of /healthz and /metrics, when this process runs the http role. */
  readonly httpUrl?: string;
  readonly newsQueue: Queue<NewsJob>;
  stop(): Promise<void>;
}

export interface StartOptions {
  roles: readonly RoleName[];
  log: Logger;
  /** Replaces the sinks built from `config.destinations` (tests, demo). */
  sinks?: ReadonlyMap<string, AlertSink>;
}

const day = 24 * 3600;

export async function startApp(config: Config, options: StartOptions): Promise<App> {
  const { log } = options;
  const prefix = config.redis.prefix;
  const has = (r: RoleName): boolean => options.roles.includes(r);
  const redis = createRedis(config.redis.url, 'worker', log, 'main');
  const newsQueue = new Queue<NewsJob>(queueNames.news, { connection: redis, prefix });
  const deliverQueue = new Queue<DeliverJob>(queueNames.deliver, { connection: redis, prefix });
  for (const q of [newsQueue, deliverQueue]) q.on('error', (err) => log.warn({ queue: q.name, err: err.message }, 'queue error'));

  const watchlists = createRedisWatchlistStore(redis, prefix);
  if (await watchlists.seedOnce(config.watchlists)) log.info({ count: config.watchlists.length }, 'watchlists seeded from config');
  const prices = createRedisPriceBookReader(redis, prefix);
  const sinks = options.sinks ?? createSinks(config.destinations);

  const roles: Role[] = [];
  const closers: Array<() => Promise<void>> = [];
  let poll: PollRole | undefined;
  let httpUrl: string | undefined;
  try {
    const feedState = createRedisFeedStateStore(redis, `${prefix}:`, { unhealthyAfterMinutes: config.fetch.unhealthyAfterMinutes });
    if (has('http')) {
      const feeds = async () =>
        Promise.all(
          config.feeds
            .filter((f) => f.enabled)
            .map(async (f) => {
              const state = await feedState.get(f.id);
              const health = feedHealth(state, new Date(), config.fetch.unhealthyAfterMinutes);
              return { id: f.id, health, ...(state.lastError ? { lastError: state.lastError } : {}) };
            }),
        );
      const http = await startHttpRole({ config: config.http, redis, prefix, newsQueue, deliverQueue, feeds, log });
      httpUrl = http.url;
      roles.push(http);
    }
    if (has('deliver')) {
      const ledger = createRedisSentLedger(redis, prefix, config.deliver.ledgerTtlDays * day);
      roles.push(
        startDeliverRole({ connection: redis, prefix, concurrency: config.deliver.concurrency, lockSeconds: config.deliver.lockSeconds, sinks, ledger, log }),
      );
    }
    if (has('pipeline')) {
      const dictionary = loadSymbolDictionary(config.tickers.dictionary, {
        aliases: config.tickers.aliases,
        stopWords: config.tickers.stopWords,
      });
      const { signal } = config;
      const clusters = createRedisClusterIndex(redis, prefix, {
        windowHours: signal.cluster.windowHours,
        ...(signal.cluster.ttlSeconds ? { ttlSeconds: signal.cluster.ttlSeconds } : {}),
        similarity: {
          titleThreshold: signal.cluster.titleThreshold,
          titleWithLeadThreshold: signal.cluster.titleWithLeadThreshold,
          leadThreshold: signal.cluster.leadThreshold,
        },
      });
      const scorer = createStoryScorer({
        dictionary,
        clusters,
        sourceCredibility: signal.sourceCredibility,
        sentimentThreshold: signal.sentiment.threshold,
      });
      const routing = await createWatchlistCache(watchlists, { log });
      closers.push(() => routing.close());
      const deliverJobOptions = { attempts: config.deliver.attempts, backoffMs: config.deliver.backoffMs };
      // Market confirmation needs the stream's bars; without a market-data provider there is nothing to judge.
      let confirm: { queue: Queue<ConfirmJob>; horizonsMinutes: ReadonlyArray<1 | 5 | 15> } | undefined;
      if (config.market.provider !== 'none') {
        const queue = new Queue<ConfirmJob>(queueNames.confirm, { connection: redis, prefix });
        queue.on('error', (err) => log.warn({ queue: queue.name, err: err.message }, 'queue error'));
        closers.push(() => queue.close());
        confirm = { queue, horizonsMinutes: config.confirmation.horizonsMinutes };
        roles.push(
          startConfirmRole({
            connection: redis,
            prefix,
            log,
            stage: { bars: (s, since) => prices.bars(s, since), settings: config.confirmation, deliverQueue, deliverJobOptions },
          }),
        );
      }
      roles.push(
        startPipelineRole({
          connection: redis,
          prefix,
          concurrency: config.pipeline.concurrency,
          lockSeconds: config.pipeline.lockSeconds,
          log,
          stage: {
            score: scorer.score,
            cluster: scorer.cluster,
            seen: createRedisSeenStore(redis, prefix, config.pipeline.decisionTtlDays * day),
            watchlists: routing,
            decisions: createRedisDecisionStore(redis, prefix, config.pipeline.decisionTtlDays * day),
            priceLines: createPriceLines(prices, { staleAfterMs: config.priceAction.staleAfterMs }),
            deliverQueue,
            deliverJobOptions,
            ...(confirm ? { confirm } : {}),
            maxStoryAgeMinutes: config.pipeline.maxStoryAgeMinutes,
            destinationThreshold: (d) => signal.importance.destinations[d] ?? signal.importance.default,
            now: () => new Date(),
          },
        }),
      );
    }
    if (has('poll')) {
      poll = await startPollRole({ connection: redis, prefix, feeds: config.feeds, settings: config.fetch, state: feedState, newsQueue, log });
      roles.push(poll);
    }
    if (has('stream') && config.market.provider !== 'none') {
      const priceBook = createRedisPriceBook(redis, prefix, {
        flushEveryMs: config.market.flushEveryMs,
        barsKeepDays: config.market.barsKeepDays,
        onError: (err) => log.warn({ err: err.message }, 'price book flush failed'),
      });
      const stream = await startStreamRole({
        config: config.market,
        redis,
        prefix,
        watchlists,
        priceBook,
        log,
        // Stories from a provider's news stream enter the pipeline exactly like feed items.
        onNews: async ({ source, itemKey, raw }) => {
          await enqueueNews({ queue: newsQueue, redis }, source, [{ itemKey, raw }], Date.now());
        },
      });
      roles.push({
        name: 'stream',
        stop: async () => {
          await stream.stop();
          await priceBook.close();
        },
      });
    }
  } catch (err) {
    await Promise.allSettled(roles.map((r) => r.stop(1000)));
    await Promise.allSettled([newsQueue.close(), deliverQueue.close(), ...closers.map((close) => close())]);
    redis.disconnect();
    throw err;
  }
  log.info({ roles: roles.map((r) => r.name), prefix }, 'squawk started');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const graceMs = config.shutdown.graceSeconds * 1000;
      // Stop taking work first (poll, stream), then drain the workers, then close what they write to.
      const order = ['poll', 'stream', 'pipeline', 'confirm', 'deliver', 'http'];
      for (const name of order) {
        for (const r of roles.filter((x) => x.name === name)) {
          await r.stop(graceMs).catch((err: unknown) => log.warn({ role: r.name, err }, 'role did not stop cleanly'));
        }
      }
      await Promise.allSettled([newsQueue.close(), deliverQueue.close(), ...closers.map((close) => close())]);
      await Promise.allSettled([...sinks.values()].map((s) => s.close()));
      await redis.quit().catch(() => redis.disconnect());
      log.info('squawk stopped');
    })());

  return { roles: roles.map((r) => r.name), ...(poll ? { poll } : {}), ...(httpUrl ? { httpUrl } : {}), newsQueue, stop };
}
