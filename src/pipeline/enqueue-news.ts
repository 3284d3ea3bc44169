// The one way items enter the `news` queue, for feeds and news streams alike. An item is enqueued once: a marker
// per item (`{prefix}:enq:{source}:{hash of itemKey}`, kept 14 days) filters the items a re-poll, a restart, a
// second poller or a stream reconnect hands in again, and the job id `source:itemKey` absorbs the ones that race
// past the marker while their job still exists. Markers are written after the jobs, so a crash in between
// re-enqueues rather than loses; the pipeline's decision records then keep the repeat from alerting.
import { keyDigest } from '../stores/key-digest.js';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RawItem } from '../news/types.js';
import { newsJobId, type NewsJob } from './contracts.js';

/** How long an enqueued item is remembered: far longer than any feed keeps an item in its document. */
export const ENQUEUED_TTL_SECONDS = 14 * 24 * 3600;

/**
 * Completed jobs are removed at once (the markers above remember what was enqueued; keeping completed jobs with
 * age-based trimming halves BullMQ's throughput); failed ones stay two weeks for inspection.
 */
export const newsJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;


/** Enqueues the items not enqueued before; returns how many were new. */
export async function enqueueNews(
  { queue, redis }: { queue: Queue<NewsJob>; redis: Redis },
  source: string,
  items: ReadonlyArray<{ itemKey: string; raw: RawItem }>,
  receivedAt: number,
): Promise<number> {
  if (items.length === 0) return 0;
  const markerKeys = items.map((i) => `${queue.opts.prefix ?? 'bull'}:enq:${source}:${keyDigest(i.itemKey)}`);
  const markers = await redis.mget(...markerKeys);
  const fresh = items.filter((_, i) => markers[i] === null);
  if (fresh.length === 0) return 0;
  await queue.addBulk(
    fresh.map(({ itemKey, raw }) => ({
      name: 'item',
      data: { source, itemKey, raw, receivedAt },
      opts: { ...newsJobOptions, jobId: newsJobId(source, itemKey) },
    })),
  );
  const mark = redis.pipeline();
  items.forEach((_, i) => {
    if (markers[i] === null) mark.set(markerKeys[i] as string, '1', 'EX', ENQUEUED_TTL_SECONDS);
  });
  await mark.exec();
  return fresh.length;
}
