// Watchlists live in Redis so every process sees an admin's edit at once; they are seeded from config on first start.
//
// Layout under `prefix`:
//   {p}:wl:ids                 set of watchlist ids
//   {p}:wl:{id}                hash: guild, name, destination, minImportance
//   {p}:wl:{id}:tickers        set of tickers
//   {p}:wl:by-ticker:{T}       set of watchlist ids watching ticker T (routing index)
//   {p}:wl:seeded              marker: config seed applied
// Every change publishes on {p}:wl:changed so the stream role can follow within a second.
import type { Redis } from 'ioredis';

export interface Watchlist {
  id: string;
  guild: string;
  name: string;
  /** Destination id (a configured sink, later a Discord channel). */
  destination: string;
  /** Alerts below this importance are not sent to this watchlist's destination. */
  minImportance: number;
  tickers: string[];
}

export type WatchlistMeta = Omit<Watchlist, 'tickers'>;

export interface WatchlistStore {
  upsert(list: Watchlist): Promise<void>;
  addTickers(id: string, tickers: readonly string[]): Promise<void>;
  removeTickers(id: string, tickers: readonly string[]): Promise<void>;
  remove(id: string): Promise<void>;
  get(id: string): Promise<Watchlist | null>;
  list(guild?: string): Promise<Watchlist[]>;
  /** Watchlists that contain any of the tickers, with the tickers each one matched. */
  watching(tickers: readonly string[]): Promise<Array<{ list: WatchlistMeta; matched: string[] }>>;
  /** Union of every watchlist's tickers. */
  allTickers(): Promise<string[]>;
  /** Seeds from configuration once per Redis database; later edits in Redis win. Returns whether it seeded. */
  seedOnce(lists: readonly Watchlist[]): Promise<boolean>;
  /** Calls `listener` after any change by any process. Returns an unsubscribe function. */
  onChange(listener: () => void): Promise<() => Promise<void>>;
}

const upper = (tickers: readonly string[]): string[] => [...new Set(tickers.map((t) => t.trim().toUpperCase()).filter(Boolean))];

export function createRedisWatchlistStore(redis: Redis, prefix: string): WatchlistStore {
  const k = {
    ids: `${prefix}:wl:ids`,
    meta: (id: string) => `${prefix}:wl:${id}`,
    tickers: (id: string) => `${prefix}:wl:${id}:tickers`,
    byTicker: (t: string) => `${prefix}:wl:by-ticker:${t}`,
    seeded: `${prefix}:wl:seeded`,
    channel: `${prefix}:wl:changed`,
  };

  const readMeta = async (id: string): Promise<WatchlistMeta | null> => {
    const h = await redis.hgetall(k.meta(id));
    if (!h.guild) return null;
    return { id, guild: h.guild, name: h.name ?? id, destination: h.destination ?? '', minImportance: Number(h.minImportance ?? 0) };
  };

  const store: WatchlistStore = {
    async upsert(list) {
      const tickers = upper(list.tickers);
      const previous = await redis.smembers(k.tickers(list.id));
      const tx = redis.multi();
      tx.sadd(k.ids, list.id);
      tx.hset(k.meta(list.id), {
        guild: list.guild,
        name: list.name,
        destination: list.destination,
        minImportance: String(list.minImportance),
      });
      for (const t of previous) if (!tickers.includes(t)) tx.srem(k.byTicker(t), list.id);
      tx.del(k.tickers(list.id));
      if (tickers.length > 0) tx.sadd(k.tickers(list.id), ...tickers);
      for (const t of tickers) tx.sadd(k.byTicker(t), list.id);
      tx.publish(k.channel, list.id);
      await tx.exec();
    },
    async addTickers(id, tickers) {
      const ts = upper(tickers);
      if (ts.length === 0) return;
      const tx = redis.multi().sadd(k.tickers(id), ...ts);
      for (const t of ts) tx.sadd(k.byTicker(t), id);
      await tx.publish(k.channel, id).exec();
    },
    async removeTickers(id, tickers) {
      const ts = upper(tickers);
      if (ts.length === 0) return;
      const tx = redis.multi().srem(k.tickers(id), ...ts);
      for (const t of ts) tx.srem(k.byTicker(t), id);
      await tx.publish(k.channel, id).exec();
    },
    async remove(id) {
      const tickers = await redis.smembers(k.tickers(id));
      const tx = redis.multi().srem(k.ids, id).del(k.meta(id), k.tickers(id));
      for (const t of tickers) tx.srem(k.byTicker(t), id);
      await tx.publish(k.channel, id).exec();
    },
    async get(id) {
      const meta = await readMeta(id);
      if (!meta) return null;
      const tickers = (await redis.smembers(k.tickers(id))).sort();
      return { ...meta, tickers };
    },
    async list(guild) {
      const ids = (await redis.smembers(k.ids)).sort();
      const lists = await Promise.all(ids.map((id) => store.get(id)));
      return lists.filter((l): l is Watchlist => l !== null && (guild === undefined || l.guild === guild));
    },
    async watching(tickers) {
      const ts = upper(tickers);
      if (ts.length === 0) return [];
      const pipe = redis.pipeline();
      for (const t of ts) pipe.smembers(k.byTicker(t));
      const replies = (await pipe.exec()) ?? [];
      const matched = new Map<string, string[]>();
      replies.forEach(([err, ids], i) => {
        if (err) throw err;
        for (const id of ids as string[]) matched.set(id, [...(matched.get(id) ?? []), ts[i] as string]);
      });
      const out: Array<{ list: WatchlistMeta; matched: string[] }> = [];
      for (const [id, m] of [...matched].sort(([a], [b]) => a.localeCompare(b))) {
        const meta = await readMeta(id);
        if (meta) out.push({ list: meta, matched: m });
      }
      return out;
    },
    async allTickers() {
      const ids = await redis.smembers(k.ids);
      if (ids.length === 0) return [];
      return (await redis.sunion(...ids.map(k.tickers))).sort();
    },
    async seedOnce(lists) {
      const first = await redis.set(k.seeded, new Date().toISOString(), 'NX');
      if (first !== 'OK') return false;
      for (const list of lists) await store.upsert(list);
      return true;
    },
    async onChange(listener) {
      const sub = redis.duplicate();
      sub.on('error', () => undefined); // reconnects on its own; the periodic reconcile covers the gap
      await sub.subscribe(k.channel);
      sub.on('message', () => listener());
      return async () => {
        await sub.unsubscribe(k.channel).catch(() => undefined);
        sub.disconnect();
      };
    },
  };
  return store;
}
