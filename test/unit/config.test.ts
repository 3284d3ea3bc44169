import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, maskSecrets } from '../../src/config/load.js';
import { fromJobId, newsJobId, toJobId } from '../../src/pipeline/contracts.js';

describe('configuration', () => {
  it('loads the checked-in defaults', () => {
    const config = loadConfig({ env: {} });
    expect(config.redis.prefix).toBe('squawk');
    expect(config.feeds.length).toBeGreaterThan(0);
    expect(config.roles).toContain('pipeline');
  });

  it('takes secrets and deployment settings from the environment and masks them', () => {
    const config = loadConfig({
      env: { REDIS_URL: 'redis://user:hunter2@db:6380', DISCORD_TOKEN: 'tok-123', FINNHUB_API_KEY: 'fk', SQUAWK_ROLES: 'poll,deliver' },
    });
    expect(config.redis.url).toBe('redis://user:hunter2@db:6380');
    expect(config.discord.token).toBe('tok-123');
    expect(config.roles).toEqual(['poll', 'deliver']);
    const printed = JSON.stringify(maskSecrets(config));
    expect(printed).not.toContain('hunter2');
    expect(printed).not.toContain('tok-123');
    expect(printed).not.toContain('"fk"');
  });

  it('names the key and the allowed values of a bad setting', () => {
    const fail = (env: Record<string, string>, overrides?: Record<string, unknown>): string => {
      try {
        loadConfig({ env, ...(overrides ? { overrides } : {}) });
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(fail({ MARKET_PROVIDER: 'bloomberg' })).toMatch(/market\.provider: "bloomberg" is not allowed; allowed: finnhub, alpaca, polygon, none/);
    expect(fail({ SQUAWK_ROLES: 'poll,cook' })).toMatch(/roles\.1/);
    expect(fail({ REDIS_URL: 'localhost:6379' })).toMatch(/redis\.url: a redis:\/\/ or rediss:\/\/ URL/);
    expect(fail({}, { watchlists: [{ id: 'x', guild: 'g', name: 'n', destination: 'nowhere' }] })).toMatch(
      /watchlists\.0\.destination: unknown destination "nowhere"/,
    );
    expect(fail({}, { pipeline: { concurrency: 0 } })).toMatch(/pipeline\.concurrency/);
    expect(fail({}, { pipline: {} })).toMatch(/unknown key\(s\) pipline/);
  });
});

describe('job ids', () => {
  it('keep ":" out of BullMQ job ids, reversibly', () => {
    const id = newsJobId('sec-8k', 'https://www.sec.gov/x?a=1%3A2');
    expect(id).not.toContain(':');
    expect(fromJobId(id)).toBe('sec-8k:https://www.sec.gov/x?a=1%3A2');
    expect(fromJobId(toJobId('a%3Ab:c'))).toBe('a%3Ab:c');
  });
});
