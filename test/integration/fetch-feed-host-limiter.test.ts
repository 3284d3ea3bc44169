// The per-host limiter that fetches go through: concurrency, spacing, and independence of hosts.
import { describe, expect, it } from 'vitest';
import { createHostLimiter, hostKey } from '../../src/sources/host-limiter.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('host limiter', () => {
  it('keys hosts by host and non-default port', () => {
    expect(hostKey('https://WWW.SEC.GOV/cgi-bin/x')).toBe('www.sec.gov');
    expect(hostKey('http://127.0.0.1:8080/feeds/a')).toBe('127.0.0.1:8080');
    expect(hostKey('http://example.com:80/')).toBe('example.com');
  });

  it('runs at most `concurrency` tasks per host and starts the next when one ends', async () => {
    const limiter = createHostLimiter({ default: { concurrency: 2, minSpacingMs: 0 }, hosts: {} });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run('http://a.test/feed', async () => {
        started.push(i);
        await gate.promise;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(limiter.stats()['a.test']).toEqual({ active: 2, waiting: 1 });
    gates[1]!.resolve();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(limiter.stats()['a.test']).toEqual({ active: 0, waiting: 0 });
  });

  it('never makes one host wait for another', async () => {
    const limiter = createHostLimiter({ default: { concurrency: 1, minSpacingMs: 0 }, hosts: {} });
    const blocked = deferred();
    const slow = limiter.run('http://slow.test/feed', () => blocked.promise);
    const fast = await limiter.run('http://fast.test/feed', async () => 'done');
    expect(fast).toBe('done');
    expect(limiter.stats()['slow.test']?.active).toBe(1);
    blocked.resolve();
    await slow;
  });

  it('spaces request starts per host as configured, also after the host was idle', async () => {
    const limiter = createHostLimiter({ default: { concurrency: 1, minSpacingMs: 0 }, hosts: { 'www.sec.gov': { concurrency: 4, minSpacingMs: 60 } } });
    const starts: number[] = [];
    await Promise.all(
      [0, 1, 2].map(() =>
        limiter.run('https://www.sec.gov/cgi-bin/browse-edgar', async () => {
          starts.push(performance.now());
        }),
      ),
    );
    await limiter.run('https://www.sec.gov/x', async () => {
      starts.push(performance.now());
    });
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(55);
  });

  it('releases the slot when a task throws', async () => {
    const limiter = createHostLimiter({ default: { concurrency: 1, minSpacingMs: 0 }, hosts: {} });
    await expect(limiter.run('http://a.test/', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run('http://a.test/', async () => 1)).toBe(1);
  });
});
