// One story in, its signal out: tickers, event, direction-aware sentiment (per ticker where the text allows),
// importance and the fingerprint that near-duplicate clustering compares.
import { classifyEvent, type EventType } from './events.js';
import { noveltyOf, scoreImportance, sourceCredibility as credibilityOf } from './importance.js';
import { rawScore, scoreParts, tokenize, toSentiment, type SentimentLabel } from './sentiment.js';
import { extractNumbers, normalizeTitle, trigramSet, wordSet, type Direction, type Fingerprint } from './similarity.js';
import { createTickerExtractor } from './tickers/extract.js';
import type { SymbolDictionary } from './tickers/dictionary.js';

export type { EventType } from './events.js';
export type { SentimentLabel } from './sentiment.js';

export interface AnalyzeInput {
  id: string;
  title: string;
  summary?: string;
  body?: string;
  source?: string;
  /** ISO 8601. */
  published?: string;
  tickers?: string[];
}

export interface TickerScore {
  symbol: string;
  primary: boolean;
  relevance: number;
  sentiment: { label: SentimentLabel; score: number };
  importance: number;
}

export interface Analysis {
  id: string;
  tickers: TickerScore[];
  event: EventType | null;
  eventDetail?: string;
  sentiment: { label: SentimentLabel; score: number };
  /** Max over tickers, 0-100 (0 when the story names no company). */
  importance: number;
  direction: Direction;
  numbers: string[];
  /** 0..1, as used in the importance score. */
  sourceCredibility: number;
  fingerprint: Fingerprint;
}

export interface AnalyzerDeps {
  dictionary: SymbolDictionary;
  /** Source id → credibility 0..1; defaults to the built-in tiers. */
  sourceCredibility?: Record<string, number>;
  /** Raw evidence needed for a non-neutral label (default 0.45). */
  sentimentThreshold?: number;
}

/** Weight of the lead text against the headline: the headline is what the story is about. */
const LEAD_WEIGHT = 0.5;
/** Weight of an event's own sign ("downgrade" is bad news even when no metric is named). */
const EVENT_PRIOR_WEIGHT = 0.6;
const LEAD_CHARS = 600;
const DIRECTION_MIN = 0.45;

export function createAnalyzer(deps: AnalyzerDeps): (input: AnalyzeInput) => Analysis {
  const extract = createTickerExtractor(deps.dictionary);
  const threshold = deps.sentimentThreshold;
  return (input) => {
    const text = joinText(input.summary, input.body);
    const lead = text.length > LEAD_CHARS ? text.slice(0, LEAD_CHARS) : text;
    const hits = extract({ title: input.title, text, sourceTickers: input.tickers ?? [] });
    const event = classifyEvent(input.title, lead);
    const prior = (event?.prior ?? 0) * EVENT_PRIOR_WEIGHT;
    const titleParts = scoreParts(tokenize(input.title));
    const titleRaw = titleParts.movement + titleParts.cues;
    const leadRaw = lead.length > 0 ? rawScore(tokenize(lead)) : 0;
    const storyRaw = titleRaw + LEAD_WEIGHT * leadRaw + prior;
    const sentiment = toSentiment(storyRaw, threshold);
    const credibility = credibilityOf(input.source, deps.sourceCredibility);
    const clauses = hits.length > 1 ? splitClauses(`${input.title}. ${lead}`) : [];

    const tickers = hits.map((hit): TickerScore => {
      let own = sentiment;
      if (hits.length > 1) {
        const raw = tickerRaw(hit.symbol, deps.dictionary, clauses);
        if (raw !== undefined) own = toSentiment(raw + prior, threshold);
      }
      const importance = scoreImportance({ relevance: hit.relevance, event, sourceCredibility: credibility, novelty: 1, sentiment: own.score });
      return { symbol: hit.symbol, primary: hit.primary, relevance: hit.relevance, sentiment: own, importance };
    });

    // Direction for clustering comes from what moved in the headline (and the event's own sign), not from
    // evaluative words, so wording differences between two copies of one story do not split them.
    const moved = titleParts.movement + prior;
    const direction: Direction = moved >= DIRECTION_MIN ? 'up' : moved <= -DIRECTION_MIN ? 'down' : 'none';
    const numbers = extractNumbers(input.title);
    const normalized = normalizeTitle(input.title);
    const fingerprint: Fingerprint = {
      tickers: tickers.map((t) => t.symbol).sort(),
      words: wordSet(normalized),
      grams: trigramSet(normalized),
      lead: lead.length > 0 ? wordSet(lead.slice(0, 300)) : [],
      direction,
      numbers,
      event: event?.type ?? null,
      ...(event?.detail !== undefined ? { eventDetail: event.detail } : {}),
    };
    return {
      id: input.id,
      tickers,
      event: event?.type ?? null,
      ...(event?.detail !== undefined ? { eventDetail: event.detail } : {}),
      sentiment,
      importance: tickers.reduce((m, t) => Math.max(m, t.importance), 0),
      direction,
      numbers,
      sourceCredibility: credibility,
      fingerprint,
    };
  };
}

/**
 * Importance again once more is known: the story's place in its cluster (1 = first) and, later, the market's
 * abnormal move. Sentiment and event stay as analysed.
 */
export function rescoreImportance(analysis: Analysis, update: { clusterPosition?: number; marketZ?: number }): Analysis {
  const novelty = noveltyOf(update.clusterPosition ?? 1);
  const event = analysis.event === null ? null : { type: analysis.event, prior: 0 as const };
  const tickers = analysis.tickers.map((t) => ({
    ...t,
    importance: scoreImportance({
      relevance: t.relevance,
      event,
      sourceCredibility: analysis.sourceCredibility,
      novelty,
      sentiment: t.sentiment.score,
      ...(update.marketZ !== undefined ? { marketZ: update.marketZ } : {}),
    }),
  }));
  return { ...analysis, tickers, importance: tickers.reduce((m, t) => Math.max(m, t.importance), 0) };
}

function joinText(summary: string | undefined, body: string | undefined): string {
  const parts: string[] = [];
  if (summary !== undefined && summary !== '') parts.push(stripTags(summary));
  if (body !== undefined && body !== '' && body !== summary) parts.push(stripTags(body));
  return parts.join(' ');
}

function stripTags(s: string): string {
  return s.includes('<') ? s.replace(/<[^>]*>/g, ' ') : s;
}

function splitClauses(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+|,\s+(?:while|but|whereas)\s+|\s+(?:while|whereas)\s+/i).filter((c) => c.length > 0);
}

/** Sentiment of the clauses that name this company (symbol or the first word of its name), if any do. */
function tickerRaw(symbol: string, dict: SymbolDictionary, clauses: readonly string[]): number | undefined {
  const info = dict.get(symbol);
  const nameWord = info?.name.split(/[\s,.]+/)[0];
  const needles = [symbol.toLowerCase()];
  if (nameWord !== undefined && nameWord.length >= 3) needles.push(nameWord.toLowerCase());
  let raw = 0;
  let seen = false;
  for (const clause of clauses) {
    const lower = clause.toLowerCase();
    if (!needles.some((n) => containsWord(lower, n))) continue;
    seen = true;
    raw += rawScore(tokenize(clause));
  }
  return seen ? raw : undefined;
}

function containsWord(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(needle, from);
    if (i < 0) return false;
    const before = i === 0 ? '' : (haystack[i - 1] as string);
    const after = haystack[i + needle.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = i + 1;
  }
}
