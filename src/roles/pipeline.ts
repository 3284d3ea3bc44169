// The pipeline role: a BullMQ worker on `news` running the in-process stages for each story.
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { Decision, StoryScores } from '../alerts/decision.js';
import { queueNames, type NewsJob } from '../pipeline/contracts.js';
import { processNewsJob, type NewsStageDeps } from '../pipeline/news-stage.js';
import { closeWorker, lockOptions } from './deliver.js';
import type { Role } from './role.js';

export function startPipelineRole<S extends StoryScores>(deps: {
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** Seconds before a dead worker's job is taken over by another. */
  lockSeconds?: number;
  stage: Omit<NewsStageDeps<S>, 'log'>;
  log: Logger;
}): Role {
  const log = deps.log.child({ role: 'pipeline' });
  const worker = new Worker<NewsJob, Decision>(
    queueNames.news,
    async (job) => processNewsJob(job.data, { ...deps.stage, log: log.child({ jobId: job.id }) }),
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency, ...lockOptions(deps.lockSeconds) },
  );
  worker.on('error', (err) => log.warn({ err: err.message }, 'pipeline worker error'));
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'story failed'));
  worker.on('completed', (job, decision) =>
    log.debug({ jobId: job.id, outcome: decision.outcome, reasons: decision.reasons }, 'story decided'),
  );
  return { name: 'pipeline', stop: (graceMs) => closeWorker(worker, graceMs) };
}
