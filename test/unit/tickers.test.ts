import { describe, expect, it } from 'vitest';
import { buildSymbolDictionary, normalizeSymbol, type SymbolData } from '../../src/news/tickers/dictionary.js';
import { createTickerExtractor, type ExtractInput } from '../../src/news/tickers/extract.js';
import { normalizeCompanyName } from '../../src/news/tickers/company-name.js';

// [symbol, name, exchange, cik, flags, name keys as the build script writes them]
const rows: [string, string, string, number, number, string[]][] = [
  ['AAPL', 'Apple Inc.', 'Nasdaq', 320193, 0, ['~apple']],
  ['BABA', 'Alibaba Group Holding Ltd', 'NYSE', 1577552, 0, ['alibaba']],
  ['BRK.B', 'BERKSHIRE HATHAWAY INC', 'NYSE', 1067983, 0, ['berkshire hathaway']],
  ['BRK.A', 'BERKSHIRE HATHAWAY INC', 'NYSE', 1067983, 0, []],
  ['XYZ', 'Block, Inc.', 'NYSE', 1512673, 0, ['~block']],
  ['MSFT', 'MICROSOFT CORP', 'Nasdaq', 789019, 0, ['microsoft']],
  ['TGT', 'TARGET CORP', 'NYSE', 27419, 0, ['~target']],
  ['AI', 'C3.ai, Inc.', 'NYSE', 1577526, 0, ['c3.ai']],
  ['IT', 'GARTNER INC', 'NYSE', 749251, 0, ['gartner']],
  ['SPY', 'SPDR S&P 500 ETF TRUST', 'NYSE Arca', 884394, 1, []],
  ['NVDA', 'NVIDIA CORP', 'Nasdaq', 1045810, 0, ['nvidia']],
  ['GOOGL', 'Alphabet Inc.', 'Nasdaq', 1652044, 0, ['~alphabet']],
  ['GOOG', 'Alphabet Inc.', 'Nasdaq', 1652044, 0, []],
  ['PLTR', 'Palantir Technologies Inc.', 'Nasdaq', 1321655, 0, ['palantir technologies', '^palantir']],
  ['HESM', 'Hess Midstream LP', 'NYSE', 1789832, 0, ['hess midstream', '^hess']],
  ['POWL', 'POWELL INDUSTRIES INC', 'Nasdaq', 80420, 0, ['powell industries', '^powell']],
  ['BYDDF', 'BYD CO LTD', 'OTC', 1445162, 2, ['byd']],
  ['AP', 'AMPCO PITTSBURGH CORP', 'NYSE', 6176, 0, ['ampco pittsburgh']],
  ['VOO', 'VANGUARD S&P 500 ETF', 'NYSE Arca', 36405, 1, []],
  ['NOV', 'NOV Inc.', 'NYSE', 1021860, 0, ['nov']],
  ['ETH', 'Grayscale Ethereum Mini Trust ETF', 'NYSE Arca', 0, 1, []],
];
const data: SymbolData = { version: 2, asOf: '2025-07-21', symbols: {}, names: {}, firstTokens: {}, aliases: [] };
for (const [symbol, name, exchange, cik, flags, keys] of rows) {
  data.symbols[symbol] = [name, exchange, cik, flags];
  for (const key of keys) {
    const mark = key[0] === '~' || key[0] === '^' ? key[0] : '';
    const k = mark === '' ? key : key.slice(1);
    data.names[k] = `${mark}${symbol}`;
    const first = k.split(' ')[0] ?? '';
    data.firstTokens[first] = Math.max(data.firstTokens[first] ?? 0, k.split(' ').length);
  }
}
data.aliases = [
  ['Google', 'GOOGL'],
  ['Apple', 'AAPL'],
  ['SPDR S&P 500 ETF Trust', 'SPY'],
];
const dict = buildSymbolDictionary(data);
const extract = createTickerExtractor(dict);
const run = (title: string, text = '', sourceTickers: string[] = []): ReturnType<typeof extract> =>
  extract({ title, text, sourceTickers } satisfies ExtractInput);
const symbols = (title: string, text = '', sourceTickers: string[] = []): string[] =>
  run(title, text, sourceTickers).map((h) => h.symbol).sort();

describe('normalizeSymbol', () => {
  it('writes share classes one way', () => {
    for (const s of ['BRK.B', 'BRK-B', 'BRK/B', 'brk.b', '$BRK.B', ' BRK_B ']) expect(normalizeSymbol(s)).toBe('BRK.B');
    expect(normalizeSymbol('aapl')).toBe('AAPL');
  });
});

describe('normalizeCompanyName', () => {
  it('drops legal suffixes but keeps the distinctive part', () => {
    expect(normalizeCompanyName('Alibaba Group Holding Ltd')).toBe('alibaba');
    expect(normalizeCompanyName('BANK OF AMERICA CORP /DE/')).toBe('bank of america');
    expect(normalizeCompanyName('JPMORGAN CHASE & CO')).toBe('jpmorgan chase');
    expect(normalizeCompanyName('Apple Inc. - Common Stock')).toBe('apple');
    expect(normalizeCompanyName('General Holdings Inc')).toBe('');
    expect(normalizeCompanyName('First American Corp')).toBe('first american');
    expect(normalizeCompanyName('Capital Inc')).toBe('');
    expect(normalizeCompanyName('CORNING INC /NY')).toBe('corning');
    expect(normalizeCompanyName('CITIZENS FINANCIAL GROUP INC/RI')).toBe('citizens financial');
  });
});

describe('dictionary', () => {
  it('looks up registrants and share classes', () => {
    expect(dict.symbolForCik(1652044)).toBe('GOOGL');
    expect([...dict.siblings('GOOG')].sort()).toEqual(['GOOG', 'GOOGL']);
    expect(dict.isStopWord('ai')).toBe(true);
    expect(dict.isStopWord('BABA')).toBe(false);
  });
});

describe('explicit forms', () => {
  it('reads a one-word name after a title or an institution\'s possessive as a person', () => {
    expect(symbols("Fed's Powell says no rush to cut rates")).toEqual([]);
    expect(symbols('Chair Powell speaks on Tuesday')).toEqual([]);
    expect(symbols('Powell Industries shares jump on data-center orders')).toEqual(['POWL']);
  });

  it('skips wire datelines and quotes over-the-counter symbols only when written out', () => {
    expect(symbols('Stocks end mixed', 'NEW YORK (AP) - U.S. stocks ended mixed on Tuesday.')).toEqual([]);
    expect(symbols('Acme reports record output', 'CORPUS CHRISTI, TX / ACCESS Newswire / Acme Corp (NYSE: BABA) announced record output.')).toEqual(['BABA']);
    expect(symbols('Ampco-Pittsburgh (AP) shares rise')).toEqual(['AP']);
    expect(symbols("BYD's overseas sales surge as price war intensifies")).toEqual([]);
    expect(symbols('$BYDDF rallies on overseas sales')).toEqual(['BYDDF']);
    expect(symbols('Acme to report results', 'Acme will release its results after the close on Nov. 3.')).toEqual([]);
    expect(symbols('NOV shares jump on drilling orders')).toEqual(['NOV']);
  });

  it('returns every share class when the story names two', () => {
    expect(symbols('Berkshire Hathaway Class A and Class B Shares Lag')).toEqual(['BRK.A', 'BRK.B']);
    expect(symbols('Berkshire Hathaway Class B Shares Lag')).toEqual(['BRK.B']);
  });

  it('reads a common-word name opening a Title Case headline as its subject before a verb', () => {
    expect(symbols('Target Cuts Annual Sales Forecast as Shoppers Pull Back')).toEqual(['TGT']);
    expect(symbols('Target Date Funds Gain Popularity')).toEqual([]);
  });

  it('reads a fruit\'s growers as farmers and a crypto asset as a coin', () => {
    expect(symbols('Apple growers in Washington brace for tariffs')).toEqual([]);
    expect(symbols('Apple shares rise')).toEqual(['AAPL']);
    expect(symbols('ETH tops $4,000 as treasury buyers keep accumulating')).toEqual([]);
  });

  it('reads a symbol after its issuer\'s possessive as the fund', () => {
    expect(symbols('Bitcoin funds bleed as crypto slides; Vanguard\'s VOO leads inflows')).toEqual(['VOO']);
    expect(symbols('Bitcoin funds bleed as crypto slides; VOO leads inflows')).toEqual([]);
  });

  it('reads symbols set against each other as a list', () => {
    expect(symbols('SPY Vs. VOO: Which S&P 500 Fund Is Best')).toEqual(['SPY', 'VOO']);
  });

  it('reads cashtags, not dollar amounts', () => {
    expect(symbols('Traders pile into $BABA and shares($NVDA) after $5 billion deal worth $1.2B')).toEqual(['BABA', 'NVDA']);
  });
  it('reads exchange prefixes with inner spaces and several listings', () => {
    expect(symbols('Acme (NYSE: BABA) and Foo ( Nasdaq:MSFT ) partner')).toEqual(['BABA', 'MSFT']);
    expect(symbols('Holders of NYSE: BRK.B, NASDAQ: XYZ react')).toEqual(['BRK.B', 'XYZ']);
    expect(symbols('Alphabet (NASDAQ: GOOGL, GOOG) rallies')).toEqual(['GOOG', 'GOOGL']);
    expect(symbols('Listed in Hong Kong (NYSE: BABA; HKEX: 9988)')).toEqual(['BABA']);
  });
  it('reads share-class notation and Reuters codes', () => {
    expect(symbols('Holders cheer', 'BRK/A topped $750,000 while brokers bought BRK.B.')).toEqual(['BRK.A', 'BRK.B']);
    expect(symbols('Alibaba (BABA.N) plans bond sale')).toEqual(['BABA']);
  });
  it('takes feed tickers in any spelling', () => {
    expect(symbols('Quarterly report', '', ['NYSE:BRK-B', 'nasdaq: aapl'])).toEqual(['AAPL', 'BRK.B']);
  });
  it('maps SEC EDGAR CIKs', () => {
    const hits = run('8-K - APPLE INC (0000320193) (Filer)');
    expect(hits[0]).toMatchObject({ symbol: 'AAPL', primary: true });
    expect(hits[0]?.evidence).toContain('cik');
  });
});

describe('names and bare words', () => {
  it('matches "Company Name TICKER"', () => {
    const hits = run('Alibaba Group Holding Ltd BABA shares are trading lower');
    expect(hits.map((h) => h.symbol)).toEqual(['BABA']);
    expect(hits[0]?.evidence).toContain('name+ticker');
  });
  it('ignores capitalised words that are tickers', () => {
    expect(symbols('CEO Says AI Will Change IT Forever', 'The CEO said AI will reshape IT budgets at ALL companies.')).toEqual([]);
  });
  it('needs evidence for a company name that is a common word', () => {
    expect(symbols('Analyst Raises Price Target On Nvidia')).toEqual(['NVDA']);
    expect(symbols('Target Shares Fall After Weak Holiday Sales')).toEqual(['TGT']);
    expect(symbols('Retail sales data due', 'Shoppers at Target and elsewhere spent more.')).toEqual(['TGT']);
  });
  it('uses aliases', () => {
    expect(symbols('Google unveils new Pixel phone')).toEqual(['GOOGL']);
  });
  it('matches the distinctive first word of a longer name, but not another company or a place', () => {
    expect(symbols('Palantir wins Army contract')).toEqual(['PLTR']);
    expect(symbols('Index change', 'Palantir will replace Hess Corp in the index.')).toEqual(['PLTR']);
    expect(symbols('Contract news', 'PALO ALTO, Calif., /PRNewswire/ -- Palantir said on Monday it won a contract.')).toEqual(['PLTR']);
  });
  it('does not read a name inside a longer proper noun', () => {
    expect(symbols('Hotel news', 'The deal was signed at the Hess Tower in Houston, said Block Party organiser Jane Doe.')).toEqual([]);
  });
  it('does not take the dictionary as a prototype chain', () => {
    expect(symbols('Constructor ToString Valueof', 'The constructor said hasOwnProperty is __proto__.')).toEqual([]);
  });
});

describe('relevance and primary', () => {
  it('marks the headline company primary and the others mentioned', () => {
    const hits = run('Nvidia Shares Rise After Earnings', 'Microsoft and Alphabet also gained. Alibaba was flat.');
    expect(hits[0]).toMatchObject({ symbol: 'NVDA', primary: true });
    expect(hits.filter((h) => h.primary).map((h) => h.symbol)).toEqual(['NVDA']);
    for (const h of hits.slice(1)) expect(h.relevance).toBeLessThan(hits[0]?.relevance ?? 0);
  });
  it('treats an ETF named as an exposure vehicle as mentioned', () => {
    const hits = run('Microsoft Beats Estimates', 'Investors can gain exposure via the SPDR S&P 500 ETF Trust (NYSE:SPY).');
    expect(hits.find((h) => h.symbol === 'SPY')).toMatchObject({ primary: false });
    expect(hits.find((h) => h.symbol === 'MSFT')).toMatchObject({ primary: true });
  });
  it('reads a company first named in a later sentence of the headline as mentioned', () => {
    const hits = run('$NVDA guide was a monster. $BABA next in line?');
    expect(hits.find((h) => h.symbol === 'NVDA')).toMatchObject({ primary: true });
    expect(hits.find((h) => h.symbol === 'BABA')).toMatchObject({ primary: false });
    // "Vs." and "Inc." do not end a sentence.
    expect(run('SPY Vs. VOO: Which Fund Is Best').every((h) => h.primary)).toBe(true);
  });
  it('takes the lead subject as primary when the headline names no company', () => {
    const hits = run('Shares Slide On Guidance Cut', 'Block Inc (NYSE:XYZ) cut its outlook. Rival Apple was unchanged.');
    expect(hits[0]).toMatchObject({ symbol: 'XYZ', primary: true });
    expect(hits.find((h) => h.symbol === 'AAPL')).toMatchObject({ primary: false });
  });
});

describe('bare ticker lists and moves', () => {
  it('accepts a run of listed symbols and a symbol with a move', () => {
    expect(symbols('Tech rally', 'MSFT, NVDA and AAPL lead the Nasdaq higher.')).toEqual(['AAPL', 'MSFT', 'NVDA']);
    expect(symbols('Movers', 'PLTR jumped 8% while traders sold HESM.')).toEqual(['PLTR']);
  });
  it('does not take acronym lists or ALL-CAPS headlines', () => {
    expect(symbols('CEO, CFO And IT Chiefs Meet', '')).toEqual([]);
    expect(symbols('NVDA SHARES FALL AS AI DOUBTS GROW', '')).toEqual([]);
  });
});

describe('rules learned from realistic briefs', () => {
  it('reads EDGAR titles by CIK only', () => {
    expect(symbols('S-1 - Acme Palantir Holdings Inc. (0002071234) (Filer)')).toEqual([]);
    expect(symbols('8-K - Alibaba Group Holding Ltd (0001577552) (Filer)')).toEqual(['BABA']);
  });
  it('finds the lead sentence past abbreviations', () => {
    const hits = run('Shares Surge On Strong Sales', 'e.l.f. Beauty and Acme Inc. said that Microsoft Corp. (NASDAQ: MSFT) would buy them. Nvidia was flat.');
    expect(hits.find((h) => h.symbol === 'MSFT')).toMatchObject({ primary: true });
    expect(hits.find((h) => h.symbol === 'NVDA')).toMatchObject({ primary: false });
  });
  it('gives a one-word name to the company the item names explicitly', () => {
    const hits = run('Hess and Microsoft sign pact', 'Hess Midstream LP (NYSE: HESM) and Microsoft announced a deal.');
    expect(hits.map((h) => h.symbol).sort()).toEqual(['HESM', 'MSFT']);
  });
  it('makes the other share classes of a primary company primary', () => {
    const hits = run('Google Parent Alphabet Tops Estimates', 'Alphabet Inc (NASDAQ:GOOGL) (NASDAQ:GOOG) reported results.');
    expect(hits.filter((h) => h.primary).map((h) => h.symbol).sort()).toEqual(['GOOG', 'GOOGL']);
  });
  it('does not read a name after a particle', () => {
    expect(symbols('Art sale', 'A painting attributed to da Palantir sold for $2 million.')).toEqual([]);
  });
  it('treats a curated brand opening a sentence-case headline as its subject', () => {
    const d = buildSymbolDictionary({ ...data, aliases: [...data.aliases, ['Ford', '~F']], symbols: { ...data.symbols, F: ['FORD MOTOR CO', 'NYSE', 37996, 0] } });
    const ex = createTickerExtractor(d);
    expect(ex({ title: 'Ford recalls 850,000 vehicles over fuel pump defect', text: '', sourceTickers: [] }).map((h) => h.symbol)).toEqual(['F']);
    // In Title Case capitals prove nothing, but a headline verb after the opening name does.
    expect(ex({ title: 'Ford Recalls Trucks', text: '', sourceTickers: [] }).map((h) => h.symbol)).toEqual(['F']);
    expect(ex({ title: 'Ford Foundation Grants Rise', text: '', sourceTickers: [] })).toEqual([]);
  });
});

describe('rules for names a headline shortens', () => {
  it('reads a one-word headline name as the company the body names explicitly', () => {
    const hits = run('Microsoft, Hess Shares Fall As Rates Rise', 'Microsoft Corp (NASDAQ:MSFT) and Hess Midstream LP (NYSE:HESM) fell.');
    expect(hits.filter((h) => h.primary).map((h) => h.symbol).sort()).toEqual(['HESM', 'MSFT']);
  });
  it('takes a common-word name listed next to a company', () => {
    expect(symbols('Retailers Slide; Target, Microsoft Lead Losses')).toEqual(['MSFT', 'TGT']);
    expect(symbols('Retailers Slide On Target Misses')).toEqual([]);
  });
  it('names the broker in an analyst-action headline as a mention', () => {
    const d = buildSymbolDictionary({ ...data, symbols: { ...data.symbols, SF: ['STIFEL FINANCIAL CORP', 'NYSE', 720672, 0] }, names: { ...data.names, stifel: 'SF' }, firstTokens: { ...data.firstTokens, stifel: 1 } });
    const hits = createTickerExtractor(d)({ title: 'Stifel Raises Price Target On Palantir To $180', text: '', sourceTickers: [] });
    expect(hits.map((h) => [h.symbol, h.primary])).toEqual([['PLTR', true], ['SF', false]]);
    const own = createTickerExtractor(d)({ title: 'Palantir Raises Guidance; Stifel Says Buy', text: '', sourceTickers: [] });
    expect(own.find((h) => h.symbol === 'PLTR')?.primary).toBe(true);
  });
  it('rereads the headline when the body names the company with its ticker', () => {
    const hits = run('Berkshire Shares Slip', 'Berkshire Hathaway Inc BRK.B fell 1%.');
    expect(hits[0]).toMatchObject({ symbol: 'BRK.B', primary: true });
  });
});

describe('possessive spellings', () => {
  it("matches \"Domino's\" for an SEC name written DOMINOS, but not the plain word", () => {
    const d = buildSymbolDictionary({
      ...data,
      symbols: { ...data.symbols, DPZ: ['DOMINOS PIZZA INC', 'Nasdaq', 1286681, 0], WAT: ['WATERS CORP /DE/', 'NYSE', 1000697, 0] },
      names: { ...data.names, 'dominos pizza': 'DPZ', 'domino pizza': "'DPZ", waters: '~WAT', water: "'WAT" },
      firstTokens: { ...data.firstTokens, dominos: 2, domino: 2, waters: 1, water: 1 },
    });
    const ex = createTickerExtractor(d);
    expect(ex({ title: "Domino's Pizza sales beat estimates", text: '', sourceTickers: [] }).map((h) => h.symbol)).toEqual(['DPZ']);
    expect(ex({ title: 'Xylem to acquire Smart Water Company', text: '', sourceTickers: [] })).toEqual([]);
  });
});
