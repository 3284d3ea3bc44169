// Tick ingestion: trades per second from a loopback Finnhub simulator sending batched frames, through the Finnhub
// adapter into the price book (with the Redis flush running as in production), next to a bare ws + JSON.parse loop
// over the same frames in the same run.
//
// ticks.trades_per_s                 adapter → PriceBook (flushed to Redis every 250 ms), 5,000 symbols subscribed
// floor.ws_json_trades_per_s         bare `ws` client (UTF-8 pass off, as in the adapter) + JSON.parse, counting trades
// ticks.ratio_to_floor               the first over the second (target ≥ 0.6)
// ticks.rss_mb_5000_symbols_start    process RSS after subscribing 5,000 symbols and one warm-up round
// ticks.rss_mb_5000_symbols_end      process RSS after every round
// ticks.heap_mb_5000_symbols_start   JS heap in use after a full GC, at the same two points (flat = nothing kept per tick)
// ticks.heap_mb_5000_symbols_end
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { FinnhubProvider } from '../src/market/providers/finnhub.js';
import { startFinnhubSimulator } from '../src/sim/market/index.js';
import { createRedisPriceBook } from '../src/stores/price-book.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../test/support/redis.js';

const SYMBOLS = 5_000;
const TRADES_PER_FRAME = 50;
const FRAMES = 2_000; // 100,000 trades per round
const ROUNDS = 8;
const PAIRS = 3;
const KEY = 'bench-key';
const FLOOR_KEY = 'bench-floor-key';

const symbolAt = (i: number): string => {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `S${s}`;
};

const rssMb = (): number => Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10;

/** Heap in use after a full collection: RSS alone moves with whatever the allocator keeps. */
function heapAfterGcMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
}

export default async function ticksBench(): Promise<Record<string, number>> {
  const sim = await startFinnhubSimulator({ keys: [KEY, FLOOR_KEY], exclusive: false, tickIntervalMs: 1_000_000_000, maxSymbols: SYMBOLS * 2 });
  const symbols = Array.from({ length: SYMBOLS }, (_, i) => symbolAt(i));
  const base = Date.now();
  const frames: string[] = [];
  let k = 0;
  for (let f = 0; f < FRAMES; f++) {
    const trades = [];
    for (let t = 0; t < TRADES_PER_FRAME; t++, k++) {
      trades.push({ symbol: symbols[(k * 7919) % SYMBOLS]!, price: 100 + (k % 1000) / 100, size: 1 + (k % 300), time: base + k * 5 });
    }
    frames.push(sim.frame(trades));
  }
  const perRound = FRAMES * TRADES_PER_FRAME;

  // Floor: bare ws + JSON.parse.
  const floorRun = async (): Promise<number> => {
    let count = 0;
    let done: () => void = () => undefined;
    const finished = new Promise<void>((r) => (done = r));
    const target = perRound * ROUNDS;
    const ws = new WebSocket(`${sim.url}?token=${FLOOR_KEY}`, { perMessageDeflate: false, skipUTF8Validation: true });
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { type: string; data?: unknown[] };
      if (msg.type === 'trade' && msg.data) count += msg.data.length;
      if (count >= target) done();
    });
    await new Promise((r) => ws.once('open', r));
    const started = process.hrtime.bigint();
    await sim.blast(frames, ROUNDS, FLOOR_KEY);
    await finished;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    ws.close();
    await new Promise((r) => ws.once('close', r));
    return target / seconds;
  };

  // Adapter into the price book, flushed to Redis.
  const redis = connectRedis();
  const prefix = uniquePrefix('bench-ticks');
  const priceBook = createRedisPriceBook(redis, prefix, { flushEveryMs: 250 });
  priceBook.startFlushing();
  const provider = new FinnhubProvider({ url: sim.url, key: KEY });
  let count = 0;
  let target = 0;
  let done: () => void = () => undefined;
  const book = priceBook.book;
  provider.on('event', (e) => {
    if (e.type === 'trade') {
      book.applyTrade(e.symbol, e.price, e.size, e.time);
      if (++count >= target) done();
    }
  });
  await provider.connect();
  provider.subscribe(symbols);
  const adapterRun = async (rounds: number): Promise<number> => {
    count = 0;
    target = perRound * rounds;
    const finished = new Promise<void>((r) => (done = r));
    const started = process.hrtime.bigint();
    await sim.blast(frames, rounds, KEY);
    await finished;
    return target / (Number(process.hrtime.bigint() - started) / 1e9);
  };

  await adapterRun(1); // warm-up: every symbol now has a book entry
  await priceBook.flush();
  const rssStart = rssMb();
  const heapStart = heapAfterGcMb();
  // Interleaved pairs, best of each: other work on the machine slows either side now and then.
  const floors: number[] = [];
  const adapters: number[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    floors.push(await floorRun());
    adapters.push(await adapterRun(ROUNDS));
  }
  await priceBook.flush();
  const rssEnd = rssMb();
  const heapEnd = heapAfterGcMb();

  await provider.close();
  await priceBook.close();
  await sim.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();

  const floor = Math.max(...floors);
  const adapter = Math.max(...adapters);
  return {
    'ticks.trades_per_s': Math.round(adapter),
    'floor.ws_json_trades_per_s': Math.round(floor),
    'ticks.ratio_to_floor': Math.round((adapter / floor) * 1000) / 1000,
    'ticks.rss_mb_5000_symbols_start': rssStart,
    'ticks.rss_mb_5000_symbols_end': rssEnd,
    'ticks.heap_mb_5000_symbols_start': heapStart,
    'ticks.heap_mb_5000_symbols_end': heapEnd,
  };
}
