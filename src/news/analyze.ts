// One story in, its signal out: tickers, event, direction-aware sentiment (per ticker where the text allows),
// importance and the fingerprint that near-duplicate clustering compares.
import { researchFirmsOf } from './brokers.js';
import { classifyEvent, coEvents, subjectEvent, type EventType } from './events.js';
import { noveltyOf, scoreImportance, sourceCredibility as credibilityOf } from './importance.js';
import { rawScore, scoreParts, tokenize, toSentiment, type SentimentLabel } from './sentiment.js';
import { contentWords, extractNumbers, stockMove, stripTitleDecoration, trigramSet, wrapDirection, wordSet, type Direction, type Fingerprint } from './similarity.js';
import { nameTokens } from './tickers/company-name.js';
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
const SENTIMENT_LEAD_CHARS = 320;
const FINGERPRINT_LEAD_CHARS = 240;
/** The lead's opening, whose content words are compared by meaning: about its first sentence. */
const LEAD_MEANING_CHARS = 160;
const DIRECTION_MIN = 0.45;

export function createAnalyzer(deps: AnalyzerDeps): (input: AnalyzeInput) => Analysis {
  const extract = createTickerExtractor(deps.dictionary);
  const threshold = deps.sentimentThreshold;
  return (input) => {
    const text = joinText(input.summary, input.body);
    const lead = text.length > LEAD_CHARS ? text.slice(0, LEAD_CHARS) : text;
    const hits = extract({ title: input.title, text, sourceTickers: input.tickers ?? [] });
    const opening = firstSentences(lead);
    const event = classifyEvent(input.title, opening);
    const prior = (event?.prior ?? 0) * EVENT_PRIOR_WEIGHT;
    // A symbol is a name, not a word: "COST" (Costco) must not read as costs.
    const titleParts = scoreParts(tokenize(maskSymbols(input.title, hits)));
    const titleRaw = titleParts.movement + titleParts.cues;
    const leadRaw = opening.length > 0 ? rawScore(tokenize(opening)) : 0;
    const storyRaw = titleRaw + LEAD_WEIGHT * leadRaw + prior;
    const sentiment = toSentiment(storyRaw, threshold);
    const credibility = credibilityOf(input.source, deps.sourceCredibility);
    const clauses = hits.length > 1 ? scoreClauses(`${input.title}. ${opening}`) : [];

    const broker = event !== null && ANALYST_EVENTS.has(event.type) ? brokerOf(input.title, hits.map((h) => h.symbol), deps.dictionary) : undefined;
    const tickers = hits.map((hit): TickerScore => {
      if (hit.symbol === broker) {
        // "Goldman Sachs downgrades Tesla": the rating is news about Tesla; for Goldman it is a passing mention.
        const neutral = { label: 'neutral' as const, score: 0 };
        const importance = scoreImportance({ relevance: Math.min(hit.relevance, 30), event: null, sourceCredibility: credibility, novelty: 1, sentiment: 0 });
        return { symbol: hit.symbol, primary: false, relevance: Math.min(hit.relevance, 30), sentiment: neutral, importance };
      }
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
    const moved = titleParts.movement + prior + priceExtreme(input.title);
    const direction: Direction = moved >= DIRECTION_MIN ? 'up' : moved <= -DIRECTION_MIN ? 'down' : 'none';
    // Tone: the headline's whole evidence, evaluative words included. Two copies of one story never disagree on it.
    const tone: Direction = titleRaw + prior >= DIRECTION_MIN ? 'up' : titleRaw + prior <= -DIRECTION_MIN ? 'down' : 'none';
    // Two analyst actions on one stock are one story only when the same firm made them.
    const firms = event !== null && ANALYST_EVENTS.has(event.type) ? researchFirmsOf(input.title) : [];
    const eventDetail = firms.length > 0 ? `by ${firms.join('+')}` : event?.detail;
    // Clustering compares what a story reports: a filing's own subject (its item or caption), not "a filing".
    const subject = event === null ? undefined : subjectEvent(event, input.title);
    const subjectDetail = subject === event ? eventDetail : subject?.detail;
    const alsoEvents = coEvents(input.title, subject?.type ?? null);
    const plainTitle = stripTitleDecoration(input.title);
    const numbers = extractNumbers(plainTitle);
    const normalized = plainTitle.toLowerCase();
    const nameSets = hits.filter((h) => h.symbol !== broker).map((h) => nameWordsOf(h.symbol, deps.dictionary));
    const names = nameSets.length === 1 ? (nameSets[0] as ReadonlySet<string>) : new Set(nameSets.flatMap((set) => [...set]));
    const isName = (w: string): boolean => names.has(w);
    const move = stockMove(normalized);
    const content = contentWords(normalized, isName);
    // A market wrap moves the way its markets moved ("Dow sinks 1,100 points as Fed signals fewer rate cuts"), whatever
    // its other words weigh.
    const wrap = tickers.length === 0 ? wrapDirection(content) : undefined;
    const about = tickers.some((t) => t.primary) ? tickers.filter((t) => t.primary) : tickers;
    const mentioned = tickers.filter((t) => !about.includes(t)).map((t) => t.symbol).sort();
    const fingerprint: Fingerprint = {
      // Clusters key on what a story is about: a broker or ETF only mentioned ("Morgan Stanley upgrades Tesla")
      // must not make two different companies' stories candidates for one another.
      tickers: about.map((t) => t.symbol).sort(),
      words: wordSet(normalized),
      grams: trigramSet(normalized),
      content,
      lead: lead.length > 0 ? wordSet(lead.slice(0, FINGERPRINT_LEAD_CHARS)) : [],
      ...(lead.length > 0 ? { leadContent: contentWords(lead.slice(0, LEAD_MEANING_CHARS).toLowerCase(), isName) } : {}),
      direction: wrap ?? direction,
      tone: wrap ?? tone,
      ...(move !== undefined ? { move } : {}),
      numbers,
      event: subject?.type ?? null,
      ...(subjectDetail !== undefined ? { eventDetail: subjectDetail } : {}),
      ...(alsoEvents.length > 0 ? { alsoEvents } : {}),
      ...(mentioned.length > 0 ? { mentioned } : {}),
    };
    return {
      id: input.id,
      tickers,
      event: event?.type ?? null,
      ...(eventDetail !== undefined ? { eventDetail } : {}),
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

const ANALYST_EVENTS = new Set<EventType>(['analyst_upgrade', 'analyst_downgrade', 'price_target_raised', 'price_target_cut', 'analyst_initiation']);
const ANALYST_VERB = /\b(?:upgrad|downgrad|initiat|rais|lower|cut|boost|lift|trim|reiterat|maintain|start|resum)\w*/i;

/** The firm making the call: a company named before the rating verb while another is named after it. */
function brokerOf(title: string, symbols: readonly string[], dict: SymbolDictionary): string | undefined {
  if (symbols.length < 2) return undefined;
  const verb = title.search(ANALYST_VERB);
  if (verb < 0) return undefined;
  const lower = title.toLowerCase();
  const positions = symbols.map((symbol) => ({ symbol, at: firstMention(lower, symbol, dict) }));
  const before = positions.filter((p) => p.at >= 0 && p.at < verb);
  const after = positions.filter((p) => p.at > verb);
  // "Tesla upgraded to Overweight at Morgan Stanley": the firm follows the rating, after "at" or "by".
  const credited = after.filter((p) => /\b(?:at|by)\s+$/.test(lower.slice(Math.max(0, p.at - 4), p.at)));
  if (credited.length === 1 && before.length > 0) return credited[0]?.symbol;
  return before.length === 1 && after.length > 0 ? before[0]?.symbol : undefined;
}

function firstMention(lower: string, symbol: string, dict: SymbolDictionary): number {
  let best = -1;
  for (const needle of needlesOf(symbol, dict)) {
    const at = wordIndex(lower, needle);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** A bounded per-dictionary, per-symbol memo: what depends only on the symbol and the dictionary is computed once. */
function memoBySymbol<T>(compute: (symbol: string, dict: SymbolDictionary) => T): (symbol: string, dict: SymbolDictionary) => T {
  const caches = new WeakMap<SymbolDictionary, Map<string, T>>();
  return (symbol, dict) => {
    let cache = caches.get(dict);
    if (cache === undefined) {
      cache = new Map();
      caches.set(dict, cache);
    }
    let value = cache.get(symbol);
    if (value === undefined) {
      value = compute(symbol, dict);
      if (cache.size >= 10_000) cache.clear();
      cache.set(symbol, value);
    }
    return value;
  };
}

const needlesOf = memoBySymbol(computeNeedles);

function computeNeedles(symbol: string, dict: SymbolDictionary): string[] {
  const nameWord = dict.get(symbol)?.name.split(/[\s,.]+/)[0];
  const needles = [symbol.toLowerCase()];
  if (nameWord !== undefined && nameWord.length >= 3) needles.push(nameWord.toLowerCase());
  return needles;
}

/** The title with the found symbols written in capitals blanked out (only when one occurs; most titles have none). */
function maskSymbols(title: string, hits: readonly { symbol: string }[]): string {
  let out = title;
  for (const { symbol } of hits) {
    if (!out.includes(symbol)) continue;
    let re = symbolPatterns.get(symbol);
    if (re === undefined) {
      re = new RegExp(`(?<![A-Za-z0-9.$])${symbol.replace(/[.^$*+?()[\]{}|\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g');
      if (symbolPatterns.size >= 10_000) symbolPatterns.clear();
      symbolPatterns.set(symbol, re);
    }
    out = out.replace(re, ' ');
  }
  return out;
}
const symbolPatterns = new Map<string, RegExp>();

/** A record or all-time high is an upward move, a record low a downward one, even with no verb of motion. */
function priceExtreme(title: string): number {
  const m = /\b(?:record|all[- ]time|52[- ]week|multi[- ]?year|lifetime)[- ](high|low|peak)s?\b/i.exec(title);
  if (m === null) return 0;
  return (m[1] as string).toLowerCase() === 'low' ? -1 : 1;
}

/** Words that name a company: its symbol, registrant-name words and alias words, lowercase. */
const nameWordsOf = memoBySymbol((symbol, dict): ReadonlySet<string> => {
  const texts = [dict.get(symbol)?.name ?? '', ...dict.aliasesOf(symbol)];
  return new Set([symbol.toLowerCase(), ...texts.flatMap((t) => nameTokens(t))]);
});

/** The first two sentences, at most SENTIMENT_LEAD_CHARS: where a story says what happened. */
function firstSentences(text: string): string {
  let end = -1;
  for (let k = 0; k < 2; k++) {
    const next = text.indexOf('. ', end + 1);
    if (next < 0) return text.slice(0, SENTIMENT_LEAD_CHARS);
    end = next;
  }
  return text.slice(0, Math.min(end + 1, SENTIMENT_LEAD_CHARS));
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

interface ScoredClause {
  lower: string;
  raw: number;
}

function scoreClauses(text: string): ScoredClause[] {
  return text
    .split(/(?<=[.;!?])\s+|,\s+(?:while|but|whereas)\s+|\s+(?:while|whereas)\s+/i)
    .filter((c) => c.length > 0)
    .map((c) => ({ lower: c.toLowerCase(), raw: rawScore(tokenize(c)) }));
}

/** Sentiment of the clauses that name this company (symbol or the first word of its name), if any do. */
function tickerRaw(symbol: string, dict: SymbolDictionary, clauses: readonly ScoredClause[]): number | undefined {
  const needles = needlesOf(symbol, dict);
  let raw = 0;
  let seen = false;
  for (const clause of clauses) {
    if (!needles.some((n) => wordIndex(clause.lower, n) >= 0)) continue;
    seen = true;
    raw += clause.raw;
  }
  return seen ? raw : undefined;
}

/** Index of `needle` as a whole word in `haystack`, or -1. */
function wordIndex(haystack: string, needle: string): number {
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(needle, from);
    if (i < 0) return -1;
    const before = i === 0 ? '' : (haystack[i - 1] as string);
    const after = haystack[i + needle.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return i;
    from = i + 1;
  }
}
