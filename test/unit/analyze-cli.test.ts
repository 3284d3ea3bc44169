import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze.js';

async function run(lines: string[], cluster: boolean): Promise<Record<string, unknown>[]> {
  const input = PassThrough.from([lines.join('\n') + '\n']);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  await runAnalyze({ cluster }, input, output);
  return Buffer.concat(chunks)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('squawk analyze', () => {
  it('writes one line per input line, in order, and survives bad lines', async () => {
    const out = await run(
      [
        JSON.stringify({ id: 'a', title: 'Apple Inc. (NASDAQ: AAPL) raises quarterly dividend by 4%' }),
        'this is not json',
        JSON.stringify({ id: 'c' }),
        JSON.stringify({ id: 'd', title: 'Intel (NASDAQ: INTC) cuts full-year revenue forecast', source: 'reuters' }),
      ],
      false,
    );
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 'a', event: 'dividend', tickers: [{ symbol: 'AAPL', primary: true }] });
    expect(out[0]).not.toHaveProperty('cluster');
    expect(out[1]).toMatchObject({ line: 2 });
    expect(out[1]?.error).toMatch(/not JSON/);
    expect(out[2]).toMatchObject({ line: 3, id: 'c' });
    expect(out[3]).toMatchObject({ id: 'd', event: 'guidance_cut', sentiment: { label: 'negative' } });
    expect(typeof out[3]?.importance).toBe('number');
  });

  it('clusters across lines only with --cluster', async () => {
    const lines = [
      JSON.stringify({ id: '1', title: 'Alibaba shares jump after earnings beat estimates', tickers: ['BABA'], source: 'reuters' }),
      JSON.stringify({ id: '2', title: 'Alibaba Stock Jumps After Q3 Earnings Beat Estimates - Reuters', tickers: ['BABA'], source: 'yahoo' }),
      JSON.stringify({ id: '3', title: 'Alibaba shares fall after earnings miss estimates', tickers: ['BABA'], source: 'benzinga' }),
    ];
    const out = await run(lines, true);
    expect(out.map((o) => (o.cluster as { id: string }).id)).toEqual(['1', '1', '3']);
    expect(out[1]?.cluster).toMatchObject({ isNew: false, size: 2, sources: ['reuters', 'yahoo'] });
  });

  it('folds a rewrite that shares meaning rather than words, and keeps two days of moves apart', async () => {
    const lines = [
      JSON.stringify({ id: '1', title: 'Netflix shares fall after it flags Brazilian tax expense', source: 'reuters', published: '2026-03-02T14:00:00Z' }),
      JSON.stringify({ id: '2', title: 'Netflix stock slides on surprise Brazil tax charge', source: 'marketwatch', published: '2026-03-02T14:20:00Z' }),
      JSON.stringify({ id: '3', title: 'Netflix shares slide as investors weigh Brazil tax hit', source: 'yahoo', published: '2026-03-03T15:00:00Z' }),
    ];
    const out = await run(lines, true);
    expect(out.map((o) => (o.cluster as { id: string }).id)).toEqual(['1', '1', '3']);
  });
});
