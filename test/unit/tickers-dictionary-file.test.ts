// The shipped dictionary: loads from the package, holds what the extractor relies on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DictionaryFileError, loadSymbolDictionary } from '../../src/stores/dictionary-file.js';
import { createTickerExtractor } from '../../src/news/tickers/extract.js';

const dict = loadSymbolDictionary();

describe('shipped symbol dictionary', () => {
  it('holds operating companies, ADRs and ETFs with share classes in one form', () => {
    expect(dict.size).toBeGreaterThan(10_000);
    expect(dict.get('AAPL')).toMatchObject({ cik: 320193, etf: false, otc: false });
    expect(dict.get('BABA')?.exchange).toBe('NYSE');
    expect(dict.get('SPY')?.etf).toBe(true);
    expect(dict.has('BRK.B')).toBe(true);
    expect(dict.has('BRK-B')).toBe(false);
    expect(dict.symbolForCik(1067983)).toBe('BRK.B');
    expect([...dict.siblings('GOOG')].sort()).toEqual(['GOOG', 'GOOGL']);
  });
  it('drops OTC duplicates of exchange-listed registrants', () => {
    expect(dict.has('BABAF')).toBe(false);
  });
  it('matches registrant names, aliases and the stop-list end to end', () => {
    const extract = createTickerExtractor(dict);
    const run = (title: string, text = ''): string[] => extract({ title, text, sourceTickers: [] }).map((h) => h.symbol).sort();
    expect(run('Facebook parent unveils new glasses')).toEqual(['META']);
    expect(run('Coinbase shares rise as bitcoin climbs')).toEqual(['COIN']);
    expect(run('JPMorgan Chase & Co. raises dividend')).toEqual(['JPM']);
    expect(run('Stocks close mixed as Nasdaq, Dow and S&P 500 diverge', 'The Dow Jones Industrial Average fell.')).toEqual([]);
    expect(run('CEO Says AI Will Change IT', 'ON the other hand, NOW is the time, the CEO said.')).toEqual([]);
    // News means the drugmaker by "Vertex", and the basin by "Permian".
    expect(run('FDA Approves Vertex and CRISPR Therapeutics\' Casgevy')).toEqual(['CRSP', 'VRTX']);
    expect(run('Oil output in the Permian hits a record')).toEqual([]);
    expect(run('Regional banks slump as Zions, Western Alliance disclose losses')).toEqual(['WAL', 'ZION']);
  });
  it('makes the headline\'s subject primary, not a company named in a second clause or one that describes it', () => {
    const extract = createTickerExtractor(dict);
    const primaries = (title: string): string[] => extract({ title, text: '', sourceTickers: [] }).filter((h) => h.primary).map((h) => h.symbol).sort();
    expect(primaries('Rivian Automotive RIVN Shares Slide As Deliveries Trail Estimates; Tesla TSLA Also Lower')).toEqual(['RIVN']);
    expect(primaries('Nvidia Supplier TSMC Posts Record Profit as AI Demand Holds Up')).toEqual(['TSM']);
    // An actor of the story stays a subject.
    expect(primaries('Celsius Holdings Stock Rises After PepsiCo Deepens Partnership')).toEqual(['CELH', 'PEP']);
  });
});

describe('loadSymbolDictionary errors', () => {
  it('names the file and the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbols-'));
    const path = join(dir, 'symbols.json');
    writeFileSync(path, '{"version":1,"symbols":[]}');
    expect(() => loadSymbolDictionary(path)).toThrow(DictionaryFileError);
    expect(() => loadSymbolDictionary(join(dir, 'missing.json'))).toThrow(/missing\.json/);
  });
});

describe('configured extras', () => {
  it('adds aliases and stop words', () => {
    const withExtras = loadSymbolDictionary(undefined, { aliases: { 'Fruit Company': 'AAPL' }, stopWords: ['PLTR'] });
    const extract = createTickerExtractor(withExtras);
    expect(extract({ title: 'Fruit Company unveils phone', text: '', sourceTickers: [] }).map((h) => h.symbol)).toEqual(['AAPL']);
    expect(withExtras.isStopWord('pltr')).toBe(true);
  });
});
