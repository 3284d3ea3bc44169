import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';
import { silentLogger } from '../../src/log.js';
import { deliverJobId, queueNames, type Alert, type DeliverJob } from '../../src/pipeline/contracts.js';
import { processDeliverJob } from '../../src/pipeline/deliver-stage.js';
import { startDeliverRole } from '../../src/roles/deliver.js';
import { createJsonlSink } from '../../src/sinks/jsonl-sink.js';
import type { AlertSink } from '../../src/sinks/types.js';
import { createRedisSentLedger } from '../../src/stores/sent-ledger.js';

const alert = (alertId: string): Alert => ({
  alertId,
  storyId: `feed:${alertId}`,
  clusterId: `feed:${alertId}`,
  source: 'feed',
  title: 'Alibaba shares fall',
  summary: '',
  url: 'https://example.com/x',
  publishedAt: '2026-11-24T14:00:00.000Z',
  event: null,
  sentiment: { label: 'negative', score: -0.5 },
  importance: 60,
  tickers: [{ symbol: 'BABA', primary: true, relevance: 90, importance: 60, sentiment: { label: 'negative', score: -0.5 } }],
  priceAction: [],
  receivedAt: Date.now(),
});

let redis: Redis;
const prefixes: string[] = [];
beforeAll(() => {
  redis = connectRedis();
});
afterAll(async () => {
  for (const p of prefixes) await deletePrefix(redis, p);
  redis.disconnect();
});

describe('deliver stage', () => {
  it('sends through a flaky destination exactly once, retrying its failures', async () => {
    const prefix = uniquePrefix('deliver');
    prefixes.push(prefix);
    const file = join(mkdtempSync(join(tmpdir(), 'squawk-')), 'alerts.jsonl');
    const jsonl = createJsonlSink('file', file);
    let failuresLeft = 2;
    // Stands in for a destination answering 500 twice before accepting.
    const flaky: AlertSink = {
      id: 'flaky',
      async send(a, matched) {
        if (failuresLeft-- > 0) throw new Error('HTTP 500 from destination');
        return jsonl.send(a, matched);
      },
      update: (alertId, title, confirmation) => jsonl.update(alertId, title, confirmation),
      close: async () => undefined,
    };
    const ledger = createRedisSentLedger(redis, prefix, 600);
    const role = startDeliverRole({ connection: redis, prefix, concurrency: 2, sinks: new Map([['flaky', flaky]]), ledger, log: silentLogger });
    const queue = new Queue<DeliverJob>(queueNames.deliver, { connection: redis, prefix });
    const events = new QueueEvents(queueNames.deliver, { connection: redis.duplicate(), prefix });
    await events.waitUntilReady();
    const data: DeliverJob = { kind: 'alert', destination: 'flaky', matched: ['BABA'], alert: alert('a1') };
    const opts = { jobId: deliverJobId('a1', 'flaky'), attempts: 5, backoff: { type: 'fixed', delay: 20 } };
    const job = await queue.add('alert', data, opts);
    // The same job id again (a retried pipeline job) is absorbed by the queue.
    await queue.add('alert', data, opts);
    const result = await job.waitUntilFinished(events, 20_000);
    expect(result).toMatchObject({ status: 'sent' });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string).alert.alertId).toBe('a1');
    expect((await ledger.get('a1', 'flaky'))?.receipt).toContain(file);

    // A job that runs again after the send was recorded does not send again.
    const again = await processDeliverJob(data, { sinks: new Map([['flaky', flaky]]), ledger, now: Date.now });
    expect(again.status).toBe('already-sent');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);

    await role.stop(5000);
    await events.close();
    await queue.close();
  });

  it('fails a bad payload or an unknown destination without retrying', async () => {
    const prefix = uniquePrefix('deliver');
    prefixes.push(prefix);
    const ledger = createRedisSentLedger(redis, prefix, 600);
    const deps = { sinks: new Map<string, AlertSink>(), ledger, now: Date.now };
    await expect(processDeliverJob({ destination: 'x' }, deps)).rejects.toMatchObject({ name: 'UnrecoverableError' });
    await expect(processDeliverJob({ kind: 'alert', destination: 'nowhere', matched: [], alert: alert('a2') }, deps)).rejects.toThrow(
      /unknown destination "nowhere"/,
    );
  });
});
