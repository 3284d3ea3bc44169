// Per-host politeness for feed fetches: at most N requests in flight to one host, and a minimum spacing between
// the starts of two requests to it (the SEC allows 10 requests/second per user).
//
// The limit is per process. Each feed is polled once per interval by exactly one poller (one BullMQ job scheduler
// per feed), so the total load on a host is bounded by its feeds' intervals no matter how many pollers run; the
// per-process limit only keeps one poller from bursting. Hosts never wait for each other: each has its own queue.
import type { HostLimit } from '../config/feeds-schema.js';

export interface HostLimiter {
  /** Runs `task` when `url`'s host has a free slot and its spacing has passed. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
  /** Requests in flight and waiting, per host; for metrics and tests. */
  stats(): Record<string, { active: number; waiting: number }>;
}

export interface HostLimiterSettings {
  default: HostLimit;
  hosts: Record<string, HostLimit>;
}

interface HostState {
  limit: HostLimit;
  active: number;
  lastStart: number;
  waiting: Array<() => void>;
  timer: NodeJS.Timeout | undefined;
}

/** The host key of a URL: `hostname` plus the port when it is not the default one. */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

export function createHostLimiter(settings: HostLimiterSettings, now: () => number = Date.now): HostLimiter {
  // One entry per host ever fetched; bounded by the configured feeds, and kept so spacing survives idle periods.
  const hosts = new Map<string, HostState>();

  const stateFor = (key: string): HostState => {
    let state = hosts.get(key);
    if (state === undefined) {
      const hostname = key.replace(/:\d+$/, '');
      const limit = settings.hosts[key] ?? settings.hosts[hostname] ?? settings.default;
      state = { limit, active: 0, lastStart: Number.NEGATIVE_INFINITY, waiting: [], timer: undefined };
      hosts.set(key, state);
    }
    return state;
  };

  const pump = (key: string, state: HostState): void => {
    while (state.active < state.limit.concurrency && state.waiting.length > 0) {
      const wait = state.lastStart + state.limit.minSpacingMs - now();
      if (wait > 0) {
        if (state.timer === undefined) {
          state.timer = setTimeout(() => {
            state.timer = undefined;
            pump(key, state);
          }, wait);
        }
        return;
      }
      const start = state.waiting.shift();
      state.active += 1;
      state.lastStart = now();
      start?.();
    }
  };

  return {
    async run<T>(url: string, task: () => Promise<T>): Promise<T> {
      const key = hostKey(url);
      const state = stateFor(key);
      await new Promise<void>((resolve) => {
        state.waiting.push(resolve);
        pump(key, state);
      });
      try {
        return await task();
      } finally {
        state.active -= 1;
        pump(key, state);
      }
    },
    stats() {
      return Object.fromEntries([...hosts].map(([key, s]) => [key, { active: s.active, waiting: s.waiting.length }]));
    },
  };
}
