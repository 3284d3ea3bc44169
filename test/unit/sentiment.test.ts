import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreSentiment, tokenize, scoreParts } from '../../src/news/sentiment.js';

const label = (text: string): string => scoreSentiment(text).label;

describe('direction-aware sentiment', () => {
  it.each([
    ['Operating profit rose to EUR 5.1 mn', 'positive'],
    ['Net sales decreased by 4 %', 'negative'],
    ['The operating loss narrowed to EUR 0.3 mn', 'positive'],
    ['Quarterly net loss widened', 'negative'],
    ['Costs fell 8 % in the quarter', 'positive'],
    ['Operating expenses increased 12 %', 'negative'],
    ['Company cut its full-year guidance', 'negative'],
    ['Analyst lowered the price target on the shares', 'negative'],
    ['Broker raised its price target', 'positive'],
    ['Earnings missed estimates', 'negative'],
    ['Revenue beat expectations', 'positive'],
    ['Company to cut 500 jobs', 'negative'],
    ['The company swung to a net loss in the second quarter', 'negative'],
    ['The group returned to profit', 'positive'],
    ['Sales did not increase in the period', 'negative'],
    ['Rivian shares rise after losses narrow', 'positive'],
    ['Snap shares crater 30% on weak guidance', 'negative'],
  ])('%s -> %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('reads figures set against earlier figures', () => {
    expect(label('Operating profit was EUR 9.4 mn ( EUR 11.7 mn ) .')).toBe('negative');
    expect(label('Net sales totalled EUR 50.2 mn , compared with EUR 41.0 mn a year earlier .')).toBe('positive');
    expect(label('Pretax loss totalled EUR 6.5 mn , compared to a profit of EUR 0.3 mn in 2008 .')).toBe('negative');
    expect(label('The net loss was EUR 2.0 mn , compared with EUR 7.4 mn a year ago .')).toBe('positive');
  });

  it('reads a guidance range as its midpoint and a tolerance as no figure', () => {
    expect(label('Delta Air Lines Lowers Q1 Adj. EPS Guidance To $0.70-$1.00 From $1.00-$1.50')).toBe('negative');
    expect(label('Broadcom Sees Q1 Revenue $14.6B +/- $200M vs $14.58B Est')).toBe('positive');
    expect(tokenize('sees margin of 17%-18% in 2024-2025').filter((t) => t.value !== undefined).map((t) => t.value)).toEqual([17.5]);
  });

  it('does not compare a figure with its currency conversion or with a year', () => {
    const parts = scoreParts(tokenize('The company won a EUR 1.2 mn ( USD 1.6 mn ) contract in 2010 from a customer it served since 2004'));
    expect(parts.movement).toBe(0);
  });

  it('keeps company boilerplate neutral', () => {
    expect(label('The company designs , manufactures and markets composite products for industrial applications .')).toBe('neutral');
    expect(label('Microsoft to report fiscal fourth-quarter results on July 30')).toBe('neutral');
  });

  it('returns a score in -1..1 whose sign matches the label', () => {
    for (const text of ['Profit soared 80 %', 'Sales collapsed and the company warned of weak demand', 'Meeting on Tuesday']) {
      const s = scoreSentiment(text);
      expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
      if (s.label === 'positive') expect(s.score).toBeGreaterThan(0);
      if (s.label === 'negative') expect(s.score).toBeLessThan(0);
    }
  });

  it('labels most of the project headline set correctly on headlines alone', () => {
    const rows = readFileSync(new URL('../fixtures/sentiment/headlines.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { title: string; label: string });
    const correct = rows.filter((r) => label(r.title) === r.label).length;
    expect(correct / rows.length).toBeGreaterThanOrEqual(0.75);
  });
});
