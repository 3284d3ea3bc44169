// The http role: liveness and readiness at /healthz, Prometheus metrics at /metrics (queue depths collected on scrape).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Logger } from '../log.js';
import type { Role } from './role.js';

export interface HttpRole extends Role {
  readonly url: string;
}

export async function startHttpRole(deps: {
  config: { host: string; port: number };
  redis: Redis;
  prefix: string;
  newsQueue: Queue;
  deliverQueue: Queue;
  /** Health of each configured feed, for /healthz (a failing feed degrades the report, not the process). */
  feeds?: () => Promise<Array<{ id: string; health: string; lastError?: string }>>;
  log: Logger;
}): Promise<HttpRole> {
  const log = deps.log.child({ role: 'http' });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'squawk_' });
  const queues = [deps.newsQueue, deps.deliverQueue];
  new Gauge({
    name: 'squawk_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const q of queues) {
        const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        for (const [state, n] of Object.entries(counts)) this.set({ queue: q.name, state }, n);
      }
    },
  });

  // Redis down: 503 (the process cannot work). A feed failing or unhealthy: 200 with status "degraded" and the
  // feed's last error, since restarting squawk would not fix a publisher's outage.
  const health = async (): Promise<{ status: string; redis: string; feeds: Array<{ id: string; health: string; lastError?: string }> }> => {
    await deps.redis.ping();
    const feeds = deps.feeds ? await deps.feeds() : [];
    return { status: feeds.every((f) => f.health === 'healthy') ? 'ok' : 'degraded', redis: 'ok', feeds };
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const reply = (status: number, type: string, body: string): void => {
      res.writeHead(status, { 'content-type': type }).end(body);
    };
    if (path === '/healthz') {
      health()
        .then((body) => reply(body.redis === 'ok' ? 200 : 503, 'application/json', JSON.stringify(body)))
        .catch((err: Error) => reply(503, 'application/json', JSON.stringify({ status: 'down', redis: err.message })));
    } else if (path === '/metrics') {
      registry
        .metrics()
        .then((text) => reply(200, registry.contentType, text))
        .catch((err: Error) => reply(500, 'text/plain', err.message));
    } else {
      reply(404, 'text/plain', 'not found: try /healthz or /metrics\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.config.port, deps.config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${deps.config.host}:${port}`;
  log.info({ url }, 'http listening');
  return {
    name: 'http',
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
