import { mkdirSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AlertSink } from './types.js';

/**
 * Appends one JSON object per delivered alert: `{ destination, deliveredAt, matched, alert }`. Machine-readable
 * output for scripts, the benchmark and the end-to-end tests.
 */
export function createJsonlSink(id: string, path: string): AlertSink {
  mkdirSync(dirname(path), { recursive: true });
  return {
    id,
    async send(alert, matched) {
      const deliveredAt = Date.now();
      await appendFile(path, `${JSON.stringify({ destination: id, deliveredAt, matched, alert })}\n`);
      return { receipt: `${path}@${deliveredAt}` };
    },
    async close() {},
  };
}
