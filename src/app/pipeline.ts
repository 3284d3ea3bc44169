// Builds the pipeline role (and the market-confirmation worker beside it) from the configuration.
import { Queue } from 'bullmq';
import { queueNames, type ConfirmJob } from '../pipeline/contracts.js';
import { createPriceLines } from '../pipeline/price-lines.js';
import { createStoryScorer } from '../pipeline/score.js';
import { startConfirmRole } from '../roles/confirm.js';
import { startPipelineRole } from '../roles/pipeline.js';
import type { Role } from '../roles/role.js';
import { createRedisClusterIndex } from '../stores/cluster-index.js';
import { loadWordVectors } from '../stores/word-vectors-file.js';
import { createRedisDecisionStore } from '../stores/decisions.js';
import { loadSymbolDictionary } from '../stores/dictionary-file.js';
import { createRedisSeenStore } from '../stores/seen.js';
import { createWatchlistCache } from '../stores/watchlist-cache.js';
import { DAY_SECONDS, type AppContext } from './context.js';

export async function buildPipelineRoles(ctx: AppContext): Promise<Role[]> {
  const { config, redis, prefix, log, deliverQueue } = ctx;
  const { signal } = config;
  const dictionary = loadSymbolDictionary(config.tickers.dictionary, {
    aliases: config.tickers.aliases,
    stopWords: config.tickers.stopWords,
  });
  const clusters = createRedisClusterIndex(redis, prefix, {
    windowHours: signal.cluster.windowHours,
    ...(signal.cluster.ttlSeconds ? { ttlSeconds: signal.cluster.ttlSeconds } : {}),
    similarity: {
      titleThreshold: signal.cluster.titleThreshold,
      titleWithLeadThreshold: signal.cluster.titleWithLeadThreshold,
      leadThreshold: signal.cluster.leadThreshold,
      meaningThreshold: signal.cluster.meaningThreshold,
      vectors: loadWordVectors(),
    },
  });
  const scorer = createStoryScorer({
    dictionary,
    clusters,
    sourceCredibility: signal.sourceCredibility,
    sentimentThreshold: signal.sentiment.threshold,
  });
  const routing = await createWatchlistCache(ctx.watchlists, { log });
  ctx.closers.push(() => routing.close());
  const deliverJobOptions = { attempts: config.deliver.attempts, backoffMs: config.deliver.backoffMs };
  const roles: Role[] = [];

  // Market confirmation needs the stream's bars; without a market-data provider there is nothing to judge.
  let confirm: { queue: Queue<ConfirmJob>; horizonsMinutes: ReadonlyArray<1 | 5 | 15> } | undefined;
  if (config.market.provider !== 'none') {
    const queue = new Queue<ConfirmJob>(queueNames.confirm, { connection: redis, prefix });
    queue.on('error', (err) => log.warn({ queue: queue.name, err: err.message }, 'queue error'));
    ctx.closers.push(() => queue.close());
    confirm = { queue, horizonsMinutes: config.confirmation.horizonsMinutes };
    const bars = (symbol: string, since: number) => ctx.prices.bars(symbol, since);
    roles.push(startConfirmRole({ connection: redis, prefix, log, stage: { bars, settings: config.confirmation, deliverQueue, deliverJobOptions } }));
  }

  const ttl = config.pipeline.decisionTtlDays * DAY_SECONDS;
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
        seen: createRedisSeenStore(redis, prefix, ttl),
        watchlists: routing,
        decisions: createRedisDecisionStore(redis, prefix, ttl),
        priceLines: createPriceLines(ctx.prices, { staleAfterMs: config.priceAction.staleAfterMs }),
        deliverQueue,
        deliverJobOptions,
        ...(confirm ? { confirm } : {}),
        maxStoryAgeMinutes: config.pipeline.maxStoryAgeMinutes,
        destinationThreshold: (d) => signal.importance.destinations[d] ?? signal.importance.default,
        now: () => new Date(),
      },
    }),
  );
  return roles;
}
