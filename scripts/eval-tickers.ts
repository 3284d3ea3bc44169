// Ticker precision and recall on the checked-in labelled sets (test/fixtures/tickers/).
//
//   npx tsx scripts/eval-tickers.ts [dev|heldout|heldoutN|all] [--errors]
//
// labelled.jsonl is the development split the rules were tuned on; heldout.jsonl was written first and
// evaluated once before its errors were studied; heldout2.jsonl and heldout3.jsonl were written later,
// each evaluated once and then studied too (first-run figures are in docs/tickers.md). Scores are micro-averaged over
// (item, symbol) pairs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSymbolDictionary } from '../src/stores/dictionary-file.js';
import { createTickerExtractor, type TickerHit } from '../src/news/tickers/extract.js';

/** 'dev' (labelled.jsonl), 'all', or the name of a held-out file ('heldout', 'heldout2', …). */
export type TickerSplit = 'dev' | 'all' | `heldout${string}`;

export interface LabelledItem {
  id: string;
  title: string;
  summary?: string;
  source?: string;
  sourceTickers?: string[];
  tickers: { symbol: string; primary: boolean }[];
}

export interface TickerEval {
  precision: number;
  recall: number;
  f1: number;
  /** Share of correctly found tickers whose primary/mentioned flag matches the label. */
  primaryAccuracy: number;
  /** Items evaluated. */
  n: number;
}

export interface TickerEvalError {
  id: string;
  title: string;
  missing: string[];
  extra: string[];
  wrongPrimary: string[];
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'tickers');

export function readLabelled(split: TickerSplit): LabelledItem[] {
  const files =
    split === 'all'
      ? readdirSync(fixtures).filter((f) => f.endsWith('.jsonl')).sort()
      : [split === 'dev' ? 'labelled.jsonl' : `${split}.jsonl`];
  return files.flatMap((f) =>
    readFileSync(join(fixtures, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as LabelledItem),
  );
}

export function scoreTickers(
  items: readonly LabelledItem[],
  extract: (item: LabelledItem) => TickerHit[],
): TickerEval & { errors: TickerEvalError[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let primaryOk = 0;
  const errors: TickerEvalError[] = [];
  for (const item of items) {
    const hits = extract(item);
    const got = new Map(hits.map((h) => [h.symbol, h.primary]));
    const want = new Map(item.tickers.map((t) => [t.symbol, t.primary]));
    const missing = [...want.keys()].filter((s) => !got.has(s));
    const extra = [...got.keys()].filter((s) => !want.has(s));
    const wrongPrimary: string[] = [];
    for (const [symbol, primary] of want) {
      const g = got.get(symbol);
      if (g === undefined) continue;
      tp++;
      if (g === primary) primaryOk++;
      else wrongPrimary.push(`${symbol}:${primary ? 'primary' : 'mentioned'}`);
    }
    fp += extra.length;
    fn += missing.length;
    if (missing.length + extra.length + wrongPrimary.length > 0) errors.push({ id: item.id, title: item.title, missing, extra, wrongPrimary });
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, primaryAccuracy: tp === 0 ? 1 : primaryOk / tp, n: items.length, errors };
}

/** Precision, recall, F1 and primary accuracy of the extractor with the shipped dictionary. */
export function evalTickers(split: TickerSplit = 'all'): TickerEval {
  const extract = createTickerExtractor(loadSymbolDictionary());
  const { precision, recall, f1, primaryAccuracy, n } = scoreTickers(readLabelled(split), (item) =>
    extract({ title: item.title, text: item.summary ?? '', sourceTickers: item.sourceTickers ?? [] }),
  );
  return { precision, recall, f1, primaryAccuracy, n };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const split = (process.argv.slice(2).find((a) => a === 'dev' || a === 'all' || a.startsWith('heldout')) ?? 'dev') as TickerSplit;
  const extract = createTickerExtractor(loadSymbolDictionary());
  const result = scoreTickers(readLabelled(split), (item) =>
    extract({ title: item.title, text: item.summary ?? '', sourceTickers: item.sourceTickers ?? [] }),
  );
  if (process.argv.includes('--errors')) for (const e of result.errors) console.log(JSON.stringify(e));
  const { errors: _errors, ...figures } = result;
  console.log(JSON.stringify({ split, ...figures }));
}
