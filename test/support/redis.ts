// Test support for real Redis: every test gets its own key prefix on the shared server, and tests that kill Redis
// start a private redis-server on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort } from '../../src/cli/private-redis.js';

export { freePort };

export const sharedRedisUrl = (): string => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test uses, e.g. `t-3f9a1c2b`. */
export const uniquePrefix = (label = 't'): string => `${label}-${randomBytes(4).toString('hex')}`;

/** An ioredis connection to the shared test server, suitable for BullMQ workers too. */
export const connectRedis = (url = sharedRedisUrl()): Redis =>
  new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });

/** Deletes every key under `prefix` without touching anything else on the server. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}


export interface PrivateRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/**
 * Starts a throw-away redis-server on a free loopback port, for tests that kill Redis. Without persistence by
 * default; with `appendOnlyDir`, it keeps an AOF there (fsync always), as production Redis should, so a restart
 * keeps the data.
 */
export async function startPrivateRedis(options: { appendOnlyDir?: string } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const persistence = options.appendOnlyDir
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.appendOnlyDir]
    : ['--appendonly', 'no'];
  const launch = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
      stdio: 'ignore',
    });
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined); // connection refused while the server starts
    for (let i = 0; i < 100; i++) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        probe.disconnect();
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`private redis-server on port ${port} did not start`);
  };
  const stop = async (): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  await launch();
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: async () => { await stop(); await launch(); } };
}
