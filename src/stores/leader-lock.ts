// A leader lock in Redis: one holder at a time per key (SET NX PX), renewed by its holder with a compare-and-extend
// script and released with compare-and-delete, so a process that paused past the TTL can never extend or delete a
// lock someone else now holds. When the holder dies, the key expires and another contender takes over within
// about ttlMs + renewEveryMs.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface LeaderLock {
  readonly key: string;
  readonly isLeader: boolean;
  /** Starts contending: tries now and every `renewEveryMs`, renewing while held. */
  start(): void;
  /** Stops contending and releases the lock if held. */
  stop(): Promise<void>;
  /** One attempt to take or keep the lock; returns whether this instance holds it afterwards. */
  tryAcquire(): Promise<boolean>;
  on(event: 'acquired' | 'lost', listener: () => void): () => void;
  on(event: 'error', listener: (error: Error) => void): () => void;
}

export interface LeaderLockOptions {
  ttlMs: number;
  renewEveryMs: number;
  /** Identifies this holder in the key's value (a random suffix is added). */
  holder?: string;
}

const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function createRedisLeaderLock(redis: Redis, key: string, options: LeaderLockOptions): LeaderLock {
  if (options.renewEveryMs >= options.ttlMs) throw new RangeError('renewEveryMs must be shorter than ttlMs');
  const token = `${options.holder ?? `pid-${process.pid}`}:${randomBytes(6).toString('hex')}`;
  let leader = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<boolean> | null = null;
  /** Local deadline: if renewals keep failing (Redis unreachable), stop acting as leader before the TTL runs out. */
  let heldUntil = 0;
  const listeners = { acquired: [] as Array<() => void>, lost: [] as Array<() => void>, error: [] as Array<(e: Error) => void> };

  const setLeader = (value: boolean): void => {
    if (value === leader) return;
    leader = value;
    for (const l of [...(value ? listeners.acquired : listeners.lost)]) l();
  };

  const attempt = async (): Promise<boolean> => {
    const started = Date.now();
    try {
      if (leader) {
        const extended = await redis.eval(EXTEND, 1, key, token, String(options.ttlMs));
        if (extended === 1) {
          heldUntil = started + options.ttlMs;
          return true;
        }
        setLeader(false);
        return false;
      }
      const ok = await redis.set(key, token, 'PX', options.ttlMs, 'NX');
      if (ok === 'OK') {
        heldUntil = started + options.ttlMs;
        setLeader(true);
        return true;
      }
      return false;
    } catch (err) {
      for (const l of [...listeners.error]) l(err as Error);
      if (leader && Date.now() >= heldUntil - options.renewEveryMs) setLeader(false);
      return leader;
    }
  };

  const lock: LeaderLock = {
    key,
    get isLeader() {
      return leader;
    },
    tryAcquire() {
      if (!running) {
        running = attempt().finally(() => {
          running = null;
        });
      }
      return running;
    },
    start() {
      if (timer) return;
      void lock.tryAcquire();
      timer = setInterval(() => void lock.tryAcquire(), options.renewEveryMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running;
      if (!leader) return;
      try {
        await redis.eval(RELEASE, 1, key, token);
      } catch (err) {
        for (const l of [...listeners.error]) l(err as Error);
      }
      setLeader(false);
    },
    on(event: 'acquired' | 'lost' | 'error', listener: ((e: Error) => void) | (() => void)) {
      const list = listeners[event] as Array<typeof listener>;
      list.push(listener);
      return () => {
        const i = list.indexOf(listener);
        if (i >= 0) list.splice(i, 1);
      };
    },
  };
  return lock;
}
