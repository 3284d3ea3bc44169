import { describe, expect, it } from 'vitest';
import { alertIdFor, decide, type DecideInput, type ScoredTicker } from '../../src/alerts/decision.js';
import type { Story } from '../../src/news/types.js';

const now = new Date('2026-11-24T15:00:00Z');
const story: Story = {
  id: 'benzinga:abc',
  source: 'benzinga',
  itemKey: 'abc',
  title: 'Alibaba Group Holding Ltd BABA shares fall after earnings miss',
  summary: '',
  body: '',
  url: 'https://example.com/a',
  publishedAt: '2026-11-24T14:58:00Z',
  sourceTickers: [],
  categories: [],
};
const ticker = (symbol: string, over: Partial<ScoredTicker> = {}): ScoredTicker => ({
  symbol,
  primary: true,
  relevance: 90,
  importance: 70,
  sentiment: { label: 'negative', score: -0.6 },
  ...over,
});
const input = (over: Partial<DecideInput> = {}): DecideInput => ({
  story,
  scores: { tickers: [ticker('BABA')], event: 'earnings-miss', sentiment: { label: 'negative', score: -0.6 }, importance: 70 },
  duplicateOf: null,
  cluster: { clusterId: 'c1', isNew: true, size: 1, sources: ['benzinga'] },
  watchers: [{ list: { id: 'w1', destination: 'console', minImportance: 50 }, matched: ['BABA'] }],
  now,
  maxStoryAgeMinutes: 60,
  ...over,
});

describe('decide', () => {
  it('alerts a watched primary ticker above the threshold, with a stable alert id', () => {
    const d = decide(input());
    expect(d.outcome).toBe('alerted');
    expect(d.routes).toEqual([{ destination: 'console', matched: ['BABA'] }]);
    expect(d.alertId).toBe(alertIdFor(story.id));
    expect(d.reasons[0]).toContain('w1');
  });

  it('merges several watchlists pointing at one destination into one route', () => {
    const d = decide(
      input({
        scores: { tickers: [ticker('BABA'), ticker('JD')], event: null, sentiment: { label: 'neutral', score: 0 }, importance: 70 },
        watchers: [
          { list: { id: 'w1', destination: 'console', minImportance: 0 }, matched: ['BABA'] },
          { list: { id: 'w2', destination: 'console', minImportance: 0 }, matched: ['JD'] },
          { list: { id: 'w3', destination: 'file', minImportance: 0 }, matched: ['JD'] },
        ],
      }),
    );
    expect(d.routes).toEqual([
      { destination: 'console', matched: ['BABA', 'JD'] },
      { destination: 'file', matched: ['JD'] },
    ]);
  });

  it('records why a story did not alert', () => {
    expect(decide(input({ duplicateOf: 'prn:1' })).outcome).toBe('duplicate');
    expect(decide(input({ cluster: { clusterId: 'c0', isNew: false, size: 3, sources: ['a', 'b'] } })).outcome).toBe('clustered');
    expect(decide(input({ watchers: [] })).outcome).toBe('not-watched');
    const below = decide(input({ watchers: [{ list: { id: 'w1', destination: 'console', minImportance: 80 }, matched: ['BABA'] }] }));
    expect(below.outcome).toBe('below-threshold');
    expect(below.reasons[0]).toMatch(/70 below its threshold 80/);
    const old = decide(input({ story: { ...story, publishedAt: '2026-11-24T10:00:00Z' } }));
    expect(old.outcome).toBe('too-old');
  });

  it('does not route on passing mentions', () => {
    const d = decide(
      input({
        scores: { tickers: [ticker('SPY', { primary: false, relevance: 20 })], event: null, sentiment: { label: 'neutral', score: 0 }, importance: 10 },
        watchers: [{ list: { id: 'w1', destination: 'console', minImportance: 0 }, matched: ['SPY'] }],
      }),
    );
    expect(d.outcome).toBe('no-tickers');
    expect(d.reasons[0]).toContain('SPY');
  });

  it('gives different stories different alert ids', () => {
    expect(alertIdFor('a:1')).not.toBe(alertIdFor('a:2'));
    expect(alertIdFor('a:1')).toMatch(/^a[0-9a-z]+$/);
  });
});

describe('destination thresholds', () => {
  it('apply on top of a watchlist threshold', () => {
    const d = decide(input({ destinationThreshold: (dest) => (dest === 'console' ? 75 : 0) }));
    expect(d.outcome).toBe('below-threshold');
    expect(d.reasons[0]).toMatch(/70 below its threshold 75/);
    expect(decide(input({ destinationThreshold: () => 10 })).outcome).toBe('alerted');
  });
});
