// Ticker extraction: which listed companies a story is about, how much, and which one it is mainly about.
import type { SymbolDictionary } from './dictionary.js';
import { GENERIC_NAME_WORDS, nameTokens } from './company-name.js';
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
// (Not "fund" or "ETF": those words are in the funds' own names.)
const EXPOSURE_RE = /\b(?:exposure|via|through|track(?:s|ing)?|such as|like|including)\b[^.!?]{0,80}$/i;
// SEC EDGAR titles: "8-K - APPLE INC (0000320193) (Filer)". The CIK names the company; the words do not.
const EDGAR_TITLE_RE = /^\S.{0,40} - .+\(\d{10}\)\s*\((?:Filer|Subject|Issuer|Reporting|Filed by)\)/;

interface Tally {
  symbol: string;
  evidence: Set<Evidence>;
  inTitle: boolean;
  /** Named in the headline only in a second clause or as a describer ("Rivian slides; Tesla also lower": Tesla). */
  titleSecondary: boolean;
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
  return { symbol, evidence: new Set(), inTitle: false, titleSecondary: false, titlePos: Infinity, inLead: false, firstPos: Infinity, count: 0, exposureOnly: true };
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
  const edgar = EDGAR_TITLE_RE.test(input.title);
  const titleAt = positions(titleExplicit);
  let titleScan = edgar ? { mentions: [], leadEnd: 0 } : scanNames(input.title, dict, { found, explicitAt: titleAt, isTitle: true, firstWords: firstWordsOf(dict, found) });
  for (const m of titleScan.mentions) found.add(m.symbol);
  const textScan = scanNames(input.text, dict, { found, explicitAt: positions(textExplicit), isTitle: false, firstWords: firstWordsOf(dict, found) });
  // "Hertz Shares Spike …" over "Hertz Global Holdings Inc HTZ …": the body named the company in full
  // (name + ticker); read the headline again knowing it.
  const named = textScan.mentions.filter((m) => m.evidence === 'name+ticker' && !found.has(m.symbol));
  if (named.length > 0 && !edgar) {
    const known = new Set(found);
    for (const m of named) known.add(m.symbol);
    titleScan = scanNames(input.title, dict, { found: known, explicitAt: titleAt, isTitle: true, firstWords: firstWordsOf(dict, known) });
  }
  const brokerEnd = analystSourceEnd(input.title, [...titleExplicit, ...titleScan.mentions]);
  reassignOneWordNames(dict, [...titleScan.mentions, ...textScan.mentions], titleExplicit, textExplicit);

  // The broker in "Stifel Raises Price Target On Palantir" is the source, not the subject.
  const isBroker = (m: Mention): boolean => m.pos < brokerEnd;
  record(dict, tallies, titleExplicit.filter((m) => !isBroker(m)), 'title', input.title, 0);
  record(dict, tallies, titleScan.mentions.filter((m) => !isBroker(m)), 'title', input.title, 0);
  record(dict, tallies, [...titleExplicit, ...titleScan.mentions].filter(isBroker), 'text', input.title, 0);
  record(dict, tallies, textExplicit, 'text', input.text, textScan.leadEnd);
  record(dict, tallies, textScan.mentions, 'text', input.text, textScan.leadEnd);
  markSecondary(input.title, tallies);
  return withNamedClasses(dict, withPrimaryClasses(dict, rank([...tallies.values()], feedCount)), `${input.title} ${input.text}`);
}

// "Berkshire Hathaway Class A and Class B Shares", "Fox Corp. Class A vs. Class B": the story is about every class.
const TWO_CLASSES = /\bClass [A-C]\b[^.;]{0,40}?\bClass [A-C]\b/i;

function withNamedClasses(dict: SymbolDictionary, hits: TickerHit[], text: string): TickerHit[] {
  if (!TWO_CLASSES.test(text)) return hits;
  const added: TickerHit[] = [];
  for (const h of hits) {
    if (!h.primary) continue;
    for (const s of dict.siblings(h.symbol)) {
      if (!hits.some((x) => x.symbol === s) && !added.some((x) => x.symbol === s)) added.push({ symbol: s, primary: true, relevance: h.relevance, evidence: ['class'] });
    }
  }
  return added.length === 0 ? hits : [...hits, ...added].sort(byRank);
}

// A second clause after a semicolon, a dash or the end of a sentence: companies named only there are context, not the
// subject ("Rivian slides as deliveries trail; Tesla also lower", "$MU guide was a monster. $WDC next?"). Companies after "as"/"after"/"on" stay subjects: in "Hertz jumps
// after Amazon deal" Amazon is an actor of the story.
const CLAUSE_END_RE = /;\s|\s[-–—]\s|(?<!\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|Jr|Sr|St|No|vs|Vs|VS|U\.S|[A-Z]))[.?!]\s/g;
// "Nvidia supplier TSMC posts record profit": the first company describes the second, the subject.
const DESCRIBER_RE = /^\s+(?:supplier|partner|rival|customer|backer|investor|peer|competitor)\s+$/i;

function markSecondary(title: string, tallies: ReadonlyMap<string, Tally>): void {
  const named = [...tallies.values()].filter((t) => t.inTitle).sort((a, b) => a.titlePos - b.titlePos);
  if (named.length < 2) return;
  const first = named[0] as Tally;
  const second = named[1] as Tally;
  // The describing company is context; the described one opens the subject clause.
  const describer = DESCRIBER_RE.test(title.slice(first.titlePos, second.titlePos).replace(/^\S+/, ' '));
  const subject = describer ? second : first;
  if (describer) first.titleSecondary = true;
  CLAUSE_END_RE.lastIndex = subject.titlePos + 1;
  const end = CLAUSE_END_RE.exec(title)?.index ?? Infinity;
  for (const t of named) if (t.titlePos > end) t.titleSecondary = true;
}

const ANALYST_ACTION_RE =
  /^(.{2,60}?)\s+(?:analysts?\s+)?(?:Upgrades|Downgrades|Initiates|Reiterates|Maintains|Resumes|Assumes|Starts Coverage|(?:Raises|Lifts|Boosts|Cuts|Lowers|Trims|Sets|Adjusts|Hikes)\s+(?:(?:Its|the)\s+)?(?:Price\s+Target|PT|Target|Rating|Estimates))\b/i;

/** End of the broker's name in an analyst-action headline, or 0; only when a company follows the action. */
const ANALYST_HINT_RE = /grade|Initiat|Reiterat|Maintain|Resume|Assume|Coverage|Target|Rating|Estimate|PT\b/i;

function analystSourceEnd(title: string, mentions: readonly Mention[]): number {
  if (mentions.length < 2 || !ANALYST_HINT_RE.test(title)) return 0;
  const m = ANALYST_ACTION_RE.exec(title);
  if (m === null) return 0;
  const end = (m[1] ?? '').length;
  return mentions.some((x) => x.pos < end) && mentions.some((x) => x.pos > end) ? end : 0;
}

// First word of a registrant's name ('' when it is too short or generic to stand for the company).
const firstWordCache = new WeakMap<SymbolDictionary, Map<string, string>>();

function firstWordOf(dict: SymbolDictionary, symbol: string): string {
  let cache = firstWordCache.get(dict);
  if (cache === undefined) {
    cache = new Map();
    firstWordCache.set(dict, cache);
  }
  let word = cache.get(symbol);
  if (word === undefined) {
    const name = dict.get(symbol)?.name;
    const first = name === undefined ? undefined : nameTokens(name)[0];
    word = first === undefined || first.length < 4 || GENERIC_NAME_WORDS.has(first) || dict.isStopWord(first) ? '' : first;
    cache.set(symbol, word);
  }
  return word;
}

const NO_WORDS: ReadonlyMap<string, string> = new Map();

/** "apollo" → APO for each company found by an explicit form or a feed tag. */
function firstWordsOf(dict: SymbolDictionary, symbols: ReadonlySet<string>): ReadonlyMap<string, string> {
  if (symbols.size === 0) return NO_WORDS;
  const out = new Map<string, string>();
  for (const symbol of symbols) {
    const first = firstWordOf(dict, symbol);
    if (first !== '' && !out.has(first)) out.set(first, symbol);
  }
  return out;
}

/**
 * "Cameco and Brookfield sign …" with "Brookfield Asset Management (NYSE: BAM)" in the body: a one-word
 * name goes to the company the item names explicitly or in full when that company's name starts with it.
 */
function reassignOneWordNames(dict: SymbolDictionary, names: Mention[], ...explicit: (readonly Mention[])[]): void {
  if (!names.some((m) => m.word !== undefined)) return;
  const firstWords = new Map<string, string>();
  const note = (symbol: string): void => {
    const first = firstWordOf(dict, symbol);
    if (first !== '' && !firstWords.has(first)) firstWords.set(first, symbol);
  };
  for (const list of explicit) for (const m of list) note(m.symbol);
  for (const m of names) if (m.word === undefined) note(m.symbol);
  for (const m of names) {
    if (m.word === undefined) continue;
    const other = firstWords.get(m.word);
    if (other !== undefined && other !== m.symbol) m.symbol = other;
  }
}

export function createTickerExtractor(dict: SymbolDictionary): (input: ExtractInput) => TickerHit[] {
  return (input) => extractWith(dict, input);
}

function byRank(a: TickerHit, b: TickerHit): number {
  return Number(b.primary) - Number(a.primary) || b.relevance - a.relevance || (a.symbol < b.symbol ? -1 : 1);
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
    let primary = !t.exposureOnly && ((t.inTitle && !t.titleSecondary) || t === leadSubject);
    // Nothing in the text names a subject: trust the provider's tags.
    if (t.evidence.has('feed') && !anyTitle && leadSubject === undefined && (feedOnly || feedCount === 1)) primary = true;
    let relevance = t.inTitle ? (t.titleSecondary ? 70 : 90) : t.inLead ? 70 : feedOnly ? 50 : 35;
    if (strong) relevance += 10;
    relevance += Math.min(15, 5 * Math.max(0, t.count - 1));
    if (t.exposureOnly) relevance = Math.min(relevance, 25);
    if (primary) relevance = Math.max(relevance, 80);
    return { symbol: t.symbol, primary, relevance: Math.min(100, relevance), evidence: [...t.evidence].sort() };
  });
  return hits.sort(byRank);
}

/** GOOGL primary makes GOOG (same company, other class) primary too. */
function withPrimaryClasses(dict: SymbolDictionary, hits: TickerHit[]): TickerHit[] {
  const primary = hits.filter((h) => h.primary);
  if (primary.length === 0 || primary.length === hits.length) return hits;
  const promote = new Set<string>();
  for (const p of primary) for (const s of dict.siblings(p.symbol)) if (s !== p.symbol) promote.add(s);
  let changed = false;
  for (const h of hits) {
    if (!h.primary && promote.has(h.symbol)) {
      h.primary = true;
      h.relevance = Math.max(h.relevance, 80);
      changed = true;
    }
  }
  return changed ? hits.sort(byRank) : hits;
}
