// A throw-away redis-server child for the demo when no REDIS_URL is given: loopback only, nothing on disk.
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';

export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });

const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => s.write('PING\r\n'));
    s.once('data', (d) => {
      s.destroy();
      resolve(String(d).startsWith('+PONG'));
    });
    s.once('error', () => resolve(false));
  });

export async function startPrivateRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const missing = new Promise<never>((_, reject) =>
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new RedisUnavailableError(
          err.code === 'ENOENT'
            ? 'squawk needs Redis. Either set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379), or install redis-server ' +
                '(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) and run the demo again.'
            : `could not start redis-server: ${err.message}`,
        ),
      ),
    ),
  );
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      if (await answers(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new RedisUnavailableError(`redis-server did not answer on port ${port}`);
  })();
  try {
    await Promise.race([ready, missing]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  child.unref();
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}
