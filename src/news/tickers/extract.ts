// Ticker extraction: which listed companies a story is about, how much, and which one it is mainly about.
import type { SymbolDictionary } from './dictionary.js';
import { scanNames } from './name-matcher.js';
import {
  findCashtags,
  findCiks,
  findExchangePrefixed,
  findRics,
  findShareClasses,
  parseSourceTicker,
  type Evidence,
  type Mention,
} from './patterns.js';

export interface TickerHit {
  symbol: string;
  /** The story is about this company (named in the headline, or the lead's subject). */
  primary: boolean;
  /** 0 = passing mention, 100 = the story is about it. */
  relevance: number;
  /** Kinds of evidence seen, e.g. 'feed', 'cashtag', 'exchange', 'cik', 'name', 'alias', 'name+ticker'. */
  evidence: string[];
}

export interface ExtractInput {
  title: string;
  /** Summary and body as plain text. */
  text: string;
  sourceTickers: readonly string[];
}

const STRONG: ReadonlySet<Evidence> = new Set(['feed', 'cashtag', 'exchange', 'ric', 'class', 'cik', 'name+ticker']);
// "Investors can gain exposure via the SPDR S&P 500 ETF (SPY)": the fund is a vehicle, not the subject.
const EXPOSURE_RE = /\b(?:exposure|via|through|track(?:s|ing)?|such as|like|funds?|ETFs?)\b[^.!?]{0,80}$/i;

interface Tally {
  symbol: string;
  evidence: Set<Evidence>;
  inTitle: boolean;
  titlePos: number;
  inLead: boolean;
  firstPos: number;
  count: number;
  exposureOnly: boolean;
}

function explicitMentions(text: string, dict: SymbolDictionary): Mention[] {
  const out: Mention[] = [];
  findExchangePrefixed(text, out);
  findCashtags(text, dict, out);
  findRics(text, dict, out);
  findShareClasses(text, dict, out);
  findCiks(text, dict, out);
  return out;
}

function newTally(symbol: string): Tally {
  return { symbol, evidence: new Set(), inTitle: false, titlePos: Infinity, inLead: false, firstPos: Infinity, count: 0, exposureOnly: true };
}

function tallyOf(tallies: Map<string, Tally>, symbol: string): Tally {
  let t = tallies.get(symbol);
  if (t === undefined) {
    t = newTally(symbol);
    tallies.set(symbol, t);
  }
  return t;
}

function record(
  dict: SymbolDictionary,
  tallies: Map<string, Tally>,
  mentions: readonly Mention[],
  field: 'title' | 'text',
  text: string,
  leadEnd: number,
): void {
  for (const m of mentions) {
    const t = tallyOf(tallies, m.symbol);
    t.evidence.add(m.evidence);
    t.count++;
    const exposure = dict.get(m.symbol)?.etf === true && EXPOSURE_RE.test(text.slice(Math.max(0, m.pos - 120), m.pos));
    if (!exposure) t.exposureOnly = false;
    if (field === 'title') {
      if (!exposure) {
        t.inTitle = true;
        t.titlePos = Math.min(t.titlePos, m.pos);
      }
    } else {
      if (m.pos < leadEnd && !exposure) t.inLead = true;
      t.firstPos = Math.min(t.firstPos, m.pos);
    }
  }
}

function positions(mentions: readonly Mention[]): Set<number> {
  const out = new Set<number>();
  for (const m of mentions) out.add(m.pos);
  return out;
}

function extractWith(dict: SymbolDictionary, input: ExtractInput): TickerHit[] {
  const tallies = new Map<string, Tally>();
  const found = new Set<string>();
  for (const raw of input.sourceTickers) {
    const symbol = parseSourceTicker(raw);
    if (symbol === undefined || found.has(symbol)) continue;
    found.add(symbol);
    const t = tallyOf(tallies, symbol);
    t.evidence.add('feed');
    t.exposureOnly = false;
  }
  const feedCount = found.size;
  const titleExplicit = explicitMentions(input.title, dict);
  const textExplicit = explicitMentions(input.text, dict);
  for (const m of titleExplicit) found.add(m.symbol);
  for (const m of textExplicit) found.add(m.symbol);
  const titleScan = scanNames(input.title, dict, found, positions(titleExplicit));
  for (const m of titleScan.mentions) found.add(m.symbol);
  const textScan = scanNames(input.text, dict, found, positions(textExplicit));

  record(dict, tallies, titleExplicit, 'title', input.title, 0);
  record(dict, tallies, titleScan.mentions, 'title', input.title, 0);
  record(dict, tallies, textExplicit, 'text', input.text, textScan.leadEnd);
  record(dict, tallies, textScan.mentions, 'text', input.text, textScan.leadEnd);
  return rank([...tallies.values()], feedCount);
}

export function createTickerExtractor(dict: SymbolDictionary): (input: ExtractInput) => TickerHit[] {
  return (input) => extractWith(dict, input);
}

function rank(tallies: Tally[], feedCount: number): TickerHit[] {
  const anyTitle = tallies.some((t) => t.inTitle);
  let leadSubject: Tally | undefined;
  if (!anyTitle) {
    for (const t of tallies) {
      if (t.inLead && (leadSubject === undefined || t.firstPos < leadSubject.firstPos)) leadSubject = t;
    }
  }
  const hits = tallies.map((t): TickerHit => {
    const strong = [...t.evidence].some((e) => STRONG.has(e));
    const feedOnly = t.count === 0;
    let primary = !t.exposureOnly && (t.inTitle || t === leadSubject);
    // Nothing in the text names a subject: trust the provider's tags.
    if (t.evidence.has('feed') && !anyTitle && leadSubject === undefined && (feedOnly || feedCount === 1)) primary = true;
    let relevance = t.inTitle ? 90 : t.inLead ? 70 : feedOnly ? 50 : 35;
    if (strong) relevance += 10;
    relevance += Math.min(15, 5 * Math.max(0, t.count - 1));
    if (t.exposureOnly) relevance = Math.min(relevance, 25);
    if (primary) relevance = Math.max(relevance, 80);
    return { symbol: t.symbol, primary, relevance: Math.min(100, relevance), evidence: [...t.evidence].sort() };
  });
  return hits.sort((a, b) => Number(b.primary) - Number(a.primary) || b.relevance - a.relevance || (a.symbol < b.symbol ? -1 : 1));
}
