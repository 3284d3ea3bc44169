// `npm run eval`: quality figures for the signal stages (docs/quality.md explains each set).
//  1. Sentiment on Financial PhraseBank (dev half of v1.0), if ../shared/eval/ is present: accuracy and macro-F1 on
//     all-agree and on all (majority) sentences, for the rule-design split (even lines), the held-out split (odd
//     lines) and both. The rules were written looking only at even lines.
//  2. Sentiment and event labels on the project's own headline set (test/fixtures/sentiment/headlines.jsonl).
//  3. Ticker extraction (scripts/eval-tickers.ts, when present).
//  4. Near-duplicate clustering: pairwise precision and recall on each labelled pair set in test/fixtures/dedupe/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../src/news/analyze.js';
import { createMemoryClusterIndex } from '../src/news/cluster.js';
import { DEFAULT_SIMILARITY } from '../src/news/similarity.js';
import { loadWordVectors } from '../src/stores/word-vectors-file.js';
import { classifyEvent } from '../src/news/events.js';
import { scoreSentiment, type SentimentLabel } from '../src/news/sentiment.js';
import { loadSymbolDictionary } from '../src/stores/dictionary-file.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LABELS: readonly SentimentLabel[] = ['positive', 'negative', 'neutral'];

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
}

export function classificationScores(pairs: readonly { gold: string; predicted: string }[], labels: readonly string[] = LABELS): Scores {
  let correct = 0;
  for (const p of pairs) if (p.gold === p.predicted) correct++;
  let f1Sum = 0;
  for (const label of labels) {
    const tp = pairs.filter((p) => p.gold === label && p.predicted === label).length;
    const fp = pairs.filter((p) => p.gold !== label && p.predicted === label).length;
    const fn = pairs.filter((p) => p.gold === label && p.predicted !== label).length;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return { n: pairs.length, accuracy: pairs.length === 0 ? 0 : correct / pairs.length, macroF1: f1Sum / labels.length };
}

const fmt = (s: Scores): string => `n=${String(s.n).padStart(4)}  accuracy ${s.accuracy.toFixed(3)}  macro-F1 ${s.macroF1.toFixed(3)}`;

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function phraseBank(): void {
  const path = process.env.SQUAWK_PHRASEBANK ?? join(root, '..', 'shared', 'eval', 'financial-phrasebank-dev.jsonl');
  console.log('\n== Sentiment: Financial PhraseBank v1.0, development half (CC BY-NC-SA 3.0, Malo et al. 2014)');
  if (!existsSync(path)) {
    console.log(`   skipped: ${path} is not present`);
    return;
  }
  const rows = readJsonl<{ text: string; label: SentimentLabel; agreement: 'all' | 'majority' }>(path);
  const scored = rows.map((r, i) => ({ ...r, i, predicted: scoreSentiment(r.text).label as string, gold: r.label as string }));
  const splits: [string, (i: number) => boolean][] = [
    ['rule-design split (even lines)', (i) => i % 2 === 0],
    ['held-out split (odd lines)    ', (i) => i % 2 === 1],
    ['whole file                    ', () => true],
  ];
  for (const [name, inSplit] of splits) {
    const part = scored.filter((r) => inSplit(r.i));
    console.log(`   ${name}  all-agree: ${fmt(classificationScores(part.filter((r) => r.agreement === 'all')))}`);
    console.log(`   ${name}  majority:  ${fmt(classificationScores(part))}`);
  }
}

function ownHeadlines(): void {
  const rows = readJsonl<{ title: string; label: SentimentLabel; event: string | null }>(join(root, 'test/fixtures/sentiment/headlines.jsonl'));
  console.log('\n== Sentiment and events: project headline set (test/fixtures/sentiment/headlines.jsonl)');
  const sentiment = classificationScores(rows.map((r) => ({ gold: r.label, predicted: scoreSentimentWithEvent(r.title) })));
  console.log(`   sentiment (headline + event prior): ${fmt(sentiment)}`);
  const events = rows.map((r) => ({ gold: r.event ?? 'none', predicted: classifyEvent(r.title)?.type ?? 'none' }));
  const labels = [...new Set(events.map((e) => e.gold))];
  console.log(`   event type:                         ${fmt(classificationScores(events, labels))}`);
  for (const e of events) if (e.gold !== e.predicted && process.env.EVAL_VERBOSE) console.log(`     event ${e.gold} -> ${e.predicted}`);
}

let analyzer: ReturnType<typeof createAnalyzer> | undefined;
function getAnalyzer(): ReturnType<typeof createAnalyzer> {
  analyzer ??= createAnalyzer({ dictionary: loadSymbolDictionary() });
  return analyzer;
}

function scoreSentimentWithEvent(title: string): string {
  return getAnalyzer()({ id: 'x', title }).sentiment.label;
}

async function tickers(): Promise<void> {
  console.log('\n== Tickers: project labelled set (scripts/eval-tickers.ts)');
  const module = './eval-tickers.js';
  try {
    const mod = (await import(module)) as { evalTickers?: (split?: string) => Record<string, unknown> };
    if (typeof mod.evalTickers !== 'function') throw new Error('evalTickers not exported');
    for (const [label, split] of [
      ['all sets', 'all'],
      ['heldout4 (written blind, first run: P 0.944 R 0.966)', 'heldout4'],
      ['heldout5 (written blind, first run: P 0.930 R 0.959)', 'heldout5'],
      ['heldout6 (written blind, first run: P 0.940 R 0.919)', 'heldout6'],
      ['heldout7 (written blind, first run: P 0.966 R 0.944)', 'heldout7'],
      ['heldout8 (written blind, first run: P 0.964 R 0.953)', 'heldout8'],
      ['heldout9 (written blind, first run: P 0.932 R 0.923)', 'heldout9'],
      ['heldout10 (written blind, first run: P 0.981 R 0.945)', 'heldout10'],
      ['heldout11 (written blind, first run: P 0.981 R 1.000)', 'heldout11'],
      ['heldout12 (written blind, first run: P 0.956 R 0.966)', 'heldout12'],
      ['heldout13 (written blind, first run: P 0.914 R 0.955)', 'heldout13'],
      ['heldout14 (written blind, first run: P 0.970 R 0.941)', 'heldout14'],
      ['heldout15 (written blind, first run: P 0.964 R 0.890)', 'heldout15'],
    ] as const) {
      const r = mod.evalTickers(split);
      const num = (k: string): string => (typeof r[k] === 'number' ? (r[k] as number).toFixed(3) : String(r[k]));
      console.log(`   ${label}: n=${String(r.n)}  precision ${num('precision')}  recall ${num('recall')}  F1 ${num('f1')}  primary accuracy ${num('primaryAccuracy')}`);
    }
  } catch (err) {
    console.log(`   skipped: ${err instanceof Error ? err.message : String(err)}`);
  }
}

interface Pair {
  pair: number;
  tickersA: string[];
  tickersB: string[];
  a: string;
  b: string;
  summaryA?: string;
  summaryB?: string;
  duplicate: boolean;
  kind: string;
}

export async function evalDedupe(pairs: readonly Pair[]): Promise<{ precision: number; recall: number; tp: number; fp: number; fn: number; tn: number; mistakes: Pair[] }> {
  const analyze = getAnalyzer();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const mistakes: Pair[] = [];
  const t0 = Date.parse('2026-03-02T14:00:00Z');
  for (const p of pairs) {
    const index = createMemoryClusterIndex({ similarity: { ...DEFAULT_SIMILARITY, vectors: loadWordVectors() } });
    const a = analyze({ id: `a${p.pair}`, title: p.a, tickers: p.tickersA, source: 'wire-a', ...(p.summaryA ? { summary: p.summaryA } : {}) });
    const b = analyze({ id: `b${p.pair}`, title: p.b, tickers: p.tickersB, source: 'wire-b', ...(p.summaryB ? { summary: p.summaryB } : {}) });
    const ca = await index.assign(a.id, 'wire-a', a, t0);
    const cb = await index.assign(b.id, 'wire-b', b, t0 + 20 * 60_000);
    const merged = ca.clusterId === cb.clusterId;
    if (merged && p.duplicate) tp++;
    else if (merged) fp++;
    else if (p.duplicate) fn++;
    else tn++;
    if (merged !== p.duplicate) mistakes.push(p);
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn, tn, mistakes };
}

async function dedupe(): Promise<void> {
  const sets: [string, string][] = [
    ['tuning set (rules were adjusted while looking at it)', 'pairs.jsonl'],
    ['hold-out set (written after the rules were frozen)', 'pairs-holdout.jsonl'],
    ['second hold-out set (written blind, first run: precision 0.714, recall 0.227)', 'pairs-holdout2.jsonl'],
    ['third hold-out set (written blind, first run: precision 0.833, recall 0.317)', 'pairs-holdout3.jsonl'],
    ['fourth hold-out set (written blind, first run: precision 0.607, recall 0.270)', 'pairs-holdout4.jsonl'],
    ['fifth hold-out set (written blind, first runs: precision 0.733, recall 0.355; with the event rules, 0.875 / 0.452)', 'pairs-holdout5.jsonl'],
    ['sixth hold-out set (written blind, first runs: precision 0.692, recall 0.290; with the event rules, 0.941 / 0.516)', 'pairs-holdout6.jsonl'],
    ['seventh hold-out set (written blind, first run: precision 0.950, recall 0.613)', 'pairs-holdout7.jsonl'],
    ['eighth hold-out set (written blind, first run: precision 0.867, recall 0.419)', 'pairs-holdout8.jsonl'],
    ['ninth hold-out set (written blind, first run: precision 0.913, recall 0.677)', 'pairs-holdout9.jsonl'],
    ['tenth hold-out set (written blind, first run: precision 0.933, recall 0.452)', 'pairs-holdout10.jsonl'],
    ['eleventh hold-out set (written blind, first run: precision 1.000, recall 0.581)', 'pairs-holdout11.jsonl'],
    ['twelfth hold-out set (written blind, first run: precision 0.810, recall 0.548)', 'pairs-holdout12.jsonl'],
    ['thirteenth hold-out set (written blind, first run: precision 1.000, recall 0.594)', 'pairs-holdout13.jsonl'],
    ['fourteenth hold-out set (written blind, first run: precision 1.000, recall 0.563)', 'pairs-holdout14.jsonl'],
    ['fifteenth hold-out set (written blind, first run: precision 0.900, recall 0.563)', 'pairs-holdout15.jsonl'],
    ['sixteenth hold-out set (written blind, first run: precision 0.952, recall 0.645)', 'pairs-holdout16.jsonl'],
    ['seventeenth hold-out set (written blind, first run: precision 1.000, recall 0.438)', 'pairs-holdout17.jsonl'],
    ['eighteenth hold-out set (written blind, first run: precision 0.947, recall 0.563)', 'pairs-holdout18.jsonl'],
    ['nineteenth hold-out set, with summaries (written blind, first run: precision 0.950, recall 0.613)', 'pairs-holdout19.jsonl'],
    ['twentieth hold-out set (written blind, first run: precision 0.955, recall 0.656)', 'pairs-holdout20.jsonl'],
    ['twenty-first hold-out set (written blind, first run: precision 1.000, recall 0.500)', 'pairs-holdout21.jsonl'],
    ['twenty-second hold-out set, with summaries (written blind, first run: precision 1.000, recall 0.781)', 'pairs-holdout22.jsonl'],
    ['twenty-third hold-out set (written blind, first run: precision 0.789, recall 0.469)', 'pairs-holdout23.jsonl'],
    ['twenty-fourth hold-out set, with summaries (written blind, first run: precision 0.958, recall 0.719)', 'pairs-holdout24.jsonl'],
    ['twenty-fifth hold-out set, with summaries (written blind, first run: precision 0.963, recall 0.813)', 'pairs-holdout25.jsonl'],
    ['twenty-sixth hold-out set, with summaries (written blind, first run: precision 0.870, recall 0.625)', 'pairs-holdout26.jsonl'],
    ['twenty-seventh hold-out set, with summaries (written blind, first run: precision 0.931, recall 0.844)', 'pairs-holdout27.jsonl'],
    ['twenty-eighth hold-out set (written blind, first run: precision 0.966, recall 0.875)', 'pairs-holdout28.jsonl'],
  ];
  console.log('\n== Near-duplicate clustering: project labelled pairs (test/fixtures/dedupe/)');
  for (const [name, file] of sets) {
    const pairs = readJsonl<Pair>(join(root, 'test/fixtures/dedupe', file));
    const r = await evalDedupe(pairs);
    const kinds = [...new Set(pairs.map((p) => p.kind))].map((k) => `${k} ${pairs.filter((p) => p.kind === k).length}`).join(', ');
    console.log(`   ${file}: ${name}`);
    console.log(`     ${pairs.length} pairs (${kinds})`);
    console.log(`     pairwise precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}, tn ${r.tn})`);
    for (const m of r.mistakes) console.log(`     ${m.duplicate ? 'missed' : 'wrongly merged'} [${m.kind}]: "${m.a}" / "${m.b}"`);
  }
}

phraseBank();
ownHeadlines();
await tickers();
await dedupe();
