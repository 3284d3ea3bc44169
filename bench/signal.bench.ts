// Signal benchmarks, ticker part: extraction speed with the full dictionary loaded, and the cold-start
// load time of the dictionary. The full analyze() figure is added beside these; the measuring functions
// are exported so that file can reuse them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSymbolDictionary } from '../src/stores/dictionary-file.js';
import { createTickerExtractor, type ExtractInput } from '../src/news/tickers/extract.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Realistic inputs: the labelled headlines and briefs (both splits). */
export function tickerCorpus(): ExtractInput[] {
  return ['labelled.jsonl', 'heldout.jsonl', 'heldout2.jsonl', 'heldout3.jsonl'].flatMap((f) =>
    readFileSync(join(root, 'test', 'fixtures', 'tickers', f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const o = JSON.parse(l) as { title: string; summary?: string; sourceTickers?: string[] };
        return { title: o.title, text: o.summary ?? '', sourceTickers: o.sourceTickers ?? [] };
      }),
  );
}

/**
 * Headlines (title + summary) per second through the ticker extractor on one core: the best of several
 * windows, so that other processes on a shared machine do not decide the figure.
 */
export function measureTickerExtraction(windows = 7, windowMs = 300): number {
  const extract = createTickerExtractor(loadSymbolDictionary());
  const corpus = tickerCorpus();
  for (let i = 0; i < 5; i++) for (const item of corpus) extract(item); // warm-up
  let best = 0;
  let sink = 0;
  for (let w = 0; w < windows; w++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < windowMs) {
      for (const item of corpus) sink += extract(item).length;
      n += corpus.length;
      elapsed = performance.now() - start;
    }
    best = Math.max(best, (n / elapsed) * 1000);
  }
  if (sink < 0) throw new Error('unreachable');
  return best;
}

/** Milliseconds for loadSymbolDictionary() in a fresh process (cold JIT, file not yet parsed); median of `runs`. */
export function measureDictionaryLoad(runs = 5): number {
  const loader = pathToFileURL(join(root, 'src', 'stores', 'dictionary-file.ts')).href;
  const script = `const { loadSymbolDictionary } = await import(${JSON.stringify(loader)});
const t = performance.now(); loadSymbolDictionary(); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    times.push(Number(out.trim().split('\n').pop()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

export default async (): Promise<Record<string, number>> => ({
  'signal.ticker_headlines_per_s': Math.round(measureTickerExtraction()),
  'signal.dictionary_load_ms': Math.round(measureDictionaryLoad() * 10) / 10,
});
