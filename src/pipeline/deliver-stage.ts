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
  const { alert, destination, matched } = parsed.data;
  const previous = await deps.ledger.get(alert.alertId, destination);
  if (previous) return { status: 'already-sent', receipt: previous.receipt };
  const sink = deps.sinks.get(destination);
  if (!sink) throw new UnrecoverableError(`unknown destination "${destination}"`);
  try {
    const { receipt } = await sink.send(alert, matched);
    await deps.ledger.record(alert.alertId, destination, { receipt, sentAt: deps.now() });
    return { status: 'sent', receipt };
  } catch (err) {
    if (err instanceof PermanentSinkError) throw new UnrecoverableError(err.message);
    throw err;
  }
}
