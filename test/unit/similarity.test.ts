import { describe, expect, it } from 'vitest';
import { compareStories, extractNumbers, jaccard, numbersAgree, trigramSet, wordSet, type Fingerprint } from '../../src/news/similarity.js';

const fp = (title: string, over: Partial<Fingerprint> = {}): Fingerprint => ({
  tickers: ['BABA'],
  words: wordSet(title),
  grams: trigramSet(title.toLowerCase()),
  lead: [],
  direction: 'none',
  numbers: extractNumbers(title),
  event: null,
  ...over,
});

describe('similarity', () => {
  it('extracts typed figures and ignores years', () => {
    expect(extractNumbers('Apple announces $90 billion buyback in 2024')).toEqual(['amt:90000000000']);
    expect(extractNumbers('Profit rises 35% in Q3')).toEqual(['pct:35', 'q:3']);
    expect(extractNumbers('Disney to cut 7,000 jobs in third quarter')).toEqual(['n:7000', 'q:3']);
    expect(extractNumbers('$1.2B deal')).toEqual(extractNumbers('$1.2 billion deal'));
  });

  it('finds figures in conflict only when both sides state one of a kind', () => {
    expect(numbersAgree(['pct:35'], ['pct:6'])).toBe(false);
    expect(numbersAgree(['pct:35'], [])).toBe(true);
    // A rewrite may leave a figure out, but not state a different one.
    expect(numbersAgree(['n:1', 'n:50'], ['n:1', 'n:10'])).toBe(false);
    expect(numbersAgree(['amt:1.64', 'amt:94900000000'], ['amt:1.64'])).toBe(true);
    expect(numbersAgree(['pct:35', 'q:3'], ['q:3'])).toBe(true);
  });

  it('computes Jaccard on sorted sets', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBeCloseTo(0.5);
    expect(jaccard([], [])).toBe(0);
  });

  it('folds headline synonyms', () => {
    expect(wordSet('Exxon agrees to buy Pioneer')).toEqual(wordSet('Exxon to acquire Pioneer'));
  });

  it('merges rewrites of one story', () => {
    const v = compareStories(fp('Alibaba shares jump after earnings beat estimates', { direction: 'up' }), fp('Alibaba Stock Jumps After Q3 Earnings Beat Estimates - Reuters', { direction: 'up' }));
    expect(v.duplicate).toBe(true);
  });

  it('never merges opposite directions, conflicting figures or events', () => {
    const a = fp('Alibaba shares jump after earnings beat estimates', { direction: 'up' });
    expect(compareStories(a, fp('Alibaba shares fall after earnings miss estimates', { direction: 'down' }))).toMatchObject({ duplicate: false, reason: 'direction' });
    expect(compareStories(fp('Alibaba profit rises 35%'), fp('Alibaba profit rises 6%'))).toMatchObject({ duplicate: false, reason: 'numbers' });
    expect(compareStories(fp('Alibaba deal news', { event: 'merger_acquisition', eventDetail: 'agreed' }), fp('Alibaba deal news', { event: 'merger_acquisition', eventDetail: 'completed' }))).toMatchObject({ duplicate: false, reason: 'event' });
    expect(compareStories(fp('Alibaba shares jump'), fp('Alibaba shares jump', { tickers: ['JD'] }))).toMatchObject({ duplicate: false, reason: 'tickers' });
  });

  it('lets leads carry a pair whose titles differ more', () => {
    const lead = wordSet('Alibaba Group said it would reorganize into six separately run business groups able to raise outside funding');
    const a = fp('Alibaba to split into six business groups', { lead });
    const b = fp('Alibaba reorganizes into six groups, may list units', { lead });
    expect(compareStories(a, { ...b, lead: [] }).duplicate).toBe(false);
    expect(compareStories(a, b).duplicate).toBe(true);
  });
});
