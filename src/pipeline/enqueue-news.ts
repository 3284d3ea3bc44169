// The one way items enter the `news` queue, for feeds and news streams alike: job id `source:itemKey`, so an item
// enqueued again (a re-poll, a restart, a second poller, a stream reconnect) is absorbed by the queue.
import type { Queue } from 'bullmq';
import type { RawItem } from '../news/types.js';
import { newsJobId, type NewsJob } from './contracts.js';

/** Completed jobs are kept three days: as long as feeds keep an item, its job id keeps absorbing repeats. */
export const newsJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3 * 24 * 3600, count: 200_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

export async function enqueueNews(
  queue: Queue<NewsJob>,
  source: string,
  items: ReadonlyArray<{ itemKey: string; raw: RawItem }>,
  receivedAt: number,
): Promise<void> {
  if (items.length === 0) return;
  await queue.addBulk(
    items.map(({ itemKey, raw }) => ({
      name: 'item',
      data: { source, itemKey, raw, receivedAt },
      opts: { ...newsJobOptions, jobId: newsJobId(source, itemKey) },
    })),
  );
}
