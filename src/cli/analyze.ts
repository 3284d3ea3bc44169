// `squawk analyze`: JSON lines in, one JSON line out per input line, in order. No Redis: clustering (--cluster)
// uses the in-memory index. A bad line produces an error line and the run goes on.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createAnalyzer, type Analysis } from '../news/analyze.js';
import { createMemoryClusterIndex, type ClusterAssignment } from '../news/cluster.js';
import { DEFAULT_SIMILARITY } from '../news/similarity.js';
import { loadWordVectors } from '../stores/word-vectors-file.js';
import { loadSymbolDictionary } from '../stores/dictionary-file.js';

export interface AnalyzeOptions {
  /** Fold near-duplicates across the input lines and report each line's cluster. */
  cluster: boolean;
  /** Symbol file; defaults to the shipped data/symbols.json. */
  dictionaryPath?: string;
  sourceCredibility?: Record<string, number>;
}

const inputSchema = z.object({
  id: z.union([z.string().min(1), z.number().transform(String)]),
  title: z.string(),
  summary: z.string().optional(),
  body: z.string().optional(),
  source: z.string().optional(),
  published: z.string().optional(),
  tickers: z.array(z.string()).optional(),
});

export interface AnalyzeOutput {
  id: string;
  tickers: { symbol: string; primary: boolean; relevance: number }[];
  event: string | null;
  sentiment: { label: string; score: number };
  importance: number;
  cluster?: { id: string; isNew: boolean; size: number; sources: string[] };
}

export function toOutput(analysis: Analysis, cluster?: ClusterAssignment): AnalyzeOutput {
  return {
    id: analysis.id,
    tickers: analysis.tickers.map((t) => ({ symbol: t.symbol, primary: t.primary, relevance: t.relevance })),
    event: analysis.event,
    sentiment: analysis.sentiment,
    importance: analysis.importance,
    ...(cluster ? { cluster: { id: cluster.clusterId, isNew: cluster.isNew, size: cluster.size, sources: cluster.sources } } : {}),
  };
}

export async function runAnalyze(options: AnalyzeOptions, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const dictionary = loadSymbolDictionary(options.dictionaryPath);
  const analyze = createAnalyzer({ dictionary, ...(options.sourceCredibility ? { sourceCredibility: options.sourceCredibility } : {}) });
  const clusters = options.cluster ? createMemoryClusterIndex({ similarity: { ...DEFAULT_SIMILARITY, vectors: loadWordVectors() } }) : undefined;
  const startedAt = Date.now();
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const result = await analyzeLine(line, lineNo);
    await write(output, `${JSON.stringify(result)}\n`);
  }

  async function analyzeLine(line: string, n: number): Promise<AnalyzeOutput | { line: number; id?: string; error: string }> {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      return { line: n, error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
    const parsed = inputSchema.safeParse(json);
    if (!parsed.success) {
      const rawId = (json as { id?: unknown } | null)?.id;
      const issue = parsed.error.issues[0];
      const message = issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid input';
      return { line: n, ...(typeof rawId === 'string' ? { id: rawId } : {}), error: message };
    }
    const item = parsed.data;
    try {
      const analysis = analyze({
        id: item.id,
        title: item.title,
        ...(item.summary !== undefined ? { summary: item.summary } : {}),
        ...(item.body !== undefined ? { body: item.body } : {}),
        ...(item.source !== undefined ? { source: item.source } : {}),
        ...(item.published !== undefined ? { published: item.published } : {}),
        ...(item.tickers !== undefined ? { tickers: item.tickers } : {}),
      });
      if (clusters === undefined) return toOutput(analysis);
      const published = item.published === undefined ? Number.NaN : Date.parse(item.published);
      const at = Number.isFinite(published) ? published : startedAt;
      const assignment = await clusters.assign(item.id, item.source ?? 'stdin', analysis, at);
      return toOutput(analysis, assignment);
    } catch (err) {
      return { line: n, id: item.id, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (output.write(text)) resolve();
    else output.once('drain', () => resolve());
  });
}
