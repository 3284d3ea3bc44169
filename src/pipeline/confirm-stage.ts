// The `confirm` stage: some minutes after an alert, judge whether the market moved abnormally on the news, and if
// it did, send an update of the alert to every destination that received it.
import type { Queue } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { assessMove, type MoveAssessment } from '../market/confirmation.js';
import type { ConfirmationConfig } from '../market/confirmation.js';
import type { MinuteBar } from '../market/types.js';
import { confirmJobSchema, deliverJobId, type DeliverJob } from './contracts.js';

export interface ConfirmStageDeps {
  bars(symbol: string, sinceMs: number): Promise<MinuteBar[]>;
  settings: ConfirmationConfig;
  deliverQueue: Queue<DeliverJob>;
  deliverJobOptions: { attempts: number; backoffMs: number };
}

export async function processConfirmJob(data: unknown, deps: ConfirmStageDeps): Promise<MoveAssessment> {
  const parsed = confirmJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`bad confirm payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const job = parsed.data;
  const { settings } = deps;
  const since = job.newsTime - settings.lookbackMinutes * 60_000;
  const [bars, benchmarkBars] = await Promise.all([
    deps.bars(job.symbol, since),
    settings.benchmark && settings.benchmark !== job.symbol ? deps.bars(settings.benchmark, since) : Promise.resolve([]),
  ]);
  const assessment = assessMove({
    bars,
    newsTime: job.newsTime,
    horizonMinutes: job.horizonMinutes,
    lookbackMinutes: settings.lookbackMinutes,
    zThreshold: settings.zThreshold,
    volumeThreshold: settings.volumeThreshold,
    minHistory: settings.minHistory,
    extendedHoursFactor: settings.extendedHoursFactor,
    ...(benchmarkBars.length > 0 ? { benchmarkBars } : {}),
  });
  if (!assessment.abnormal) return assessment;
  const confirmation = {
    symbol: job.symbol,
    horizonMinutes: job.horizonMinutes,
    returnPct: assessment.returnPct,
    zScore: assessment.zScore,
    volumeRatio: assessment.volumeRatio,
    reason: assessment.reason,
  };
  await deps.deliverQueue.addBulk(
    job.routes.map((route) => ({
      name: 'confirmation',
      data: { kind: 'confirmation' as const, destination: route.destination, alertId: job.alertId, title: job.title, confirmation },
      opts: {
        jobId: deliverJobId(`${job.alertId}:confirm-${job.symbol}-${job.horizonMinutes}`, route.destination),
        attempts: deps.deliverJobOptions.attempts,
        backoff: { type: 'exponential', delay: deps.deliverJobOptions.backoffMs },
        removeOnComplete: true,
        removeOnFail: { age: 14 * 24 * 3600 },
      },
    })),
  );
  return assessment;
}
