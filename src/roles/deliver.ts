// The deliver role: a BullMQ worker on `deliver` that sends alerts through the configured sinks.
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { queueNames, type DeliverJob } from '../pipeline/contracts.js';
import { processDeliverJob, type DeliverOutcome } from '../pipeline/deliver-stage.js';
import type { AlertSink } from '../sinks/types.js';
import type { SentLedger } from '../stores/sent-ledger.js';
import type { Role } from './role.js';

export function startDeliverRole(deps: {
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** Seconds before a dead worker's job is taken over by another. */
  lockSeconds?: number;
  sinks: ReadonlyMap<string, AlertSink>;
  ledger: SentLedger;
  log: Logger;
}): Role {
  const log = deps.log.child({ role: 'deliver' });
  const worker = new Worker<DeliverJob, DeliverOutcome>(
    queueNames.deliver,
    async (job) => processDeliverJob(job.data, { sinks: deps.sinks, ledger: deps.ledger, now: Date.now }),
    { connection: deps.connection, prefix: deps.prefix, concurrency: deps.concurrency, ...lockOptions(deps.lockSeconds) },
  );
  worker.on('error', (err) => log.warn({ err: err.message }, 'deliver worker error'));
  worker.on('failed', (job, err) =>
    log.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'delivery failed'),
  );
  worker.on('completed', (job, result) => {
    if (result.status === 'already-sent') log.info({ jobId: job.id }, 'already delivered; not sent again');
  });
  return { name: 'deliver', stop: (graceMs) => closeWorker(worker, graceMs) };
}

/** Lets active jobs finish within `graceMs`, then forces the worker closed (its jobs go back to the queue). */
export async function closeWorker(worker: Worker, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const result = await Promise.race([worker.close().then(() => 'closed' as const), forced]);
  clearTimeout(timer);
  if (result === 'timeout') await worker.close(true);
}

/** Worker lock settings: a stalled job (its worker died) is noticed and retried within about `lockSeconds`. */
export function lockOptions(lockSeconds: number | undefined): { lockDuration?: number; stalledInterval?: number } {
  return lockSeconds === undefined ? {} : { lockDuration: lockSeconds * 1000, stalledInterval: lockSeconds * 1000 };
}
