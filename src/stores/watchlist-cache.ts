// An in-memory copy of every watchlist for routing: a story's routing then costs no Redis round trip. It reloads on
// every change notification and on a timer (in case a notification is lost while Redis reconnects).
import type { Logger } from '../log.js';
import type { Watchlist, WatchlistMeta, WatchlistStore } from './watchlists.js';

export interface WatchlistCache extends Pick<WatchlistStore, 'watching'> {
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function createWatchlistCache(
  store: WatchlistStore,
  options: { refreshEveryMs?: number; log: Logger },
): Promise<WatchlistCache> {
  let byTicker = new Map<string, WatchlistMeta[]>();
  const index = (lists: readonly Watchlist[]): Map<string, WatchlistMeta[]> => {
    const map = new Map<string, WatchlistMeta[]>();
    for (const { tickers, ...meta } of lists) {
      for (const t of tickers) map.set(t, [...(map.get(t) ?? []), meta]);
    }
    return map;
  };
  let loading: Promise<void> | undefined;
  const reload = (): Promise<void> =>
    (loading ??= store
      .list()
      .then((lists) => {
        byTicker = index(lists);
      })
      .finally(() => {
        loading = undefined;
      }));
  const safeReload = (): void => {
    reload().catch((err: unknown) => options.log.warn({ err }, 'watchlist reload failed; routing with the previous copy'));
  };

  const unsubscribe = await store.onChange(safeReload);
  await reload();
  const timer = setInterval(safeReload, options.refreshEveryMs ?? 5000);
  timer.unref();

  return {
    reload,
    async watching(tickers) {
      const matched = new Map<string, { list: WatchlistMeta; matched: string[] }>();
      for (const t of new Set(tickers.map((x) => x.toUpperCase()))) {
        for (const list of byTicker.get(t) ?? []) {
          const entry = matched.get(list.id) ?? { list, matched: [] };
          entry.matched.push(t);
          matched.set(list.id, entry);
        }
      }
      return [...matched.values()].sort((a, b) => a.list.id.localeCompare(b.list.id));
    },
    async close() {
      clearInterval(timer);
      await unsubscribe();
    },
  };
}
