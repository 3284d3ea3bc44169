import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AlertSink } from './types.js';

/**
 * Appends one JSON object per delivered alert: `{ destination, deliveredAt, matched, alert }`. Machine-readable
 * output for scripts, the benchmark and the end-to-end tests. A send resolves once the line reached the file.
 */
export function createJsonlSink(id: string, path: string): AlertSink {
  mkdirSync(dirname(path), { recursive: true });
  const stream = createWriteStream(path, { flags: 'a' });
  let lines = 0;
  return {
    id,
    async send(alert, matched) {
      const deliveredAt = Date.now();
      const line = `${JSON.stringify({ destination: id, deliveredAt, matched, alert })}\n`;
      await new Promise<void>((resolve, reject) => stream.write(line, (err) => (err ? reject(err) : resolve())));
      lines += 1;
      return { receipt: `${path}#${lines}@${deliveredAt}` };
    },
    close: () => new Promise<void>((resolve) => stream.end(() => resolve())),
  };
}
