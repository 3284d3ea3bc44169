// Pipeline throughput and latency, with the bare BullMQ hop as the floor, on the shared local Redis.
//
// pipeline.stories_per_s    distinct stories enqueued into `news` at once (addBulk), until every story is decided and
//                           every resulting alert written by the JSON-lines sink: news → scoring, clustering,
//                           routing → deliver → sink. pipeline.alerts_per_s counts the alerts among them.
// pipeline.latency_p50_ms   paced run (about 100 stories/s): sink write time minus enqueue time, per alert.
// pipeline.latency_p99_ms
// floor.bullmq_hop_p50_ms   same pacing: time from Queue.add to the Worker's processor starting, one bare hop.
// floor.bullmq_two_hop_per_s the same number of 1 KB jobs through two bare queues (a worker on the first adds to the
//                           second), in one process: the ceiling of any two-queue pipeline on this machine.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { newsJobId, queueNames, type NewsJob } from '../src/pipeline/contracts.js';
import { newsJobOptions } from '../src/pipeline/enqueue-news.js';
import { createJsonlSink } from '../src/sinks/jsonl-sink.js';
import type { AlertSink } from '../src/sinks/types.js';
import { startTestApp } from '../test/support/app.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../test/support/redis.js';

const THROUGHPUT_STORIES = 6000;
const PACED_STORIES = 300;
const PACE_PER_S = 100;

// Stories spread over the 600 largest listed companies (as ordered in the shipped dictionary), like a real feed.
const symbolFile = JSON.parse(readFileSync(new URL('../data/symbols.json', import.meta.url), 'utf8')) as {
  symbols: Record<string, [string, string, number, number]>;
};
const companies: Array<[string, string]> = Object.entries(symbolFile.symbols)
  .filter(([symbol]) => /^[A-Z]{2,5}$/.test(symbol))
  .slice(0, 600)
  .map(([symbol, [name, exchange]]) => [`${name} (${exchange === 'Nasdaq' ? 'NASDAQ' : 'NYSE'}: ${symbol})`, symbol]);
const templates = [
  (n: string, _t: string, k: number) => `${n} Q${(k % 4) + 1} revenue of $${k + 100}.${k % 10} million tops estimates`,
  (n: string, _t: string, k: number) => `${n} raises ${2027 + (k % 3)} guidance to $${k + 1}.${k % 100} per share`,
  (n: string, _t: string, k: number) => `Analyst upgrades ${n} to Buy, price target $${k + 20}`,
  (n: string, _t: string, k: number) => `${n} announces $${(k % 90) + 5} million buyback program number ${k}`,
];

const story = (i: number, run: string): { name: string; data: NewsJob; opts: typeof newsJobOptions & { jobId: string } } => {
  const [name, ticker] = companies[i % companies.length] as [string, string];
  const title = (templates[i % templates.length] as (n: string, _t: string, k: number) => string)(name, ticker, i);
  const itemKey = `${run}-${i}`;
  return {
    name: 'item',
    data: {
      source: 'bench',
      itemKey,
      raw: { guid: itemKey, title, link: `https://news.example.com/${run}/${i}`, summary: title, published: new Date().toUTCString() },
      receivedAt: Date.now(),
    },
    opts: { ...newsJobOptions, jobId: newsJobId('bench', itemKey) },
  };
};

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Epoch milliseconds with sub-millisecond resolution. */
const hiresNow = (): number => performance.timeOrigin + performance.now();

/** A real JSON-lines sink that also records each alert's latency (sink write time minus enqueue time). */
function countingSink(path: string): { sink: AlertSink; latencies: number[] } {
  const inner = createJsonlSink('out', path);
  const latencies: number[] = [];
  return {
    sink: {
      id: 'out',
      async send(alert, matched) {
        const r = await inner.send(alert, matched);
        latencies.push(hiresNow() - alert.receivedAt);
        return r;
      },
      update: (alertId, title, confirmation) => inner.update(alertId, title, confirmation),
      close: () => inner.close(),
    },
    latencies,
  };
}

async function runPipeline(stories: number, paced: boolean): Promise<{ elapsedMs: number; latencies: number[]; alerts: number }> {
  const prefix = uniquePrefix('bench-pipeline');
  const dir = mkdtempSync(join(tmpdir(), 'squawk-bench-'));
  const file = join(dir, 'alerts.jsonl');
  const { sink, latencies } = countingSink(file);
  const tickers = companies.map(([, t]) => t);
  const app = await startTestApp(prefix, ['pipeline', 'deliver'], {
    sinks: new Map([['out', sink]]),
    overrides: {
      watchlists: [{ id: 'bench', guild: 'bench', name: 'Bench', destination: 'out', minImportance: 0, tickers }],
      pipeline: { concurrency: 64 },
      deliver: { concurrency: 64 },
    },
  });
  const run = prefix.slice(-8);
  const deliverQueue = new Queue(queueNames.deliver, { connection: app.newsQueue.opts.connection as never, prefix });
  const start = performance.now();
  if (paced) {
    for (let i = 0; i < stories; i++) {
      const s = story(i, run);
      s.data.receivedAt = hiresNow();
      await app.newsQueue.add(s.name, s.data, s.opts);
      await sleep(1000 / PACE_PER_S);
    }
  } else {
    for (let i = 0; i < stories; i += 500) {
      await app.newsQueue.addBulk(Array.from({ length: Math.min(500, stories - i) }, (_, k) => story(i + k, run)));
    }
  }
  // Done when every story is decided and every delivery job has finished (some stories do not alert: near-duplicates
  // of earlier ones, or a name the extractor does not take).
  const deadline = Date.now() + 180_000;
  let end = NaN;
  for (;;) {
    // Completed jobs are removed at once, so "done" is: nothing left to do in either queue.
    const news = await app.newsQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    const deliver = await deliverQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if ([...Object.values(news), ...Object.values(deliver)].every((n) => n === 0)) {
      end = performance.now();
      break;
    }
    if (Date.now() > deadline) throw new Error(`pipeline bench: not finished within 180 s (${JSON.stringify(news)})`);
    await sleep(paced ? 20 : 5);
  }
  await deliverQueue.close();
  await app.stop();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  if (lines.length < stories * 0.9) throw new Error(`pipeline bench: only ${lines.length} alerts for ${stories} stories`);
  rmSync(dir, { recursive: true, force: true });
  const redis = connectRedis();
  await deletePrefix(redis, prefix);
  redis.disconnect();
  return { elapsedMs: end - start, latencies: latencies.sort((a, b) => a - b), alerts: lines.length };
}

async function bareHop(): Promise<number> {
  const prefix = uniquePrefix('bench-hop');
  const redis = connectRedis();
  const queue = new Queue<{ t: number }>('hop', { connection: redis, prefix });
  const seen: number[] = [];
  const worker = new Worker<{ t: number }>('hop', async (job) => void seen.push(hiresNow() - job.data.t), {
    connection: redis,
    prefix,
    concurrency: 64,
  });
  await worker.waitUntilReady();
  for (let i = 0; i < PACED_STORIES; i++) {
    await queue.add('hop', { t: hiresNow() }, { removeOnComplete: true });
    await sleep(1000 / PACE_PER_S);
  }
  while (seen.length < PACED_STORIES) await sleep(10);
  await worker.close();
  await queue.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
  return percentile(seen.sort((a, b) => a - b), 0.5);
}

async function bareTwoHops(): Promise<number> {
  const prefix = uniquePrefix('bench-two-hops');
  const redis = connectRedis();
  const first = new Queue('first', { connection: redis, prefix });
  const second = new Queue('second', { connection: redis, prefix });
  let n = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((r) => (finish = r));
  const w1 = new Worker('first', async (job) => void (await second.add('x', job.data, { jobId: `s${job.id}`, removeOnComplete: true })), {
    connection: redis,
    prefix,
    concurrency: 64,
  });
  const w2 = new Worker('second', async () => void (++n === THROUGHPUT_STORIES && finish()), { connection: redis, prefix, concurrency: 64 });
  await Promise.all([w1.waitUntilReady(), w2.waitUntilReady()]);
  const payload = 'x'.repeat(1000);
  const start = performance.now();
  for (let i = 0; i < THROUGHPUT_STORIES; i += 500) {
    await first.addBulk(
      Array.from({ length: Math.min(500, THROUGHPUT_STORIES - i) }, (_, k) => ({
        name: 'x',
        data: { i: i + k, payload },
        opts: { jobId: `f${i + k}`, removeOnComplete: true },
      })),
    );
  }
  await finished;
  const perSecond = THROUGHPUT_STORIES / ((performance.now() - start) / 1000);
  await Promise.all([w1.close(), w2.close()]);
  await Promise.all([first.close(), second.close()]);
  await deletePrefix(redis, prefix);
  redis.disconnect();
  return perSecond;
}

export default async function bench(): Promise<Record<string, number>> {
  const floor = await bareHop();
  const twoHops = await bareTwoHops();
  const throughput = await runPipeline(THROUGHPUT_STORIES, false);
  const paced = await runPipeline(PACED_STORIES, true);
  return {
    'pipeline.stories_per_s': THROUGHPUT_STORIES / (throughput.elapsedMs / 1000),
    'pipeline.alerts_per_s': throughput.alerts / (throughput.elapsedMs / 1000),
    'pipeline.latency_p50_ms': percentile(paced.latencies, 0.5),
    'pipeline.latency_p99_ms': percentile(paced.latencies, 0.99),
    'floor.bullmq_hop_p50_ms': floor,
    'floor.bullmq_two_hop_per_s': twoHops,
  };
}
