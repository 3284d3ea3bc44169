// The `news` stage: one item in, a decision out, and one `deliver` job per destination when it alerts.
// CPU work runs in-process as plain calls; Redis is touched only to claim, cluster, route, enqueue and record.
import type { Queue } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from '../log.js';
import { normalizeItem } from '../news/normalize.js';
import type { RawItem, Story } from '../news/types.js';
import { buildAlert, type PriceLine } from '../alerts/alert.js';
import { decide, type ClusterInfo, type Decision, type StoryScores } from '../alerts/decision.js';
import type { WatchlistStore } from '../stores/watchlists.js';
import type { DecisionStore } from '../stores/decisions.js';
import type { SeenStore } from '../stores/seen.js';
import { deliverJobId, newsJobSchema, toJobId, type ConfirmJob, type DeliverJob } from './contracts.js';

export interface NewsStageDeps<S extends StoryScores = StoryScores> {
  /** Tickers, event, sentiment and importance for a story (pure). */
  score(story: Story): S;
  seen: SeenStore;
  /** Near-duplicate clustering; must return the same answer when called again for the same story id. */
  cluster(story: Story, scores: S): Promise<ClusterInfo | null>;
  watchlists: Pick<WatchlistStore, 'watching'>;
  decisions: DecisionStore;
  /** Price-action lines for the alert's primary tickers; failures degrade to none. */
  priceLines(symbols: readonly string[], now: number): Promise<PriceLine[]>;
  deliverQueue: Queue<DeliverJob>;
  deliverJobOptions: { attempts: number; backoffMs: number };
  /** Market confirmation checks after an alert; absent when the deployment has no market data. */
  confirm?: { queue: Queue<ConfirmJob>; horizonsMinutes: ReadonlyArray<1 | 5 | 15> };
  maxStoryAgeMinutes: number;
  /** Minimum importance per destination (configuration `signal.importance`). */
  destinationThreshold?: (destination: string) => number;
  now(): Date;
  log: Logger;
}

export async function processNewsJob<S extends StoryScores>(data: unknown, deps: NewsStageDeps<S>): Promise<Decision> {
  const parsed = newsJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`bad news payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const job = parsed.data;
  const now = deps.now();
  // JSON carries no undefined values; drop zod's optional `undefined`s to match RawItem exactly.
  const raw = Object.fromEntries(Object.entries(job.raw).filter(([, v]) => v !== undefined)) as RawItem;
  const story = normalizeItem(raw, job.source, job.itemKey, now);

  // A story decided before (its job re-enqueued after the queue forgot it) is not decided again. The claim is
  // idempotent per story id, so both run in one round trip.
  const [earlier, duplicateOf] = await Promise.all([
    deps.decisions.get(story.id),
    deps.seen.claim(story.id, story.url ? [`url:${story.url}`] : []),
  ]);
  if (earlier) return earlier;

  const scores = deps.score(story);
  const symbols = scores.tickers.map((t) => t.symbol);
  const primary = scores.tickers.filter((t) => t.primary).map((t) => t.symbol);
  // Read prices while clustering and routing run: one round trip less on the way to an alert.
  const pricing = symbols.length
    ? deps.priceLines(primary.length ? primary : symbols.slice(0, 1), now.getTime()).catch((err: unknown) => {
        deps.log.warn({ err, storyId: story.id }, 'price action unavailable');
        return [];
      })
    : Promise.resolve([]);
  const cluster = duplicateOf ? null : await deps.cluster(story, scores);
  const watchers = symbols.length ? await deps.watchlists.watching(symbols) : [];
  const decision = decide({
    story,
    scores,
    duplicateOf,
    cluster,
    watchers,
    now,
    maxStoryAgeMinutes: deps.maxStoryAgeMinutes,
    ...(deps.destinationThreshold ? { destinationThreshold: deps.destinationThreshold } : {}),
  });

  if (decision.outcome === 'alerted' && decision.alertId) {
    const priceAction = await pricing;
    const alert = buildAlert({ alertId: decision.alertId, story, scores, cluster, priceAction, receivedAt: job.receivedAt });
    // Enqueue before recording the decision: a crash in between retries this job, and the job ids absorb the repeat.
    await deps.deliverQueue.addBulk(
      decision.routes.map((route) => ({
        name: 'alert',
        data: { kind: 'alert', destination: route.destination, matched: route.matched, alert },
        opts: {
          jobId: deliverJobId(alert.alertId, route.destination),
          attempts: deps.deliverJobOptions.attempts,
          backoff: { type: 'exponential', delay: deps.deliverJobOptions.backoffMs },
          // The sent ledger remembers deliveries; completed jobs need not be kept.
          removeOnComplete: true,
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      })),
    );
  }
  if (decision.outcome === 'alerted' && decision.alertId && deps.confirm) {
    await scheduleConfirmations(deps.confirm, decision.alertId, story, scores, decision.routes, now.getTime());
  }
  await deps.decisions.put(decision);
  return decision;
}

/** Delayed `confirm` jobs: each primary ticker (at most three) at each horizon after the news. */
async function scheduleConfirmations(
  confirm: NonNullable<NewsStageDeps['confirm']>,
  alertId: string,
  story: Story,
  scores: StoryScores,
  routes: Decision['routes'],
  now: number,
): Promise<void> {
  const newsTime = Math.min(Date.parse(story.publishedAt), now);
  const symbols = scores.tickers.filter((t) => t.primary).slice(0, 3).map((t) => t.symbol);
  await confirm.queue.addBulk(
    symbols.flatMap((symbol) =>
      confirm.horizonsMinutes.map((horizonMinutes) => ({
        name: 'confirm',
        data: { alertId, title: story.title, symbol, newsTime, horizonMinutes, routes },
        opts: {
          jobId: toJobId(`${alertId}:${symbol}:${horizonMinutes}`),
          delay: Math.max(0, newsTime + horizonMinutes * 60_000 - now),
          attempts: 3,
          backoff: { type: 'exponential', delay: 5000 },
          removeOnComplete: true,
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    ),
  );
}
