// Market confirmation worker, run alongside the pipeline: delayed `confirm` jobs come due 1, 5 and 15 min after
// an alert.
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { MoveAssessment } from '../market/confirmation.js';
import { queueNames, type ConfirmJob } from '../pipeline/contracts.js';
import { processConfirmJob, type ConfirmStageDeps } from '../pipeline/confirm-stage.js';
import { closeWorker } from './deliver.js';
import type { Role } from './role.js';

export function startConfirmRole(deps: { connection: Redis; prefix: string; stage: ConfirmStageDeps; log: Logger }): Role {
  const log = deps.log.child({ role: 'confirm' });
  const worker = new Worker<ConfirmJob, MoveAssessment>(queueNames.confirm, async (job) => processConfirmJob(job.data, deps.stage), {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: 8,
  });
  worker.on('error', (err) => log.warn({ err: err.message }, 'confirm worker error'));
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, err: err.message }, 'confirmation check failed'));
  worker.on('completed', (job, a) => {
    if (a.abnormal) log.info({ jobId: job.id, symbol: job.data.symbol, reason: a.reason }, 'abnormal move after alert');
  });
  return { name: 'confirm', stop: (graceMs) => closeWorker(worker, graceMs) };
}
