// The poll role: one BullMQ job scheduler per feed on the `poll` queue, so however many poller processes run, each
// feed is polled once per interval; a worker here polls the feed and enqueues its items into `news` with job id
// `source:itemKey`, which absorbs items already enqueued by earlier polls or other processes.
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { FeedConfig, FetchSettings } from '../config/feeds-schema.js';
import { pollJobSchema, queueNames, type NewsJob } from '../pipeline/contracts.js';
import { enqueueNews } from '../pipeline/enqueue-news.js';
import { pollFeed, type PollResult } from '../sources/poll-feed.js';
import { createHostLimiter } from '../sources/host-limiter.js';
import type { FeedStateStore } from '../stores/feed-state.js';
import { closeWorker } from './deliver.js';
import type { Role } from './role.js';

export interface PollRole extends Role {
  /** Adds or updates a feed's schedule at run time (the demo's feed server creates feeds on the fly). */
  upsertFeed(feed: FeedConfig): Promise<void>;
}

const schedulerId = (feedId: string): string => `feed-${feedId}`;

/** Spreads feeds with one interval over it, by a hash of the URL, so they do not all fire at once. */
export function startOffsetMs(url: string, intervalMs: number): number {
  let h = 2166136261;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 16777619) >>> 0;
  return h % intervalMs;
}

export async function startPollRole(deps: {
  connection: Redis;
  prefix: string;
  feeds: readonly FeedConfig[];
  settings: FetchSettings;
  state: FeedStateStore;
  newsQueue: Queue<NewsJob>;
  /** Feeds polled at once by this process; a slow feed occupies one slot and never delays the others. */
  concurrency?: number;
  log: Logger;
  now?: () => Date;
}): Promise<PollRole> {
  const log = deps.log.child({ role: 'poll' });
  const now = deps.now ?? (() => new Date());
  const pollQueue = new Queue(queueNames.poll, { connection: deps.connection, prefix: deps.prefix });
  pollQueue.on('error', (err) => log.warn({ err: err.message }, 'poll queue error'));
  const limiter = createHostLimiter(deps.settings.perHost);

  const upsertFeed = async (feed: FeedConfig): Promise<void> => {
    const every = feed.intervalSeconds * 1000;
    await pollQueue.upsertJobScheduler(
      schedulerId(feed.id),
      deps.settings.spreadStarts ? { every, offset: startOffsetMs(feed.url, every) } : { every },
      {
        name: 'poll',
        data: { feedId: feed.id, feed },
        opts: { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 200 } },
      },
    );
  };

  // Bring the schedules in line with the configuration: configured feeds scheduled, others removed.
  const wanted = deps.feeds.filter((f) => f.enabled);
  for (const feed of wanted) await upsertFeed(feed);
  const wantedIds = new Set(wanted.map((f) => schedulerId(f.id)));
  for (const s of await pollQueue.getJobSchedulers()) {
    if (s.key && !wantedIds.has(s.key)) await pollQueue.removeJobScheduler(s.key);
  }

  const worker = new Worker(
    queueNames.poll,
    async (job): Promise<PollResult['status']> => {
      const parsed = pollJobSchema.safeParse(job.data);
      if (!parsed.success) throw new Error(`bad poll payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const feed = parsed.data.feed;
      const flog = log.child({ feed: feed.id });
      const result = await pollFeed(feed, {
        state: deps.state,
        limiter,
        settings: deps.settings,
        now,
        log: flog,
        enqueue: (items) => enqueueNews({ queue: deps.newsQueue, redis: deps.connection }, feed.id, items, now().getTime()),
      });
      if (result.status === 'failed') flog.warn({ health: result.health, err: result.error }, 'feed poll failed');
      return result.status;
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency ?? 16 },
  );
  worker.on('error', (err) => log.warn({ err: err.message }, 'poll worker error'));

  return {
    name: 'poll',
    upsertFeed,
    async stop(graceMs) {
      await closeWorker(worker, graceMs);
      await pollQueue.close();
    },
  };
}
