// The `deliver` stage: send one alert to one destination, at most once, recording the receipt in the sent ledger.
import { UnrecoverableError } from 'bullmq';
import type { SentLedger } from '../stores/sent-ledger.js';
import { PermanentSinkError, type AlertSink } from '../sinks/types.js';
import { deliverJobSchema } from './contracts.js';

export interface DeliverStageDeps {
  sinks: ReadonlyMap<string, AlertSink>;
  ledger: SentLedger;
  now(): number;
}

export type DeliverOutcome = { status: 'sent'; receipt: string } | { status: 'already-sent'; receipt: string };

export async function processDeliverJob(data: unknown, deps: DeliverStageDeps): Promise<DeliverOutcome> {
  const parsed = deliverJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`bad deliver payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const job = parsed.data;
  const { destination } = job;
  // An alert and each of its updates have their own ledger entry.
  const ledgerId =
    job.kind === 'alert' ? job.alert.alertId : `${job.alertId}:confirm-${job.confirmation.symbol}-${job.confirmation.horizonMinutes}`;
  const previous = await deps.ledger.get(ledgerId, destination);
  if (previous) return { status: 'already-sent', receipt: previous.receipt };
  const sink = deps.sinks.get(destination);
  if (!sink) throw new UnrecoverableError(`unknown destination "${destination}"`);
  try {
    const { receipt } =
      job.kind === 'alert' ? await sink.send(job.alert, job.matched) : await sink.update(job.alertId, job.title, job.confirmation);
    await deps.ledger.record(ledgerId, destination, { receipt, sentAt: deps.now() });
    return { status: 'sent', receipt };
  } catch (err) {
    if (err instanceof PermanentSinkError) throw new UnrecoverableError(err.message);
    throw err;
  }
}
