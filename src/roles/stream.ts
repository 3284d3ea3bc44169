// The `stream` role: holds the provider websocket for one key (leader lock in Redis, so exactly one process streams
// per key), subscribes to every watchlist ticker up to the plan's cap, follows watchlist changes within a second,
// applies ticks to the in-memory price book and lets the store flush it, and fetches previous closes over REST at
// start and after each regular close. Reconnects with backoff and resubscription happen inside the adapter.
import type { Redis } from 'ioredis';
import type { MarketConfig } from '../config/market-schema.js';
import type { Logger } from '../log.js';
import { createConfiguredNewsStream, createConfiguredProvider, fingerprint, type ConfiguredProvider } from '../market/providers/create-provider.js';
import { SymbolLimitError } from '../market/providers/errors.js';
import type { NewsStreamItem } from '../market/providers/alpaca-news.js';
import type { ConnectionStatus, MarketEvent } from '../market/providers/market-data-provider.js';
import { lastRegularClose } from '../market/sessions.js';
import { createRedisLeaderLock, type LeaderLock } from '../stores/leader-lock.js';
import type { RedisPriceBook } from '../stores/price-book.js';
import type { WatchlistStore } from '../stores/watchlists.js';

export interface StreamRoleDeps {
  config: MarketConfig;
  /** Used for the leader lock. */
  redis: Redis;
  watchlists: Pick<WatchlistStore, 'allTickers' | 'onChange'>;
  priceBook: RedisPriceBook;
  log: Logger;
  now?: () => number;
  /** Key prefix for the leader lock (the deployment's Redis prefix). */
  prefix?: string;
  /** Receives stories from the Alpaca news stream when `alpaca.news` is on. */
  onNews?: (item: NewsStreamItem) => void | Promise<void>;
}

export interface StreamRole {
  /** Whether this process currently holds the provider connection. */
  readonly isLeader: boolean;
  /** Runs a watchlist reconcile now (also runs on every change notification and on a timer). */
  reconcile(): Promise<void>;
  stop(): Promise<void>;
}

/** Settles after a change notification before reading the watchlists, so a burst of edits costs one read. */
const DEBOUNCE_MS = 50;
/** REST closes are refetched this long after each regular close, once the provider has settled the day. */
const AFTER_CLOSE_MS = 5 * 60_000;

/**
 * Picks the symbols to stream: those already streaming first (a new ticker never evicts an old one), then new ones in
 * order, up to `cap`. Pure; exported for tests.
 */
export function chooseSymbols(wanted: readonly string[], current: ReadonlySet<string>, refused: ReadonlySet<string>, cap: number): { chosen: string[]; leftOut: string[] } {
  const eligible = wanted.filter((s) => !refused.has(s));
  const ordered = [...eligible.filter((s) => current.has(s)), ...eligible.filter((s) => !current.has(s))];
  const chosen = ordered.slice(0, cap);
  const chosenSet = new Set(chosen);
  return { chosen, leftOut: wanted.filter((s) => !chosenSet.has(s)) };
}

export async function startStreamRole(deps: StreamRoleDeps): Promise<StreamRole> {
  const { config, priceBook, log } = deps;
  const now = deps.now ?? Date.now;
  const prefix = deps.prefix ?? 'squawk';
  const book = priceBook.book;
  const probe = createConfiguredProvider(config);
  if (!probe) {
    log.info('market data provider is "none": stream role idle');
    return { isLeader: false, reconcile: async () => {}, stop: async () => {} };
  }
  void probe.provider.close();
  const cap = probe.maxSymbols;

  let active: ConfiguredProvider | null = null;
  const refused = new Set<string>();
  let leftOutKey = '';
  let closesFetchedFor = 0;
  const needCloses = new Set<string>();
  let reconciling: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const onEvent = (e: MarketEvent): void => {
    switch (e.type) {
      case 'trade':
        book.applyTrade(e.symbol, e.price, e.size, e.time);
        return;
      case 'bar':
        book.applyBar(e);
        return;
      case 'status':
        book.applyStatus(e.symbol, e.halted, e.reason);
        return;
      default:
        return;
    }
  };

  const onStatus = (s: ConnectionStatus): void => {
    if (s.type === 'error') {
      if (s.error instanceof SymbolLimitError) {
        for (const sym of s.error.symbols) refused.add(sym);
        log.warn({ refused: s.error.symbols, cap }, `provider refused symbols over its limit: ${s.error.symbols.join(', ')}`);
      } else if (s.error.retryable) log.warn({ err: s.error }, 'market data stream error');
      else log.error({ err: s.error }, 'market data stream stopped');
    } else if (s.type === 'disconnected') {
      log.warn({ code: s.code, reason: s.reason, retryInMs: s.retryInMs }, 'market data stream disconnected');
    } else if (s.type === 'authenticated') {
      log.info({ reconnect: s.reconnect }, 'market data stream authenticated');
    }
  };

  const fetchCloses = async (): Promise<void> => {
    if (!active || needCloses.size === 0) return;
    const symbols = [...needCloses];
    needCloses.clear();
    try {
      const closes = await active.closes.fetchCloses(symbols, now());
      for (const [symbol, list] of closes) for (const c of list) priceBook.setPreviousClose(symbol, c.price, c.date);
    } catch (err) {
      for (const s of symbols) needCloses.add(s);
      log.warn({ err, symbols: symbols.length }, 'previous close fetch failed; will retry');
    }
  };

  const reconcileOnce = async (): Promise<void> => {
    const provider = active?.provider;
    if (!provider) return;
    const wanted = [...new Set((await deps.watchlists.allTickers()).map((t) => t.toUpperCase()))].sort();
    if (active?.provider !== provider) return;
    const current = provider.subscriptions();
    const wantedSet = new Set(wanted);
    for (const s of refused) if (!wantedSet.has(s)) refused.delete(s);
    const { chosen, leftOut } = chooseSymbols(wanted, current, refused, cap);
    const chosenSet = new Set(chosen);
    const removed = [...current].filter((s) => !chosenSet.has(s));
    const added = chosen.filter((s) => !current.has(s));
    if (removed.length > 0) {
      provider.unsubscribe(removed);
      for (const s of removed) book.remove(s);
      refused.clear(); // a slot was freed: let refused symbols try again
    }
    if (added.length > 0) {
      await priceBook.hydrate(added);
      provider.subscribe(added);
      for (const s of added) needCloses.add(s);
      log.info({ added, removed, total: chosen.length }, 'market data subscriptions updated');
    } else if (removed.length > 0) log.info({ removed, total: chosen.length }, 'market data subscriptions updated');
    const key = leftOut.join(',');
    if (key !== leftOutKey) {
      leftOutKey = key;
      if (leftOut.length > 0) log.warn({ cap, leftOut }, `symbol cap of ${cap} reached for ${config.provider}: not streaming ${leftOut.join(', ')}`);
    }
    // After each regular close (plus settling time), ask the provider for the day's official close.
    const close = lastRegularClose(now() - AFTER_CLOSE_MS);
    if (close !== closesFetchedFor) {
      if (closesFetchedFor !== 0) for (const s of chosen) needCloses.add(s);
      closesFetchedFor = close;
    }
    await fetchCloses();
  };

  const reconcile = async (): Promise<void> => {
    if (reconciling) {
      again = true;
      return reconciling;
    }
    reconciling = (async () => {
      do {
        again = false;
        try {
          await reconcileOnce();
        } catch (err) {
          log.warn({ err }, 'watchlist reconcile failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      reconciling = null;
    });
    return reconciling;
  };

  const startStreaming = (): void => {
    if (stopped || active) return;
    const configured = createConfiguredProvider(config)!;
    active = configured;
    refused.clear();
    leftOutKey = '';
    configured.provider.on('event', onEvent);
    configured.provider.on('status', onStatus);
    log.info({ provider: config.provider }, 'leader lock acquired: streaming market data');
    configured.provider.connect().catch((err: Error) => log.error({ err }, 'market data stream could not connect'));
    void reconcile();
  };

  const stopStreaming = async (): Promise<void> => {
    const current = active;
    active = null;
    if (current) await current.provider.close();
  };

  const lock: LeaderLock = createRedisLeaderLock(deps.redis, `${prefix}:stream:leader:${config.provider}:${probe.keyId}`, config.leaderLock);
  lock.on('acquired', startStreaming);
  lock.on('lost', () => {
    log.warn('leader lock lost: closing market data stream');
    void stopStreaming();
  });
  lock.on('error', (err) => log.warn({ err }, 'leader lock renewal failed'));

  priceBook.startFlushing();
  let debounce: NodeJS.Timeout | null = null;
  const unsubscribeChanges = await deps.watchlists.onChange(() => {
    if (debounce) return;
    debounce = setTimeout(() => {
      debounce = null;
      void reconcile();
    }, DEBOUNCE_MS);
  });
  const periodic = setInterval(() => void reconcile(), config.reconcileEveryMs);
  lock.start();

  const news = deps.onNews ? startNewsStream(deps, prefix) : null;

  return {
    get isLeader() {
      return lock.isLeader;
    },
    reconcile,
    async stop() {
      stopped = true;
      clearInterval(periodic);
      if (debounce) clearTimeout(debounce);
      await unsubscribeChanges();
      if (reconciling) await reconciling;
      await news?.stop();
      await lock.stop();
      await stopStreaming();
      await priceBook.close();
    },
  };
}

/** The Alpaca news stream under a lock of its own (one connection per key on that endpoint too). */
function startNewsStream(deps: StreamRoleDeps, prefix: string): { stop(): Promise<void> } | null {
  const { config, log, onNews } = deps;
  if (!onNews || !createConfiguredNewsStream(config)) return null;
  let stream: ReturnType<typeof createConfiguredNewsStream> = null;
  const lock = createRedisLeaderLock(deps.redis, `${prefix}:stream:leader:alpaca-news:${fingerprint(config.alpaca.keyId ?? '')}`, config.leaderLock);
  lock.on('acquired', () => {
    stream = createConfiguredNewsStream(config);
    stream?.on('event', (item) => {
      Promise.resolve(onNews(item)).catch((err: Error) => log.warn({ err, itemKey: item.itemKey }, 'news stream item not queued'));
    });
    stream?.on('status', (s) => {
      if (s.type === 'error') log.warn({ err: s.error }, 'news stream error');
    });
    stream?.connect().catch((err: Error) => log.error({ err }, 'news stream could not connect'));
  });
  lock.on('lost', () => {
    void stream?.close();
    stream = null;
  });
  lock.start();
  return {
    async stop() {
      await lock.stop();
      await stream?.close();
    },
  };
}
