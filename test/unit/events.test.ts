import { describe, expect, it } from 'vitest';
import { classifyEvent, subjectEvent } from '../../src/news/events.js';

describe('classifyEvent', () => {
  it.each([
    ['Alibaba shares jump after earnings beat estimates', 'earnings_beat'],
    ['Lululemon earnings fall short of expectations', 'earnings_miss'],
    ['JPMorgan reports third-quarter results', 'earnings'],
    ['Intel cuts full-year revenue forecast', 'guidance_cut'],
    ['Meta raises full-year revenue guidance', 'guidance_raised'],
    ['Goldman Sachs upgrades Apple to Buy', 'analyst_upgrade'],
    ['Morgan Stanley downgrades Tesla to Underweight', 'analyst_downgrade'],
    ['Jefferies raises Nvidia price target to $1,200', 'price_target_raised'],
    ['Analyst lowers AMD price target to $150', 'price_target_cut'],
    ['Microsoft to acquire Activision Blizzard for $68.7 billion', 'merger_acquisition'],
    ['Rivian announces $1.3 billion convertible notes offering', 'offering'],
    ['Apple announces $110 billion share repurchase program', 'buyback'],
    ['Walgreens cuts quarterly dividend', 'dividend'],
    ['FDA approves Eli Lilly Alzheimer drug', 'fda_decision'],
    ['Shareholders file class action lawsuit against CrowdStrike', 'litigation'],
    ['US tightens export controls on AI chips to China', 'regulation'],
    ['Trading halt: Super Micro Computer, news pending', 'trading_halt'],
    ['Boeing CEO Dave Calhoun to step down at end of year', 'executive_change'],
    ['Cruise suspends robotaxi operations nationwide', 'business_suspension'],
    ['SoftBank sells part of its stake in T-Mobile', 'stake_sale'],
    ['Apple unveils iPhone 16', 'product_launch'],
    ['Lockheed Martin wins $7.8 billion Pentagon contract', 'contract_win'],
    ['Spirit Airlines files for Chapter 11 bankruptcy protection', 'bankruptcy'],
    ['Alibaba files annual report on Form 20-F', 'sec_filing'],
    ['Microsoft to announce fiscal year 2026 second-quarter results', 'earnings_date'],
    ['Vertex kidney disease drug meets main goal in late-stage study', 'clinical_trial'],
    ['FDA approves Vertex drug after late-stage study', 'fda_decision'],
    ['Amazon to eliminate roughly 14,000 corporate roles', 'layoffs'],
    ['Ford recalls over 1.4 million vehicles over rearview camera issue', 'recall'],
    ['NIO Announces Pricing of US$1.16 Billion Equity Offering', 'offering'],
    ['Oracle sells $18 billion of bonds to fund data centers', 'offering'],
    ['SoFi launches $1.5 billion share sale', 'offering'],
    ['BofA turns bullish on AMD', 'analyst_upgrade'],
    ['Pentagon awards Boeing $2.8 billion contract', 'contract_win'],
    ['Vale Cut to Neutral at JPMorgan as Iron Ore Outlook Dims', 'analyst_downgrade'],
    ['CleanSpark started at overweight at Cantor', 'analyst_initiation'],
    ['Cipher Mining Announces Appointment of Chief Financial Officer', 'executive_change'],
    ['Cipher Mining Announces October Production and Operations Update', 'operating_update'],
    ['NIO Inc. Provides Delivery Update for August', 'operating_update'],
    ['Riot Taps Convertible Market for $500 Million', 'offering'],
    ['PDD Holdings shares tumble 14% after sales fall short', 'earnings_miss'],
    ["Apple's holiday-quarter revenue edges past estimates", 'earnings_beat'],
    ['United Airlines forecasts upbeat first-quarter profit', 'guidance'],
    ['Southwest Airlines raises 2026 profit target', 'guidance_raised'],
    ['Intel finance chief Zinsner to leave chipmaker, filing shows', 'executive_change'],
    ['Coinbase customers sue crypto exchange over data breach', 'litigation'],
    ['Nearly 11K Polaris side-by-sides recalled because fuel tanks can leak', 'recall'],
    ['Global Payments Strikes $24 Billion Deal for Worldpay', 'merger_acquisition'],
    ['Berkshire sells another $982 million of Bank of America shares', 'stake_sale'],
    ['Emirates orders 65 more Boeing 777X jets', 'contract_win'],
    ['Bristol Myers cell therapy wins US nod for rare lymphoma', 'fda_decision'],
  ])('%s -> %s', (title, type) => {
    expect(classifyEvent(title)?.type).toBe(type);
  });

  it('names 8-K items and rates the bad ones negative', () => {
    const e = classifyEvent('Company files 8-K', 'Item 4.02 Non-Reliance on Previously Issued Financial Statements');
    expect(e?.detail).toBe('8-K item 4.02 (non-reliance on financials)');
    expect(e?.prior).toBe(-1);
    expect(classifyEvent('Nokia files 6-K')?.detail).toBe('6-K');
  });

  it.each([
    ['Citigroup profit beats as trading desks shine', 'earnings_beat'],
    ['Intel revenue misses as PC demand stalls', 'earnings_miss'],
    ['Baidu Announces March Quarter and Full Fiscal Year 2025 Results', 'earnings'],
    ['Toyota quarterly net income falls 20%', 'earnings'],
    ['Foxconn October sales rise 11% on AI servers', 'operating_update'],
    ['Rivian Q3 Deliveries 13,201 Vs. 12,800 Estimate', 'operating_update'],
    ['Ford to buy back $1 billion of stock', 'buyback'],
    ['Abbott halts formula shipments at FDA\'s request', 'business_suspension'],
    ['Disney brings back Bob Iger as CEO', 'executive_change'],
    ['Starbucks CEO Laxman Narasimhan to step down as CEO', 'executive_change'],
    ['Madrigal Gets Accelerated Approval For Resmetirom', 'fda_decision'],
    ['Prologis Q2 core FFO $1.46 beats by $0.04', 'earnings_beat'],
    ['Workday, Apollo jump on S&P 500 inclusion', 'index_change'],
    ['Delta reinstates full-year guidance', 'guidance_raised'],
    ['Cava prices IPO at $22 per share, above expected range', 'ipo'],
    ['Hindenburg Research takes short position in Icahn Enterprises', 'short_report'],
    ['Portillo\'s Inc. Announces Leadership Transition', 'executive_change'],
    ['Plug Power flags substantial doubt about its ability to continue', 'bankruptcy'],
    ['Cassava\'s simufilam misses co-primary endpoints in late-stage study', 'clinical_trial'],
    ['Dominion Energy Announces Sale of East Ohio Gas to Enbridge', 'merger_acquisition'],
    ['Olive Garden parent snaps up Chuy\'s in cash deal', 'merger_acquisition'],
    ['Tyson recalls dinosaur-shaped chicken nuggets', 'recall'],
    ['Whirlpool Corp: CFO James W. Peters To Depart', 'executive_change'],
    ['Netflix Is Splitting Its Stock 10-for-1', 'stock_split'],
    ['Skydance Wins Control of Paramount After Months of Twists', 'merger_acquisition'],
    ['Honeywell to Break Up Into Three Companies', 'merger_acquisition'],
    ['Elliott Takes Big Stake in Southwest Airlines', 'merger_acquisition'],
    ['Costco Hikes Annual Membership Fee To $65', 'pricing'],
    ['Judge blocks Kroger\'s $24.6 billion Albertsons deal', 'litigation'],
    ['Snowflake Stock Tanks After Frank Slootman Steps Down', 'executive_change'],
    ['Hindenburg Research takes short position in Super Micro', 'short_report'],
    ['Target Q1 Adj EPS $2.19 vs $3.07 Est; Revenue $25.17B vs $24.49B Est', 'earnings_miss'],
    ['Delta Air Lines Q2 Adj. EPS $(4.43) vs. $(4.16) est.', 'earnings_miss'],
    ['JPMorgan Chase Q1 EPS $4.44 vs. $4.11 Est.', 'earnings_beat'],
    ['GM recalls every Chevy Bolt EV ever made', 'recall'],
    ['GM expands Bolt recall over battery defects', 'recall'],
    ['Coinbase Soars in Trading Debut', 'ipo'],
    ['Exxon Mobil Dropped From the Dow After Nearly a Century', 'index_change'],
    ['Tesla\'s second-quarter deliveries drop 13.5% as sales slide deepens', 'operating_update'],
    ['Hospital landlord MPT slashes payout by nearly half', 'dividend'],
    ['Union Pacific, Norfolk Southern agree to combine', 'merger_acquisition'],
    ['Leggett & Platt slashes dividend, ending decades-long streak of increases', 'dividend'],
  ])('%s -> %s', (title, type) => {
    expect(classifyEvent(title)?.type).toBe(type);
  });

  it('does not read a noun "release" as a launch, nor a plan to list one day as an IPO', () => {
    expect(classifyEvent('ASML shares plunge after bookings miss in accidentally early release')?.type).toBe('earnings_miss');
    expect(classifyEvent('Alibaba to reorganize into six groups, each able to pursue IPO')?.type).not.toBe('ipo');
  });

  it('reads the verb acting on a dividend, not a later word', () => {
    expect(classifyEvent('Leggett & Platt slashes dividend, ending decades-long streak of increases')?.detail).toBe('cut');
    expect(classifyEvent('Apple raises dividend 4%, cuts costs')?.detail).toBe('increased');
  });

  it('reads results that beat on one line and miss on another as results, neither beat nor miss', () => {
    expect(classifyEvent('Ulta Beauty Q3 EPS $5.14 Beats $4.54 Estimate, Sales $2.53B Miss $2.56B Estimate')?.type).toBe('earnings');
    expect(classifyEvent('Ulta Beauty Q3 EPS $5.14 Beats $4.54 Estimate, Sales $2.58B Beat $2.56B Estimate')?.type).toBe('earnings_beat');
  });

  it('does not end a sentence at the point of an abbreviation', () => {
    expect(classifyEvent('Delta Air Lines Lowers Q1 Adj. EPS Guidance To $0.70-$1.20')?.type).toBe('guidance_cut');
  });

  it('names an 8-K item from its caption when the number is missing, and tells what a filing is about', () => {
    const officer = classifyEvent('Humana Inc 8-K: Departure of Directors or Certain Officers; Appointment of Certain Officers');
    expect(officer?.detail).toBe('8-K item 5.02 (officer or director change)');
    expect(subjectEvent(officer!, 'Humana Inc 8-K: Departure of Directors or Certain Officers')?.type).toBe('executive_change');
    const ceo = classifyEvent('Intel Corp 8-K: Item 5.02 Departure of Chief Executive Officer');
    expect(subjectEvent(ceo!, 'Intel Corp 8-K: Item 5.02 Departure of Chief Executive Officer')).toEqual({ type: 'executive_change', detail: 'ceo' });
    const results = classifyEvent('Lennar Corp 8-K: Results of Operations and Financial Condition');
    expect(subjectEvent(results!, 'Lennar Corp 8-K: Results of Operations and Financial Condition')?.type).toBe('earnings');
    // No item: the caption's own words, with the form set aside.
    const caption = 'Sonos Inc 8-K: Announces Restructuring Plan, Expects About 6% Workforce Reduction';
    expect(subjectEvent(classifyEvent(caption)!, caption)?.type).toBe('layoffs');
    expect(subjectEvent(classifyEvent('Nokia files 6-K')!, 'Nokia files 6-K')).toBeUndefined();
    // Any other event is its own subject.
    const beat = classifyEvent('Nike beats quarterly profit estimates')!;
    expect(subjectEvent(beat, 'Nike beats quarterly profit estimates')).toBe(beat);
  });

  it('tells a deal or a listing called off from its announcement', () => {
    expect(classifyEvent('JetBlue, Spirit Airlines Terminate Merger Agreement')?.detail).toBe('ended');
    expect(classifyEvent('Forbes calls off plan to go public through SPAC')).toMatchObject({ type: 'ipo', detail: 'ended' });
    expect(classifyEvent('Forbes to go public via SPAC deal')).toMatchObject({ type: 'ipo', detail: 'planned' });
  });

  it('tells an agreed deal from a completed one', () => {
    expect(classifyEvent('Exxon to buy Pioneer Natural Resources')?.detail).toBe('agreed');
    expect(classifyEvent('Exxon completes acquisition of Pioneer')?.detail).toBe('completed');
  });

  it('gives FDA decisions the sign of the outcome', () => {
    expect(classifyEvent('FDA approves new drug from Merck')?.prior).toBe(1);
    expect(classifyEvent('FDA issues complete response letter to Novavax')?.prior).toBe(-1);
  });

  it('tells a trial that worked from one that failed', () => {
    expect(classifyEvent('Pfizer obesity pill succeeds in mid-stage trial')?.detail).toBe('success');
    expect(classifyEvent('Pfizer obesity pill fails to meet main goal in mid-stage trial')?.detail).toBe('failure');
    expect(classifyEvent('Pfizer obesity pill fails to meet main goal in mid-stage trial')?.prior).toBe(-1);
  });

  it('returns null when no family fits', () => {
    expect(classifyEvent('Stocks to watch this week')).toBeNull();
  });
});
