import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareStories, contentWords, extractNumbers, jaccard, meaningSimilarity, numbersAgree, stockMove, stripTitleDecoration, trigramSet, wordSet, type Fingerprint } from '../../src/news/similarity.js';
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
    expect(extractNumbers('Profit rises 35% in Q3')).toEqual(['chg:35', 'q:3']);
    // A change is another quantity than a stake: "shares soar 250%" does not contradict "takes 70% stake".
    expect(extractNumbers('Fubo shares soar 250% after Disney takes 70% stake')).toEqual(['chg:250', 'pct:70']);
    expect(numbersAgree(extractNumbers('Fubo shares soar 250%'), extractNumbers('Disney takes 70% stake in Fubo'))).toBe(true);
    expect(numbersAgree(extractNumbers('Fubo shares soar 250%'), extractNumbers('Fubo shares jump 25%'))).toBe(false);
    // A deal-sized figure rounded to one digit within 1% is the same figure.
    expect(numbersAgree(extractNumbers('Exxon to buy Pioneer for $59.5 billion'), extractNumbers('Exxon to acquire Pioneer in $60B deal'))).toBe(true);
    expect(numbersAgree(extractNumbers('to invest $100 billion'), extractNumbers('to invest $110 billion'))).toBe(false);
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

  it('reads figures as wires write them: units, currencies, ordinals, names that hold numbers', () => {
    expect(extractNumbers('Oracle sells $18 bln of bonds')).toEqual(['amt:18000000000']);
    expect(extractNumbers('raises dividend to 91 cents')).toEqual(['amt:0.91']);
    expect(extractNumbers('Alphabet raises 6.5 billion euros in bond sale')).toEqual(['fx:6500000000']);
    // Euros and pounds are compared with dollars only within a conversion factor; CIKs and jet models are names.
    expect(numbersAgree(extractNumbers('EU fines Meta 798 million euros'), extractNumbers('Meta hit with nearly $840 million EU penalty'))).toBe(true);
    expect(numbersAgree(extractNumbers('Alphabet sells $17.5 billion of bonds'), extractNumbers('Alphabet raises 6.5 billion euros in bond sale'))).toBe(false);
    expect(extractNumbers('8-K - AT&T INC. (0000732717) (Filer)')).toEqual([]);
    expect(extractNumbers('FAA grounds some Boeing 737 Max 9 jets')).toEqual([]);
    // A change "by $2 billion" is another quantity than the level it reaches.
    expect(numbersAgree(extractNumbers('Diamondback boosts buyback authorization by $2 billion'), extractNumbers('Diamondback Increases Repurchase Authorization To $6.0B From $4.0B'))).toBe(true);
    expect(numbersAgree(extractNumbers('Diamondback boosts buyback authorization to $8 billion'), extractNumbers('Diamondback Increases Repurchase Authorization To $6.0B From $4.0B'))).toBe(false);
    expect(extractNumbers('Realty Income declares 664th consecutive monthly dividend')).toEqual(['ord:664']);
    // Index, model and product names are not figures; neither are digits glued to a word.
    expect(extractNumbers('S&P 500 futures slip; Tesla recalls Model 3 cars; Nvidia H200 and FY26 outlook')).toEqual([]);
    expect(extractNumbers('Target Q3 comps -2.7%')).toEqual(['pct:2.7', 'q:3']);
    // What a figure was is not the story's figure.
    expect(extractNumbers('Realty Income Raises Monthly Dividend To $0.2690/Shr From $0.2685')).toEqual(['amt:0.269']);
  });

  it('takes a hedged round figure as the precise one, and a bare round figure as exact', () => {
    const agree = (a: string, b: string): boolean => numbersAgree(extractNumbers(a), extractNumbers(b));
    expect(agree('recalls over 1.4 million vehicles', 'recall covering 1,448,655 vehicles')).toBe(true);
    expect(agree('buys nearly $1 billion of bitcoin', 'adds bitcoin for $962.7M')).toBe(true);
    expect(agree('recalls nearly 13,000 vehicles', 'recalls 12,963 vehicles')).toBe(true);
    expect(agree('announces $110 billion buyback', 'announces $100 billion buyback')).toBe(false);
    expect(agree('forecasts revenue of about $5 billion', 'forecasts revenue of about $5.35 billion')).toBe(false);
    // A hedge says which side the precise figure lies on.
    expect(agree('to lay off nearly 1,000 employees', 'to eliminate 931 roles')).toBe(true);
    expect(agree('to lay off nearly 1,000 employees', 'to eliminate 1,040 roles')).toBe(false);
    expect(agree('recalls over 1.4 million vehicles', 'recalls 1,380,000 vehicles')).toBe(false);
    expect(agree('to invest up to $100 billion', 'to invest up to $10 billion')).toBe(false);
    expect(agree('cut about 2,500 jobs', 'cut 2,000 jobs')).toBe(false);
    expect(agree('declares 664th dividend', 'declares 665th dividend')).toBe(false);
    // A deal value and a per-share price are different quantities; two per-share prices are compared.
    expect(agree('Exxon to buy Pioneer in $59.5 billion deal', 'Exxon to acquire Pioneer for $253/share')).toBe(true);
    expect(agree('to acquire Pioneer for $253/share', 'to acquire Pioneer for $260/share')).toBe(false);
    // Word ordinals and weekdays tell two days' wraps apart.
    expect(agree('Wall St ends lower for third straight session', 'Wall St ends lower for fourth straight session')).toBe(false);
    expect(agree('Stocks close lower Friday', 'Stocks close lower Thursday')).toBe(false);
    expect(agree('Xpeng October deliveries', 'Xpeng November deliveries')).toBe(false);
    // "may" is a verb; a filing's form number is not a figure.
    expect(extractNumbers('Fed May Cut Rates in 8-K filing')).toEqual([]);
    // An unhedged figure rounded to two digits is the precise one; a one-digit one is exact.
    expect(agree('Matador to buy assets for $1.9 billion', 'Matador to acquire assets for about $1.905B')).toBe(true);
    expect(extractNumbers('third-quarter profit')).toEqual(['q:3']);
    // Percentages are rounded as readers round them; a range states both ends; an item number is not a figure.
    expect(agree('Scotiabank to buy 14.9% stake in KeyCorp', 'Bank of Nova Scotia to take ~15% stake')).toBe(true);
    expect(agree('to buy 14.9% stake', 'to take 15% stake')).toBe(true);
    expect(agree('to buy 14.9% stake', 'to take 20% stake')).toBe(false);
    expect(agree('raises quarterly dividend 5%', 'raises dividend 4.8% to $1.30')).toBe(true);
    expect(agree('raises quarterly dividend 5%', 'raises dividend 4.4% to $1.30')).toBe(false);
    expect(agree('to cut up to 7,000 jobs', 'sees net reduction of 5,800-7,000 positions')).toBe(true);
    expect(extractNumbers('8-K: Item 5.02 Departure of Directors')).toEqual([]);
    // Pounds of chicken are a weight, not sterling.
    expect(extractNumbers('recalls 30,000 pounds of chicken')).toEqual(['n:30000']);
    expect(extractNumbers('fined 30 million pounds')).toEqual(['fx:30000000']);
  });

  it('keeps near-twins apart when their outcomes, steps or market moves oppose', () => {
    const pfe = { tickers: ['PFE'] };
    const t = (a: string, b: string, over = pfe): boolean => compareStories(fp(a, { ...over, content: contentWords(a.toLowerCase()) }), fp(b, { ...over, content: contentWords(b.toLowerCase()) })).duplicate;
    expect(t('Pfizer obesity pill meets main goal in mid-stage trial', 'Pfizer obesity pill fails main goal in mid-stage trial')).toBe(false);
    expect(t('Judge grants Coinbase motion to dismiss lawsuit', 'Judge denies Coinbase motion to dismiss lawsuit')).toBe(false);
    expect(t('Judge rules for Meta in FTC antitrust case', 'Judge rules against Meta in FTC antitrust case')).toBe(false);
    expect(t('Tesla board proposes $1 trillion pay package for Musk', 'Tesla shareholders approve $1 trillion pay package for Musk')).toBe(false);
    expect(t('FTC sues Amazon over Prime sign-ups', 'Amazon to settle FTC lawsuit over Prime sign-ups')).toBe(false);
    expect(t('Nasdaq closes at record high while Dow slips', 'Dow closes at record high while Nasdaq slips', { tickers: [] })).toBe(false);
    expect(t('Wall Street closes higher as cooler inflation data lifts rate-cut hopes', 'Wall Street closes lower as hotter inflation data dents rate-cut hopes', { tickers: [] })).toBe(false);
    expect(t('Nasdaq, S&P 500 close at record highs as tech rally extends', 'Dow closes at record high as rotation out of tech deepens', { tickers: [] })).toBe(false);
    expect(t('Norfolk Southern shareholders back Ancora slate of board nominees', 'Norfolk Southern shareholders reject Ancora slate of board nominees')).toBe(false);
    // The same outcome in other words still folds.
    expect(t('Pfizer obesity pill fails main goal in mid-stage trial', 'Pfizer obesity pill misses main goal in mid-stage trial')).toBe(true);
  });

  it('reads which way the shares moved, and never folds opposite moves', () => {
    expect(stockMove('etsy shares jump as gross merchandise sales fall less than feared')).toBe('up');
    expect(stockMove('tesla stock falls 5% after deliveries miss')).toBe('down');
    expect(stockMove('stocks to watch this week')).toBeUndefined();
    const a = fp('Etsy shares jump as gross merchandise sales fall less than feared', { move: 'up' });
    const b = fp('Etsy shares slump as gross merchandise sales fall more than feared', { move: 'down' });
    expect(compareStories(a, b).duplicate).toBe(false);
  });

  it('keeps apart stories that each name a company the other does not', () => {
    expect(compareStories(fp('Baidu partners with Uber to deploy robotaxis', { tickers: ['BIDU', 'UBER'] }), fp('Baidu partners with Lyft to deploy robotaxis', { tickers: ['BIDU', 'LYFT'] })).duplicate).toBe(false);
    expect(compareStories(fp('Baidu partners with Uber to deploy robotaxis', { tickers: ['BIDU', 'UBER'] }), fp('Baidu partners with Uber to deploy robotaxis abroad', { tickers: ['BIDU'] })).duplicate).toBe(true);
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
