import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AlertSink } from './types.js';

/**
 * Appends one JSON object per delivered alert, `{ destination, deliveredAt, matched, alert }`, and per update,
 * `{ destination, deliveredAt, update: { alertId, title, confirmation } }`. Machine-readable
 * output for scripts, the benchmark and the end-to-end tests. A send resolves once the line reached the file.
 */
export function createJsonlSink(id: string, path: string): AlertSink {
  mkdirSync(dirname(path), { recursive: true });
  const stream = createWriteStream(path, { flags: 'a' });
  let lines = 0;
  const write = async (record: { deliveredAt: number } & Record<string, unknown>): Promise<{ receipt: string }> => {
    const line = `${JSON.stringify(record)}\n`;
    await new Promise<void>((resolve, reject) => stream.write(line, (err) => (err ? reject(err) : resolve())));
    lines += 1;
    return { receipt: `${path}#${lines}@${record.deliveredAt}` };
  };
  return {
    id,
    async send(alert, matched) {
      return write({ destination: id, deliveredAt: Date.now(), matched, alert });
    },
    async update(alertId, title, confirmation) {
      return write({ destination: id, deliveredAt: Date.now(), update: { alertId, title, confirmation } });
    },
    close: () => new Promise<void>((resolve) => stream.end(() => resolve())),
  };
}
