// Redis connections, configured the way BullMQ wants them: workers block and must retry forever
// (maxRetriesPerRequest: null); producers fail fast instead of queueing commands while Redis is away.
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

export type ConnectionKind = 'worker' | 'producer';

export function createRedis(url: string, kind: ConnectionKind, log: Logger, name: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: kind === 'worker' ? null : 3,
    enableOfflineQueue: kind === 'worker',
    connectionName: `squawk:${name}`,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 6), 5000),
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // ioredis repeats the same error on every reconnect attempt; log each distinct one once.
    if (err.message !== lastError) log.warn({ connection: name, err: err.message }, 'redis connection error');
    lastError = err.message;
  });
  redis.on('ready', () => {
    if (lastError) log.info({ connection: name }, 'redis connection restored');
    lastError = '';
  });
  return redis;
}
