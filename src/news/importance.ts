// Importance 0-100 per ticker, after RavenPack's decomposition: how much the story is about the company
// (relevance), what happened (event), who says so (source), whether it is news (novelty), and, once the tape has
// spoken, whether the market confirms it.
import { EVENT_WEIGHT, type EventMatch } from './events.js';

export interface ImportanceInput {
  /** 0..100 from the ticker extractor. */
  relevance: number;
  event: EventMatch | null;
  /** 0..1: 1 for primary sources (filings, exchange notices, the company's own release). */
  sourceCredibility: number;
  /** 0..1: 1 for the first story of a cluster, then 0.75, 0.56, … */
  novelty: number;
  /** -1..1 sentiment score for this ticker. */
  sentiment: number;
  /** Abnormal-return z-score in the minutes after publication, when known. */
  marketZ?: number;
}

/** Weight of a story without a classified event: plain news still matters a little. */
const NO_EVENT = 0.3;

export function scoreImportance(input: ImportanceInput): number {
  const relevance = clamp(input.relevance / 100, 0, 1);
  const event = input.event === null ? NO_EVENT : EVENT_WEIGHT[input.event.type];
  const source = clamp(input.sourceCredibility, 0.2, 1);
  const novelty = clamp(input.novelty, 0, 1);
  // Strongly worded stories move prices more than lukewarm ones.
  const tone = 0.75 + 0.25 * Math.min(1, Math.abs(input.sentiment));
  let score = 100 * relevance * event * (0.4 + 0.6 * source) * novelty * tone;
  // A news-pending halt on the company a story is about is as urgent as it gets.
  if (input.event?.type === 'trading_halt' && relevance >= 0.6) score = Math.max(score, 90 * novelty);
  if (input.marketZ !== undefined) score *= 1 + Math.min(Math.abs(input.marketZ), 6) / 6;
  return Math.round(clamp(score, 0, 100));
}

/** RavenPack-style novelty: the n-th story of a cluster (1-based) scores 0.75^(n-1). */
export function noveltyOf(position: number): number {
  return position <= 1 ? 1 : 0.75 ** (position - 1);
}

export const DEFAULT_SOURCE_CREDIBILITY: Readonly<Record<string, number>> = {
  sec: 1, edgar: 1, 'nasdaq-halts': 1, halts: 1, businesswire: 1, prnewswire: 1, globenewswire: 1, accesswire: 0.9,
  reuters: 0.9, bloomberg: 0.9, dowjones: 0.9, wsj: 0.9, ap: 0.85, cnbc: 0.85, ft: 0.9,
  benzinga: 0.75, marketwatch: 0.75, yahoo: 0.7, seekingalpha: 0.65, investing: 0.65, motleyfool: 0.5,
};
const UNKNOWN_SOURCE = 0.6;

/** Credibility of a source id: exact entry first, then the longest known id it contains, else a middling default. */
export function sourceCredibility(source: string | undefined, table: Readonly<Record<string, number>> = DEFAULT_SOURCE_CREDIBILITY): number {
  if (source === undefined || source === '') return UNKNOWN_SOURCE;
  const key = source.toLowerCase();
  const exact = table[key];
  if (exact !== undefined) return exact;
  let best: string | undefined;
  for (const name of Object.keys(table)) if (name.length > 2 && key.includes(name) && (best === undefined || name.length > best.length)) best = name;
  return best === undefined ? UNKNOWN_SOURCE : (table[best] ?? UNKNOWN_SOURCE);
}

/** Whether a story passes a destination's threshold; thresholds come from configuration. */
export function passesThreshold(importance: number, destination: string, thresholds: { default: number; destinations?: Readonly<Record<string, number>> }): boolean {
  return importance >= (thresholds.destinations?.[destination] ?? thresholds.default);
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
