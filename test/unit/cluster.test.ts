import { describe, expect, it } from 'vitest';
import { createAnalyzer, type AnalyzeInput } from '../../src/news/analyze.js';
import { createMemoryClusterIndex } from '../../src/news/cluster.js';
import { loadSymbolDictionary } from '../../src/stores/dictionary-file.js';

const analyze = createAnalyzer({ dictionary: loadSymbolDictionary() });
const story = (id: string, title: string, extra: Partial<AnalyzeInput> = {}) => analyze({ id, title, tickers: ['BABA'], ...extra });
const T0 = Date.parse('2026-03-02T14:00:00Z');
const HOUR = 3_600_000;

describe('memory cluster index', () => {
  it('folds copies from other sources into one cluster and counts sources', async () => {
    const index = createMemoryClusterIndex();
    const a = await index.assign('r:1', 'reuters', story('r:1', 'Alibaba shares jump after earnings beat estimates'), T0);
    const b = await index.assign('y:1', 'yahoo', story('y:1', 'Alibaba Stock Jumps After Q3 Earnings Beat Estimates - Reuters'), T0 + HOUR);
    const c = await index.assign('b:1', 'benzinga', story('b:1', 'Alibaba shares jump as earnings beat estimates'), T0 + 2 * HOUR);
    expect(a).toEqual({ clusterId: 'r:1', isNew: true, size: 1, sources: ['reuters'] });
    expect(b).toEqual({ clusterId: 'r:1', isNew: false, size: 2, sources: ['reuters', 'yahoo'] });
    expect(c.size).toBe(3);
    expect(c.sources).toEqual(['reuters', 'yahoo', 'benzinga']);
  });

  it('keeps the opposite outcome apart', async () => {
    const index = createMemoryClusterIndex();
    await index.assign('1', 'a', story('1', 'Alibaba shares jump after earnings beat estimates'), T0);
    const b = await index.assign('2', 'b', story('2', 'Alibaba shares fall after earnings miss estimates'), T0);
    expect(b.isNew).toBe(true);
    expect(b.clusterId).toBe('2');
  });

  it('starts a new cluster outside the window', async () => {
    const index = createMemoryClusterIndex({ windowHours: 48 });
    await index.assign('1', 'a', story('1', 'Alibaba shares jump after earnings beat estimates'), T0);
    const inside = await index.assign('2', 'b', story('2', 'Alibaba shares jump after earnings beat estimates'), T0 + 47 * HOUR);
    const outside = await index.assign('3', 'c', story('3', 'Alibaba shares jump after earnings beat estimates'), T0 + 100 * HOUR);
    expect(inside.clusterId).toBe('1');
    expect(outside.clusterId).toBe('3');
  });

  it('only joins stories that share a ticker', async () => {
    const index = createMemoryClusterIndex();
    await index.assign('1', 'a', story('1', 'Shares jump after earnings beat estimates'), T0);
    const other = await index.assign('2', 'b', story('2', 'Shares jump after earnings beat estimates', { tickers: ['JD'] }), T0);
    expect(other.isNew).toBe(true);
  });

  it('answers the same for the same story id', async () => {
    const index = createMemoryClusterIndex();
    const s = story('1', 'Alibaba shares jump after earnings beat estimates');
    const first = await index.assign('1', 'a', s, T0);
    expect(await index.assign('1', 'a', s, T0)).toEqual(first);
  });
});


describe('memory cluster index housekeeping', () => {
  it('keeps clusters inside the window through a sweep of idle ones', async () => {
    const index = createMemoryClusterIndex({ windowHours: 1 });
    await index.assign('old', 'a', story('old', 'Alibaba to split into six units'), T0);
    const now = T0 + 5 * HOUR;
    await index.assign('live', 'a', story('live', 'Alibaba shares jump after earnings beat estimates'), now);
    // More than enough stories to trigger a sweep; "old" is two windows idle by then, "live" is not.
    for (let i = 0; i < 1100; i++) await index.assign(`n${i}`, 'b', story(`n${i}`, `Alibaba filler headline number ${i}`), now + i);
    const copy = await index.assign('copy', 'c', story('copy', 'Alibaba Stock Jumps After Q3 Earnings Beat Estimates - Reuters'), now + 2000);
    expect(copy).toMatchObject({ clusterId: 'live', size: 2, sources: ['a', 'c'] });
  });
});
