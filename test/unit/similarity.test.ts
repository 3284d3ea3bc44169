import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareStories, contentWords, extractNumbers, jaccard, meaningSimilarity, numbersAgree, stripTitleDecoration, trigramSet, wordSet, type Fingerprint } from '../../src/news/similarity.js';
import { parseWordVectors } from '../../src/news/word-vectors.js';
import { defaultWordVectorsPath, loadWordVectors } from '../../src/stores/word-vectors-file.js';

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
    // Four significant figures: two dividends a twentieth of a cent apart are two different dividends.
    expect(extractNumbers('raises monthly dividend to $0.2690')).not.toEqual(extractNumbers('raises monthly dividend to $0.2695'));
    // Counts are one kind, written out or not: 2 million vehicles and 120,000 vehicles conflict.
    expect(numbersAgree(extractNumbers('recalls 2 million vehicles'), extractNumbers('recalls 120,000 vehicles'))).toBe(false);
    // Desk prefixes are not figures.
    expect(extractNumbers(stripTitleDecoration('UPDATE 2-Disney to cut 7,000 jobs - Reuters'))).toEqual(['n:7000']);
  });

  it('aligns content words by meaning through word vectors', () => {
    const vectors = loadWordVectors();
    expect(vectors.cosine('slides', 'falls')).toBeGreaterThan(vectors.cosine('slides', 'dividend'));
    expect(vectors.cosine('nosuchwordxyz', 'falls')).toBe(0);
    const a = contentWords('exxon to cut 2,000 jobs globally', (w) => w === 'exxon');
    expect(a).toEqual(['cut', '2,000', 'jobs', 'globally']);
    const b = contentWords('exxon mobil corp xom to eliminate about 2,000 positions worldwide', (w) => ['exxon', 'mobil', 'xom'].includes(w));
    expect(meaningSimilarity(a, b, vectors)).toBeGreaterThan(meaningSimilarity(a, b));
    expect(meaningSimilarity(a, a)).toBe(1);
    expect(meaningSimilarity(a, [])).toBe(0);
  });

  it('rejects a file that is not a word-vector file, with a clear error', () => {
    expect(() => parseWordVectors(new TextEncoder().encode('not vectors at all, just text'))).toThrow(/not a word-vector file/);
    const good = readFileSync(defaultWordVectorsPath());
    expect(() => parseWordVectors(good.subarray(0, good.length - 7))).toThrow(/expected \d+ bytes/);
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
