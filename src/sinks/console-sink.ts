import type { Writable } from 'node:stream';
import { formatAlertText, formatConfirmationText } from '../alerts/alert.js';
import type { AlertSink } from './types.js';

/** Prints alerts readably; used by the demo and for local runs. */
export function createConsoleSink(id: string, out: Writable = process.stdout): AlertSink {
  let n = 0;
  return {
    id,
    async send(alert, matched) {
      out.write(`${formatAlertText(alert, matched)}\n\n`);
      n += 1;
      return { receipt: `${id}#${n}` };
    },
    async update(_alertId, title, confirmation) {
      out.write(`${formatConfirmationText(title, confirmation)}\n\n`);
      n += 1;
      return { receipt: `${id}#${n}` };
    },
    async close() {},
  };
}
