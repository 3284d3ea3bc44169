// One poll of one feed: respect backoff, conditional GET through the host limiter, parse, assign item keys,
// apply the first-poll baseline, record the outcome. Feed problems never throw: they come back as status
// 'failed' with a message, and the feed backs off. Redis errors do throw (the job is retried).
//
// Every poll hands every item in the document to `enqueue`, which adds each with job id `source:itemKey`; BullMQ
// ignores a job id it already holds, and the pipeline's decision records catch anything older. Items of the first
// poll older than the baseline age are left out and remembered, so neither starting squawk nor a later poll
// replays a feed's history. Validators (ETag, Last-Modified) are stored only after `enqueue` succeeded: if
// enqueueing fails, the next poll fetches the whole document again instead of getting a 304.
import type { FeedConfig, FetchSettings } from '../config/feeds-schema.js';
import type { Logger } from '../log.js';
import { itemKeys } from '../news/item-key.js';
import { parsePublished } from '../news/normalize.js';
import type { RawItem } from '../news/types.js';
import { feedHealth, type FeedHealth, type FeedState, type FeedStateStore } from '../stores/feed-state.js';
import { FeedFetchError, fetchFeed, type FetchOutcome } from './fetch-feed.js';
import type { HostLimiter } from './host-limiter.js';
import { FeedParseError, parseFeed } from './parse-feed.js';

export interface PollDeps {
  state: FeedStateStore;
  /** Hands the poll's new items to the queue; must succeed before the poll is recorded. */
  enqueue(items: readonly PollItem[]): Promise<unknown>;
  limiter: HostLimiter;
  settings: FetchSettings;
  now: () => Date;
  log: Logger;
  /** Jitter source in [0, 1); Math.random unless a test pins it. */
  random?: () => number;
}

export interface PollItem {
  itemKey: string;
  raw: RawItem;
}

export interface PollResult {
  status: 'ok' | 'not-modified' | 'backing-off' | 'failed';
  items: PollItem[];
  error?: string;
  health: FeedHealth;
  /** True when this poll took the feed's baseline (its first success). */
  baseline?: boolean;
  /** Items in the document but left out by the baseline. */
  skippedByBaseline?: number;
  /** When the next fetch may happen, while backing off or after a failure. ISO 8601. */
  nextAttemptAt?: string;
}

/** Delay after the n-th consecutive failure (n ≥ 1): base·2^(n−1), plus up to 20% jitter, capped. */
export function backoffSeconds(failures: number, backoff: FetchSettings['backoff'], random: () => number): number {
  const exponential = backoff.baseSeconds * 2 ** Math.max(0, Math.min(failures - 1, 30));
  return Math.min(backoff.maxSeconds, exponential * (1 + 0.2 * random()));
}

/** Items of a first poll young enough to be news: published within `maxAgeMinutes` of now. Undated items are old. */
export function withinBaseline(items: readonly PollItem[], now: Date, maxAgeMinutes: number): PollItem[] {
  const oldest = now.getTime() - maxAgeMinutes * 60_000;
  return items.filter((item) => {
    const published = parsePublished(item.raw.published);
    return published !== null && published.getTime() >= oldest;
  });
}

function describeError(error: FeedFetchError | FeedParseError): string {
  if (error instanceof FeedParseError) return `parse: ${error.message}`;
  return `${error.reason}: ${error.message}`;
}

export async function pollFeed(feed: FeedConfig, deps: PollDeps): Promise<PollResult> {
  const { settings, log } = deps;
  const now = deps.now();
  const state = await deps.state.get(feed.id);
  const healthOf = (s: FeedState): FeedHealth => feedHealth(s, now, settings.unhealthyAfterMinutes);

  if (state.nextAttemptAt !== undefined && Date.parse(state.nextAttemptAt) > now.getTime()) {
    return { status: 'backing-off', items: [], health: healthOf(state), nextAttemptAt: state.nextAttemptAt };
  }

  let outcome: FetchOutcome;
  let raws: RawItem[] = [];
  try {
    outcome = await deps.limiter.run(feed.url, () =>
      fetchFeed(
        feed.url,
        { ...(state.etag ? { etag: state.etag } : {}), ...(state.lastModified ? { lastModified: state.lastModified } : {}) },
        {
          timeoutMs: settings.timeoutMs,
          maxBytes: settings.maxBytes,
          maxRedirects: settings.maxRedirects,
          userAgent: feed.userAgent ?? settings.userAgent,
          ...(feed.headers ? { headers: feed.headers } : {}),
        },
      ),
    );
    if (outcome.kind === 'ok') raws = await parseFeed(outcome.body, outcome.finalUrl);
  } catch (error) {
    if (!(error instanceof FeedFetchError) && !(error instanceof FeedParseError)) throw error;
    const failures = state.consecutiveFailures + 1;
    let delay = backoffSeconds(failures, settings.backoff, deps.random ?? Math.random);
    if (error instanceof FeedFetchError && error.retryAfterSeconds !== undefined) {
      delay = Math.max(delay, Math.min(error.retryAfterSeconds, settings.backoff.maxSeconds));
    }
    const nextAttemptAt = new Date(now.getTime() + delay * 1000);
    const message = describeError(error);
    const after = await deps.state.recordFailure(feed.id, { at: now, error: message, nextAttemptAt });
    const health = healthOf(after);
    log.warn({ feed: feed.id, failures: after.consecutiveFailures, health, retryInSeconds: Math.round(delay) }, `feed poll failed: ${message}`);
    return { status: 'failed', items: [], error: message, health, nextAttemptAt: nextAttemptAt.toISOString() };
  }

  if (outcome.kind === 'not-modified') {
    await deps.state.recordSuccess(feed.id, now);
    return { status: 'not-modified', items: [], health: 'healthy' };
  }

  const keys = itemKeys(raws);
  const all: PollItem[] = raws.map((raw, i) => ({ itemKey: keys[i] ?? '', raw }));
  let items = all;
  const result: PollResult = { status: 'ok', items, health: 'healthy' };
  let skipped: string[] = [];
  if (state.baselineTakenAt === undefined) {
    const maxAge = feed.baselineMaxAgeMinutes ?? settings.baselineMaxAgeMinutes;
    items = withinBaseline(all, now, maxAge);
    const kept = new Set(items.map((i) => i.itemKey));
    skipped = all.filter((i) => !kept.has(i.itemKey)).map((i) => i.itemKey);
    result.baseline = true;
    result.skippedByBaseline = skipped.length;
  } else {
    const old = await deps.state.inBaseline(feed.id, keys);
    items = all.filter((_, i) => !old[i]);
  }
  result.items = items;
  if (items.length > 0) await deps.enqueue(items);
  const validators: { etag?: string; lastModified?: string } = {};
  if (outcome.etag) validators.etag = outcome.etag;
  if (outcome.lastModified) validators.lastModified = outcome.lastModified;
  // Validators are stored only after a successful parse, so a broken document is fetched again in full.
  await deps.state.recordSuccess(feed.id, now, validators);
  if (result.baseline === true) await deps.state.markBaseline(feed.id, now, skipped);
  log.debug({ feed: feed.id, items: items.length, baseline: result.baseline ?? false }, 'feed polled');
  return result;
}
