import { describe, expect, it } from 'vitest';
import { createAnalyzer, rescoreImportance } from '../../src/news/analyze.js';
import { loadSymbolDictionary } from '../../src/stores/dictionary-file.js';

const analyze = createAnalyzer({ dictionary: loadSymbolDictionary() });

describe('createAnalyzer', () => {
  it('scores a story end to end', () => {
    const a = analyze({ id: 's1', title: 'Alibaba (NYSE: BABA) shares jump after Q3 earnings beat estimates', source: 'reuters' });
    expect(a.id).toBe('s1');
    expect(a.tickers.map((t) => t.symbol)).toEqual(['BABA']);
    expect(a.tickers[0]?.primary).toBe(true);
    expect(a.event).toBe('earnings_beat');
    expect(a.sentiment.label).toBe('positive');
    expect(a.direction).toBe('up');
    expect(a.numbers).toEqual(['q:3']);
    expect(a.importance).toBe(a.tickers[0]?.importance);
    expect(a.importance).toBeGreaterThan(50);
  });

  it('reads direction from what moved: a cut forecast is down', () => {
    const a = analyze({ id: 's2', title: 'Intel cuts full-year revenue forecast', tickers: ['INTC'] });
    expect(a.event).toBe('guidance_cut');
    expect(a.sentiment.label).toBe('negative');
    expect(a.direction).toBe('down');
  });

  it('scores each company on the clauses that name it', () => {
    const a = analyze({
      id: 's3',
      title: 'Chinese retailers report results',
      summary: 'Alibaba (NYSE: BABA) said quarterly profit rose 20%. JD.com (NASDAQ: JD) said its operating loss widened.',
    });
    const bySymbol = Object.fromEntries(a.tickers.map((t) => [t.symbol, t.sentiment.label]));
    expect(bySymbol).toEqual({ BABA: 'positive', JD: 'negative' });
  });

  it('gives a story without companies zero importance and still classifies it', () => {
    const a = analyze({ id: 's4', title: 'Stocks rise as inflation cools' });
    expect(a.tickers).toEqual([]);
    expect(a.importance).toBe(0);
    expect(a.sentiment.label).toBe('positive');
  });

  it('uses the lead when the headline says little', () => {
    const a = analyze({ id: 's5', title: 'Tesla (NASDAQ: TSLA) update', summary: 'Tesla said vehicle deliveries fell 13% in the quarter.' });
    expect(a.sentiment.label).toBe('negative');
  });

  it('lowers importance for later copies of a cluster', () => {
    const a = analyze({ id: 's6', title: 'Alibaba (NYSE: BABA) shares jump after earnings beat estimates', source: 'reuters' });
    const third = rescoreImportance(a, { clusterPosition: 3 });
    expect(third.importance).toBeLessThan(a.importance);
    expect(rescoreImportance(a, { marketZ: 5 }).importance).toBeGreaterThan(a.importance);
  });
});


describe('analyst calls', () => {
  it('treats the firm making the call as a passing mention', () => {
    const a = analyze({ id: 's7', title: 'Goldman Sachs downgrades Tesla to Sell, lowers price target to $150' });
    const tsla = a.tickers.find((t) => t.symbol === 'TSLA');
    const gs = a.tickers.find((t) => t.symbol === 'GS');
    expect(tsla?.sentiment.label).toBe('negative');
    expect(gs).toMatchObject({ primary: false, sentiment: { label: 'neutral' } });
    expect(gs?.importance ?? 100).toBeLessThan(tsla?.importance ?? 0);
  });

  it('finds the firm credited after the rating ("… at Morgan Stanley")', () => {
    const a = analyze({ id: 's8', title: 'Tesla Inc TSLA Upgraded To Overweight At Morgan Stanley' });
    expect(a.tickers.find((t) => t.symbol === 'TSLA')?.primary).toBe(true);
    expect(a.tickers.find((t) => t.symbol === 'MS')?.primary).toBe(false);
    expect(a.fingerprint.tickers).toEqual(['TSLA']);
  });
});

describe('headline direction', () => {
  it('does not read a symbol as a word ("COST" is Costco, not costs)', () => {
    expect(analyze({ id: 'c1', title: 'Costco Wholesale Corp COST Reports 8% Increase In November Sales' }).direction).toBe('up');
  });

  it('reads a record high as up and a record low as down', () => {
    expect(analyze({ id: 'r1', title: 'Apple shares hit all-time high on iPhone demand' }).direction).toBe('up');
    expect(analyze({ id: 'r2', title: 'Intel stock sinks to a 52-week low' }).direction).toBe('down');
  });
});

describe('near-duplicates across outlets', () => {
  const fp = (title: string) => analyze({ id: title, title }).fingerprint;
  it('folds a reworded report of one specific event, and keeps apart what differs', async () => {
    const { compareStories } = await import('../../src/news/similarity.js');
    // Same company, same results miss, worded with almost no shared words.
    expect(compareStories(fp('Home Depot misses quarterly profit estimates'), fp('Home Depot quarterly earnings fall short of profit expectations')).duplicate).toBe(true);
    // Opposite direction never folds.
    expect(compareStories(fp('Home Depot misses quarterly profit estimates'), fp('Home Depot beats quarterly profit estimates')).duplicate).toBe(false);
    // Two analyst actions on one company are two stories, even when the wording is alike.
    expect(compareStories(fp('Morgan Stanley upgrades Tesla to Overweight'), fp('Goldman Sachs upgrades Tesla to Buy')).duplicate).toBe(false);
    // A broker only mentioned does not join two companies' stories.
    expect(compareStories(fp('Morgan Stanley upgrades Tesla to Overweight'), fp('Morgan Stanley upgrades Rivian to Overweight')).duplicate).toBe(false);
    // Firms that are not listed companies still tell two calls apart, even with the same target.
    expect(compareStories(fp('Wedbush raises Tesla price target to $500'), fp('Needham raises Tesla price target to $500')).duplicate).toBe(false);
    expect(compareStories(fp('Wedbush raises Tesla price target to $500'), fp('Wedbush lifts its Tesla price target to $500')).duplicate).toBe(true);
  });

  it('folds rewrites that share meaning rather than words, with the shipped word vectors', async () => {
    const { compareStories, DEFAULT_SIMILARITY } = await import('../../src/news/similarity.js');
    const { loadWordVectors } = await import('../../src/stores/word-vectors-file.js');
    const withVectors = { ...DEFAULT_SIMILARITY, vectors: loadWordVectors() };
    const a = fp('Exxon to cut 2,000 jobs globally');
    const b = fp('Exxon Mobil Corp XOM To Eliminate About 2,000 Positions Worldwide');
    expect(compareStories(a, b, withVectors).duplicate).toBe(true);
    const slide = fp('Netflix stock slides on surprise Brazil tax charge');
    const fall = fp('Netflix shares fall after it flags Brazilian tax expense');
    expect(compareStories(fall, slide, withVectors).duplicate).toBe(true);
    // Without vectors only shared stems count, and these two share almost none.
    expect(compareStories(fall, slide).duplicate).toBe(false);
    // Meaning never overrides the gates: opposite tone, other figures, another company.
    expect(compareStories(fp('Ford quarterly loss narrows'), fp('Ford quarterly loss widens'), withVectors).duplicate).toBe(false);
    expect(compareStories(fp('Exxon to cut 2,000 jobs globally'), fp('Exxon to cut 4,000 positions worldwide'), withVectors).duplicate).toBe(false);
    expect(compareStories(fp('Exxon to cut 2,000 jobs globally'), fp('Chevron to eliminate about 2,000 positions worldwide'), withVectors).duplicate).toBe(false);
  });

  it('folds one event told as a release and as news, and keeps a deal\'s later steps apart', async () => {
    const { compareStories } = await import('../../src/news/similarity.js');
    const same = (x: string, y: string): boolean => compareStories(fp(x), fp(y)).duplicate;
    // A results release and the coverage of it.
    expect(same('CrowdStrike Reports Third Quarter Fiscal Year 2026 Financial Results', 'CrowdStrike beats quarterly revenue estimates on strong demand')).toBe(true);
    // An announced date for results is not the results.
    expect(same('Microsoft to announce fiscal year 2026 second-quarter results', 'Microsoft reports fiscal second-quarter 2026 results')).toBe(false);
    // A new CEO, however worded.
    expect(same('Rio Tinto names iron ore boss Simon Trott as CEO', 'Rio Tinto Appoints Simon Trott As Chief Executive, Succeeding Jakob Stausholm')).toBe(true);
    // One deal between two companies, announced in two styles; a later step of it is another story.
    expect(same('Merck to buy Verona Pharma for $10 billion', 'Verona Pharma To Be Acquired By Merck For $107 Per ADS In Cash')).toBe(true);
    expect(same('Union Pacific, Norfolk Southern shareholders approve $85 billion merger', 'Union Pacific Files Merger Application With Surface Transportation Board for Norfolk Southern Deal')).toBe(false);
    // One firm's upgrade and its later downgrade are two calls, however alike the words.
    expect(same('Raymond James raises Texas Roadhouse to Strong Buy from Outperform', 'Raymond James cuts Texas Roadhouse to Outperform from Strong Buy')).toBe(false);
    // Same event and the same telling figure: one story, even when one side carries no direction.
    expect(same('Amazon to cut about 14,000 corporate jobs as AI reshapes workforce', 'Amazon.com Inc AMZN To Eliminate Roughly 14K Corporate Roles')).toBe(true);
  });

  it('folds a filing with the news of what it reports, mixed results with either side, and stories that share a deal-sized figure', async () => {
    const { compareStories } = await import('../../src/news/similarity.js');
    const same = (x: string, y: string): boolean => compareStories(fp(x), fp(y)).duplicate;
    // An 8-K on an officer change and the news of it; but not the news of another event the same day.
    expect(same('8-K: Boeing Co - Item 5.02 Departure of Directors or Certain Officers', 'Boeing finance chief Brian West to retire, company names successor')).toBe(true);
    expect(same('8-K: Boeing Co - Item 5.02 Departure of Directors or Certain Officers', 'Boeing wins $2.5 billion Air Force tanker order')).toBe(false);
    // Results that beat on profit and miss on sales are the results either headline tells.
    expect(same('Darden Restaurants Q1 EPS $1.97 Beats $1.94 Estimate, Sales $3.04B Miss $3.07B Estimate', 'Olive Garden owner Darden tops quarterly profit estimates')).toBe(true);
    expect(same('Darden Restaurants misses quarterly profit estimates', 'Olive Garden owner Darden tops quarterly profit estimates')).toBe(false);
    // A guidance range set against the old one reads as a cut, as the news says.
    expect(same('Delta Air Lines cuts first-quarter profit forecast as demand cools', 'Delta Air Lines Lowers Q1 Adj. EPS Guidance To $0.70-$1.00 From $1.00-$1.50')).toBe(true);
    // One side names no event we know; the same deal-sized figure still tells; a per-share price does not.
    expect(same('Leidos wins $1.2 bln U.S. Navy IT services contract', 'Leidos Secures $1.2B Navy Network Deal')).toBe(true);
    expect(same('Leidos wins $1.2 bln U.S. Navy IT services contract', 'Leidos Secures $900M Navy Network Deal')).toBe(false);
    // A dividend, a layoff round or a recall: one at a time, so one story whichever way it is told.
    expect(same('Realty Income raises monthly dividend to $0.27 a share', 'Realty Income Corp Increases Dividend For 133rd Time')).toBe(true);
    expect(same('Hasbro to cut about 1,100 jobs after weak holiday sales', 'Hasbro Announces Restructuring Affecting Approximately 1,100 Employees')).toBe(true);
    // A deal with an unlisted party folds when both name it; two deals of one buyer do not.
    expect(same('Cisco to buy cybersecurity firm Splunk for $28 billion', 'Cisco Systems Agrees To Acquire Splunk For $157 Per Share In Cash')).toBe(true);
    expect(same('Cisco to buy cybersecurity firm Splunk for $28 billion', 'Cisco Systems Agrees To Acquire Isovalent For $157 Per Share In Cash')).toBe(false);
    // The other party, named as a mentioned company on both sides, is the same deal.
    expect(same('Darden to buy Tex-Mex chain Chuy\'s for about $605 million', 'Olive Garden parent snaps up Chuy\'s in $37.50-a-share cash deal')).toBe(true);
    // Two results stories of one quarter are one release; a buyback is not a takeover.
    expect(same('Wells Fargo Q2 EPS $1.33 vs. $1.29 Est.; Revenue $20.7B', 'Wells Fargo second-quarter profit rises on investment banking')).toBe(true);
    expect(same('Wells Fargo Q2 EPS $1.33 vs. $1.29 Est.', 'Wells Fargo Q3 profit rises on investment banking')).toBe(false);
    expect(fp('GM to buy back $10 billion in stock').event).toBe('buyback');
    // Joining an index, however told; a verdict and its opposite, a loss narrowing and widening, never.
    expect(same('Datadog Set to Join S&P 500', 'Datadog jumps in extended trading on S&P 500 inclusion')).toBe(true);
    expect(same('Jury finds Johnson & Johnson liable in talc cancer trial', 'Jury clears Johnson & Johnson in talc cancer trial')).toBe(false);
    expect(same('Peloton narrows quarterly loss as cost cuts take hold', 'Peloton widens quarterly loss as subscriber base shrinks')).toBe(false);
    // A headline with two events folds with one that leads with the other; a second event it lacks does not help.
    expect(same('Airbnb Declares First-Ever Dividend Of 10 Cents, Adds $500M To Buyback', 'Airbnb to pay first dividend as bookings climb')).toBe(true);
    expect(same('Airbnb Declares First-Ever Dividend Of 10 Cents', 'Airbnb adds $500M to buyback program')).toBe(false);
    // A plan raised and the same plan trimmed are two stories; a layoff round is one however it is spun.
    expect(same('Chevron boosts 2025 capital budget on Permian growth', 'Chevron trims 2025 capital budget, slows Permian growth')).toBe(false);
    expect(same('T-Mobile adds more postpaid phone subscribers than expected', 'T-Mobile adds fewer postpaid phone subscribers than expected')).toBe(false);
    expect(same('Coinbase posts $1.1 billion quarterly loss as crypto crash hammers trading', 'Coinbase posts first quarterly profit in two years as crypto prices rebound')).toBe(false);
    expect(same('Petrobras shares rise after board approves bigger-than-expected dividend', 'Petrobras Shares Fall After Board Approves Smaller-Than-Expected Dividend')).toBe(false);
    expect(same('Disney reinstates semi-annual dividend at 30 cents a share', 'Disney suspends semi-annual dividend to conserve cash')).toBe(false);
    expect(same('Faraday Future announces 1-for-80 reverse stock split', 'Faraday Future announces 1-for-40 reverse stock split')).toBe(false);
    expect(same('Forbes to go public via $630 million SPAC deal with Magnum Opus', 'Forbes calls off plan to go public through SPAC')).toBe(false);
    expect(same('Thoma Bravo to buy Everbridge in $1.5 billion deal', 'Everbridge Accepts Sweetened $35-a-Share Thoma Bravo Offer')).toBe(false);
    // A word any industry story uses ("drug") does not name the other party of a deal.
    expect(same('Pfizer to buy obesity drug developer Metsera for up to $7.3 billion', 'Pfizer strikes deal with Trump to lower drug prices for Medicaid')).toBe(false);
    expect(same('AMD says US to grant licences for MI308 chip exports to China', 'AMD expects $800 million charge as US curbs MI308 chip exports to China')).toBe(false);
    // An index change told as good news for one company and bad for another is one story.
    expect(same('Salesforce, Amgen and Honeywell to join Dow, replacing Exxon, Pfizer and Raytheon', 'Exxon Mobil Dropped From the Dow After Nearly a Century')).toBe(true);
    // A wrap moves the way its stocks moved, whatever else its words weigh.
    expect(fp('Dow sinks 1,100 points, logs 10th straight loss as Fed signals fewer rate cuts').direction).toBe('down');
    expect(fp('Treasury yields jump after hotter-than-expected CPI; stocks slip').direction).toBe('down');
    expect(same('CVS Health to cut about 2,900 jobs in cost-saving drive', 'CVS to Lay Off Nearly 3,000 Workers as It Trims Expenses')).toBe(true);
    // Two market wraps whose markets all moved the same way.
    const { DEFAULT_SIMILARITY } = await import('../../src/news/similarity.js');
    const withVectors = { ...DEFAULT_SIMILARITY, vectors: (await import('../../src/stores/word-vectors-file.js')).loadWordVectors() };
    const wrap = fp('S&P 500 rises 0.6%, Nasdaq adds 0.9% as Treasury yields pull back');
    expect(compareStories(wrap, fp('Wall St closes higher as Treasury yields retreat; Nasdaq up 0.9%'), withVectors).duplicate).toBe(true);
    expect(compareStories(wrap, fp('Wall St closes lower as Treasury yields climb; Nasdaq down 0.9%'), withVectors).duplicate).toBe(false);
    // A company splits its stock, sells one offering, is taken private once; a stake sale names what is sold.
    expect(same('Chipotle Announces Fifty-for-One Stock Split', 'Chipotle Is Splitting Its Stock 50-for-1')).toBe(true);
    expect(same('Summit Therapeutics Prices $500M Stock Offering At $22.50/Share', 'Summit Therapeutics Inc. Announces Pricing of Underwritten Public Offering of Common Stock')).toBe(true);
    expect(same('Allete to go private in $6.2 bln deal with CPP, GIP', 'ALLETE To Be Acquired By Canada Pension Plan Investment Board For $67 Per Share In Cash')).toBe(true);
    expect(same('Citi to sell 25% of Banamex to Mexican billionaire', 'Citigroup Inc C Offloads Quarter Stake In Banamex For About $2.3B')).toBe(true);
    expect(same('Citi to sell 25% of Banamex to Mexican billionaire', 'Citigroup Inc C Offloads Stake In Ping An For About $2.3B')).toBe(false);
    // One session's wraps fold; a morning futures wrap and the close do not.
    const session = fp('Wall St closes higher as chip rally lifts Nasdaq to record');
    expect(compareStories(session, fp('Nasdaq notches fresh all-time high, S&P 500 climbs as semiconductor stocks surge'), withVectors).duplicate).toBe(true);
    expect(compareStories(session, fp('Nasdaq futures climb as chip stocks rally premarket'), withVectors).duplicate).toBe(false);
    // An officer stepping down and the filing or release that tells it.
    expect(same('Spotify founder Daniel Ek to step down as CEO', 'Spotify Technology S.A. 6-K: Spotify Announces Co-CEO Transition')).toBe(true);
  });

  it('folds two stories whose leads tell the same thing in other words, with the shipped word vectors', async () => {
    const { compareStories, DEFAULT_SIMILARITY } = await import('../../src/news/similarity.js');
    const withVectors = { ...DEFAULT_SIMILARITY, vectors: (await import('../../src/stores/word-vectors-file.js')).loadWordVectors() };
    const story = (title: string, summary: string) => analyze({ id: title, title, summary }).fingerprint;
    const a = story('Judge blocks Kroger\'s $24.6 billion Albertsons deal', 'A federal judge granted the Federal Trade Commission\'s request to block Kroger\'s proposed acquisition of Albertsons, the largest grocery merger in US history.');
    const b = story('Federal judge halts Kroger-Albertsons grocery merger in win for FTC', 'A US judge blocked the planned combination of Kroger and Albertsons, siding with the Federal Trade Commission, which argued the deal would raise grocery prices.');
    expect(compareStories(a, b, withVectors).duplicate).toBe(true);
    // Without leads the same titles are too far apart.
    expect(compareStories(fp('Judge blocks Kroger\'s $24.6 billion Albertsons deal'), fp('Federal judge halts Kroger-Albertsons grocery merger in win for FTC'), withVectors).duplicate).toBe(false);
  });

  it('keeps two days\' moves of one stock apart, but not two days\' reports of one event', async () => {
    const { compareStories, DEFAULT_SIMILARITY } = await import('../../src/news/similarity.js');
    const withVectors = { ...DEFAULT_SIMILARITY, vectors: (await import('../../src/stores/word-vectors-file.js')).loadWordVectors() };
    const monday = fp('Tesla shares slide as Musk pay vote nears');
    const tuesday = fp('Tesla stock falls ahead of shareholder vote on Musk pay');
    expect(compareStories(monday, tuesday, withVectors, 20 * 60_000).duplicate).toBe(true);
    expect(compareStories(monday, tuesday, withVectors, 24 * 3_600_000).duplicate).toBe(false);
    const miss = fp('Home Depot misses quarterly profit estimates');
    expect(compareStories(miss, fp('Home Depot quarterly profit falls short of estimates'), withVectors, 20 * 3_600_000).duplicate).toBe(true);
  });
});
