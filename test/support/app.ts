// Starts the real composition root on a private key prefix, for tests and benchmarks.
import { loadConfig } from '../../src/config/load.js';
import type { RoleName } from '../../src/config/core-schema.js';
import { silentLogger } from '../../src/log.js';
import { startApp, type App } from '../../src/main.js';
import type { AlertSink } from '../../src/sinks/types.js';
import { sharedRedisUrl } from './redis.js';

export function testConfig(prefix: string, overrides: Record<string, unknown> = {}, redisUrl = sharedRedisUrl()) {
  return loadConfig({
    env: {},
    overrides: {
      redis: { url: redisUrl, prefix },
      log: { level: 'silent' },
      feeds: [],
      market: { provider: 'none' },
      signal: { importance: { default: 0 } },
      destinations: [{ id: 'out', kind: 'console' }],
      watchlists: [],
      http: { port: 0 },
      shutdown: { graceSeconds: 5 },
      ...overrides,
    },
  });
}

export function startTestApp(
  prefix: string,
  roles: RoleName[],
  options: { sinks?: ReadonlyMap<string, AlertSink>; overrides?: Record<string, unknown>; redisUrl?: string } = {},
): Promise<App> {
  return startApp(testConfig(prefix, options.overrides, options.redisUrl), {
    roles,
    log: silentLogger,
    ...(options.sinks ? { sinks: options.sinks } : {}),
  });
}
