import { describe, expect, it } from 'vitest';
import { classifyEvent } from '../../src/news/events.js';
import { noveltyOf, passesThreshold, scoreImportance, sourceCredibility } from '../../src/news/importance.js';

const base = { relevance: 90, event: classifyEvent('Intel cuts full-year revenue forecast'), sourceCredibility: 0.9, novelty: 1, sentiment: -0.8 };

describe('scoreImportance', () => {
  it('stays within 0..100 and grows with each factor', () => {
    const s = scoreImportance(base);
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThanOrEqual(100);
    expect(scoreImportance({ ...base, relevance: 30 })).toBeLessThan(s);
    expect(scoreImportance({ ...base, sourceCredibility: 0.4 })).toBeLessThan(s);
    expect(scoreImportance({ ...base, novelty: noveltyOf(3) })).toBeLessThan(s);
    expect(scoreImportance({ ...base, event: null })).toBeLessThan(s);
    expect(scoreImportance({ ...base, marketZ: 4 })).toBeGreaterThan(s);
  });

  it('puts a halt on the story subject near the top', () => {
    expect(scoreImportance({ ...base, event: classifyEvent('Trading halt, news pending'), sourceCredibility: 0.5 })).toBeGreaterThanOrEqual(90);
  });

  it('decays novelty 100, 75, 56 along a cluster', () => {
    expect([1, 2, 3].map((n) => Math.round(noveltyOf(n) * 100))).toEqual([100, 75, 56]);
  });

  it('rates sources by table, by contained name, and by default', () => {
    expect(sourceCredibility('sec')).toBe(1);
    expect(sourceCredibility('reuters-business')).toBe(0.9);
    expect(sourceCredibility('some-blog')).toBe(0.6);
    expect(sourceCredibility('mine', { mine: 0.3 })).toBe(0.3);
  });

  it('applies per-destination thresholds with a default', () => {
    const t = { default: 50, destinations: { vip: 80 } };
    expect(passesThreshold(60, 'general', t)).toBe(true);
    expect(passesThreshold(60, 'vip', t)).toBe(false);
  });
});
