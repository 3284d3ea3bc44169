// The composition root: builds every adapter from the configuration, starts the requested roles, and shuts them
// down in order (stop taking work, let in-flight jobs finish, close queues, close Redis).
import { Queue } from 'bullmq';
import type { Config } from './config/schema.js';
import type { RoleName } from './config/core-schema.js';
import type { Logger } from './log.js';
import { queueNames, type DeliverJob, type NewsJob } from './pipeline/contracts.js';
import { createRedis } from './stores/redis.js';
import { createRedisWatchlistStore } from './stores/watchlists.js';
import { createRedisFeedStateStore } from './stores/feed-state.js';
import { createRedisPriceBookReader } from './stores/price-book.js';
import { createSinks } from './sinks/create-sinks.js';
import type { AlertSink } from './sinks/types.js';
import { startPollRole, type PollRole } from './roles/poll.js';
import type { Role } from './roles/role.js';
import type { AppContext } from './app/context.js';
import { buildPipelineRoles } from './app/pipeline.js';
import { buildDeliverRole, buildHttpRole, buildStreamRole } from './app/edges.js';

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

/** Stop order: stop taking work (poll, stream), drain the workers, then close what they write to. */
const STOP_ORDER = ['poll', 'stream', 'pipeline', 'confirm', 'deliver', 'http'];

export async function startApp(config: Config, options: StartOptions): Promise<App> {
  const { log } = options;
  const prefix = config.redis.prefix;
  const has = (r: RoleName): boolean => options.roles.includes(r);
  const redis = createRedis(config.redis.url, 'worker', log, 'main');
  const newsQueue = new Queue<NewsJob>(queueNames.news, { connection: redis, prefix });
  const deliverQueue = new Queue<DeliverJob>(queueNames.deliver, { connection: redis, prefix });
  for (const q of [newsQueue, deliverQueue]) q.on('error', (err) => log.warn({ queue: q.name, err: err.message }, 'queue error'));
  const ctx: AppContext = {
    config,
    log,
    redis,
    prefix,
    newsQueue,
    deliverQueue,
    watchlists: createRedisWatchlistStore(redis, prefix),
    prices: createRedisPriceBookReader(redis, prefix),
    feedState: createRedisFeedStateStore(redis, `${prefix}:`, { unhealthyAfterMinutes: config.fetch.unhealthyAfterMinutes }),
    closers: [],
  };
  const sinks = options.sinks ?? createSinks(config.destinations);
  const closeAll = async (): Promise<void> => {
    await Promise.allSettled([newsQueue.close(), deliverQueue.close(), ...ctx.closers.map((close) => close())]);
    await Promise.allSettled([...sinks.values()].map((s) => s.close()));
  };

  const roles: Role[] = [];
  let poll: PollRole | undefined;
  let httpUrl: string | undefined;
  try {
    if (await ctx.watchlists.seedOnce(config.watchlists)) log.info({ count: config.watchlists.length }, 'watchlists seeded from config');
    if (has('http')) {
      const http = await buildHttpRole(ctx);
      httpUrl = http.url;
      roles.push(http);
    }
    if (has('deliver')) roles.push(buildDeliverRole(ctx, sinks));
    if (has('pipeline')) roles.push(...(await buildPipelineRoles(ctx)));
    if (has('poll')) {
      const { feeds, fetch: settings } = config;
      poll = await startPollRole({ connection: redis, prefix, feeds, settings, state: ctx.feedState, newsQueue, log });
      roles.push(poll);
    }
    if (has('stream') && config.market.provider !== 'none') roles.push(await buildStreamRole(ctx));
  } catch (err) {
    await Promise.allSettled(roles.map((r) => r.stop(1000)));
    await closeAll();
    redis.disconnect();
    throw err;
  }
  log.info({ roles: roles.map((r) => r.name), prefix }, 'squawk started');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const graceMs = config.shutdown.graceSeconds * 1000;
      for (const name of STOP_ORDER) {
        for (const r of roles.filter((x) => x.name === name)) {
          await r.stop(graceMs).catch((err: unknown) => log.warn({ role: r.name, err }, 'role did not stop cleanly'));
        }
      }
      await closeAll();
      await redis.quit().catch(() => redis.disconnect());
      log.info('squawk stopped');
    })());

  return { roles: roles.map((r) => r.name), ...(poll ? { poll } : {}), ...(httpUrl ? { httpUrl } : {}), newsQueue, stop };
}
