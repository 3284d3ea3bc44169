// The port every delivery target implements: console and JSON-lines now, Discord channels later.
import type { Alert, Confirmation } from '../pipeline/contracts.js';

export interface SendResult {
  /** Something that identifies what was written, e.g. a Discord message id or a line number. */
  receipt: string;
}

export interface AlertSink {
  readonly id: string;
  send(alert: Alert, matched: readonly string[]): Promise<SendResult>;
  /** Adds the market's confirmation to an alert sent earlier (a Discord sink edits its message). */
  update(alertId: string, title: string, confirmation: Confirmation): Promise<SendResult>;
  close(): Promise<void>;
}

/** Thrown by a sink for a failure that retrying cannot fix (e.g. a destination that does not exist). */
export class PermanentSinkError extends Error {
  override readonly name = 'PermanentSinkError';
}
