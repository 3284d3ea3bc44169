// Leader lock: one holder, compare-and-delete/extend, failover when the holder's connection dies.
import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createRedisLeaderLock } from '../../src/stores/leader-lock.js';
import { connectRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Redis leader lock', () => {
  const conns: Redis[] = [];
  let prefix = '';
  const conn = (): Redis => {
    const c = connectRedis();
    conns.push(c);
    return c;
  };
  afterEach(async () => {
    const admin = connectRedis();
    await deletePrefix(admin, prefix);
    admin.disconnect();
    for (const c of conns.splice(0)) c.disconnect();
  });

  it('lets exactly one contender hold the lock and hands it over on release', async () => {
    prefix = uniquePrefix('lock');
    const a = createRedisLeaderLock(conn(), `${prefix}:x`, { ttlMs: 2_000, renewEveryMs: 200 });
    const b = createRedisLeaderLock(conn(), `${prefix}:x`, { ttlMs: 2_000, renewEveryMs: 200 });
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    expect(await a.tryAcquire()).toBe(true); // renewal
    await a.stop();
    expect(a.isLeader).toBe(false);
    expect(await b.tryAcquire()).toBe(true);
    await b.stop();
  });

  it('never extends or deletes a lock that now belongs to someone else', async () => {
    prefix = uniquePrefix('lock');
    const redis = conn();
    const a = createRedisLeaderLock(redis, `${prefix}:x`, { ttlMs: 300, renewEveryMs: 100 });
    const lost: string[] = [];
    a.on('lost', () => lost.push('a'));
    expect(await a.tryAcquire()).toBe(true);
    await redis.set(`${prefix}:x`, 'someone-else', 'PX', 5_000); // a paused past its TTL and b took over
    expect(await a.tryAcquire()).toBe(false);
    expect(lost).toEqual(['a']);
    await a.stop();
    expect(await redis.get(`${prefix}:x`)).toBe('someone-else');
  });

  it('fails over to the other contender when the holder dies', async () => {
    prefix = uniquePrefix('lock');
    const holderConn = conn();
    const a = createRedisLeaderLock(holderConn, `${prefix}:x`, { ttlMs: 600, renewEveryMs: 100 });
    const b = createRedisLeaderLock(conn(), `${prefix}:x`, { ttlMs: 600, renewEveryMs: 100 });
    const events: string[] = [];
    a.on('acquired', () => events.push('a+'));
    b.on('acquired', () => events.push('b+'));
    a.on('error', () => undefined);
    a.start();
    await waitFor(() => a.isLeader, 'a to lead');
    b.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(b.isLeader).toBe(false);
    holderConn.disconnect(); // the holder's process dies: no more renewals
    await waitFor(() => b.isLeader, 'b to take over');
    expect(events).toEqual(['a+', 'b+']);
    await a.stop();
    await b.stop();
  });
});
