// The dictionary builder on a tiny copy of the SEC and Nasdaq directories.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSymbolFile } from '../../scripts/build-dictionary.js';

function directories(): string {
  const dir = mkdtempSync(join(tmpdir(), 'symdir-'));
  mkdirSync(join(dir, 'sec'));
  mkdirSync(join(dir, 'nasdaq'));
  writeFileSync(
    join(dir, 'sec', 'company_tickers_exchange.json'),
    JSON.stringify({
      fields: ['cik', 'name', 'ticker', 'exchange'],
      data: [
        [1577552, 'Alibaba Group Holding Ltd', 'BABA', 'NYSE'],
        [1067983, 'BERKSHIRE HATHAWAY INC', 'BRK-B', 'NYSE'],
        [1067983, 'BERKSHIRE HATHAWAY INC', 'BRK-A', 'NYSE'],
        [19617, 'JPMORGAN CHASE & CO', 'JPM', 'NYSE'],
        [19617, 'JPMORGAN CHASE & CO', 'JPM-PC', 'NYSE'],
        [27419, 'TARGET CORP', 'TGT', 'NYSE'],
        [1577552, 'Alibaba Group Holding Ltd', 'BABAF', 'OTC'],
        [1286681, 'DOMINOS PIZZA INC', 'DPZ', 'Nasdaq'],
        [70858, 'BANK OF AMERICA CORP /DE/', 'BAC', 'NYSE'],
        [24741, 'CORNING INC /NY', 'GLW', 'NYSE'],
        [999, 'Gone Corp', 'GONE', null],
        [41091, 'GEORGIA POWER CO', 'GPJA', 'NYSE'],
      ],
    }),
  );
  writeFileSync(
    join(dir, 'nasdaq', 'nasdaqlisted.txt'),
    'Symbol|Security Name|Market Category|Test Issue|Financial Status|Round Lot Size|ETF|NextShares\n' +
      'QQQ|Invesco QQQ Trust, Series 1|G|N|N|100|Y|N\n' +
      'ZXZZT|NASDAQ TEST STOCK|G|Y|N|100|N|N\n' +
      'ABCDW|Abcd Acquisition Corp - Warrants|G|N|N|100|N|N\n' +
      'PLTRX|Plutarch Robotics Inc. - Class A Common Stock|G|N|N|100|N|N\n' +
      'File Creation Time: 0721202500:00|||||||\n',
  );
  writeFileSync(
    join(dir, 'nasdaq', 'otherlisted.txt'),
    'ACT Symbol|Security Name|Exchange|CQS Symbol|ETF|Round Lot Size|Test Issue|NASDAQ Symbol\n' +
      'SPY|SPDR S&P 500|P|SPY|Y|100|N|SPY\n' +
      'GPJA|Georgia Power Company Series 2017A 5.00% Junior Subordinated Notes due October 1, 2077|N|GPJA|N|100|N|GPJA\n' +
      'ZTST|Test Issue Common|N|ZTST|N|100|Y|ZTST\n' +
      'File Creation Time: 0721202500:00|||||||\n',
  );
  return dir;
}

describe('buildSymbolFile', () => {
  const file = buildSymbolFile(directories());
  it('keeps listed equities and ETFs in canonical form, drops OTC duplicates, preferreds, warrants, bonds and test issues', () => {
    expect(file.asOf).toBe('2025-07-21');
    expect(Object.keys(file.symbols).sort()).toEqual(['BABA', 'BAC', 'BRK.A', 'BRK.B', 'DPZ', 'GLW', 'JPM', 'PLTRX', 'QQQ', 'SPY', 'TGT']);
    expect(file.symbols['QQQ']?.[3]).toBe(1);
    expect(file.symbols['BRK.B']?.[2]).toBe(1067983);
  });
  it('writes name keys with their strength', () => {
    expect(file.names['alibaba']).toBe('BABA');
    expect(file.names['jpmorgan chase']).toBe('JPM');
    expect(file.names['bank of america']).toBe('~BAC'); // only generic words: needs evidence (the alias table makes it strong)
    expect(file.names['target']).toBe('~TGT');
    expect(file.names['domino pizza']).toBe("'DPZ");
    expect(file.names['corning']).toBeDefined();
    expect(file.names['plutarch robotics']).toBe('PLTRX');
    expect(file.names['plutarch']).toBe('^PLTRX');
    expect(file.firstTokens['bank']).toBe(3);
  });
});
