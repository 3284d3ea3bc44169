// Company names, aliases, "Company Name TICKER" and bare upper-case tickers, in one pass over the
// tokens of a field. The matcher is a token trie walked from each capitalized token: names are at most
// a handful of tokens, so the walk is a few map lookups per token. A character-level Aho-Corasick
// would need word-boundary and capitalization checks after the fact; tokens give both for free.
import { tokenize, type NameToken } from './company-name.js';
import type { SymbolDictionary, NameIndex, NameEntry } from './dictionary.js';
import type { Mention } from './patterns.js';

const LEGAL_SUFFIX = new Set([
  'inc', 'corp', 'corporation', 'co', 'company', 'companies', 'ltd', 'limited', 'plc', 'llc', 'holding', 'holdings', 'group', 'nv', 'n.v',
  'sa', 's.a', 'ag', 'se', 'lp', 'class', 'com',
]);
// Words that make a neighbouring name or upper-case word a stock: "Target shares", "shares of BABA".
const SHARE_CONTEXT = new Set([
  'shares', 'share', 'stock', 'stocks', 'stake', 'options', 'calls', 'puts', 'adr', 'adrs', 'ads', 'stockholders',
  'shareholders',
]);
const MOVE_CONTEXT = new Set([
  'rallies', 'jumps', 'falls', 'slides', 'surges', 'plunges', 'gains', 'drops', 'sinks', 'soars', 'rises', 'climbs',
  'tumbles', 'dips', 'spikes', 'upgraded', 'downgraded', 'beats', 'misses', 'tops', 'rallied', 'jumped', 'fell',
  'slid', 'surged', 'plunged', 'gained', 'dropped', 'sank', 'soared', 'rose', 'climbed', 'tumbled', 'dipped',
  'spiked', 'slipped', 'slumped', 'advanced', 'declined', 'edged', 'traded', 'trades', 'closed', 'opened',
]);
const NAME_PARTICLES = new Set(['da', 'de', 'di', 'del', 'della', 'van', 'von', 'der', 'la', 'le', 'du', 'dos', 'das', 'al', 'el', 'bin', 'ibn']);
const LIST_GAP_RE = /^\s*(?:,|\/|&|and|,\s*and|vs\.?|versus)\s*$/i;
const CONTEXT_BEFORE = new Set(['shares', 'stock', 'buy', 'sell', 'long', 'short', 'own', 'owns', 'holders', 'of']);
// Verbs that make the word opening a headline its subject: "Target Cuts Annual Sales Forecast", "Delta raises outlook".
const HEADLINE_VERBS = new Set([
  'cuts', 'raises', 'lowers', 'lifts', 'boosts', 'hikes', 'slashes', 'trims', 'reports', 'posts', 'beats', 'misses', 'tops',
  'names', 'appoints', 'announces', 'files', 'sees', 'expects', 'warns', 'plans', 'agrees', 'sells', 'buys', 'acquires',
  'launches', 'recalls', 'unveils', 'declares', 'reaffirms', 'withdraws', 'suspends', 'settles', 'sues', 'wins', 'loses',
]);
// A title or an institution's possessive before a one-word name makes it a person: "Fed's Powell", "Governor Waller".
const PERSON_TITLES = new Set([
  'chair', 'chairman', 'chairwoman', 'governor', 'president', 'secretary', 'senator', 'sen.', 'rep.', 'judge', 'justice',
  'commissioner', 'minister', 'chancellor', 'premier', 'speaker', 'mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr',
]);
// A one-word name followed by a farm word is the produce: "Apple growers", "Orange harvest".
const PRODUCE_CONTEXT = new Set(['growers', 'grower', 'orchards', 'orchard', 'farmers', 'harvest', 'crop', 'crops', 'juice', 'trees']);
const INSTITUTIONS = new Set(['fed', 'ecb', 'boj', 'boe', 'snb', 'rba', 'imf', 'treasury', 'opec', 'sec', 'ftc', 'doj']);

const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const DAY_AFTER = /^\.?\s\d/;
const EXCHANGE_CODE_AFTER = /^\s?:\s*[A-Z0-9][A-Z0-9.]{0,6}(?![a-z])/;

export interface FieldScan {
  mentions: Mention[];
  /** Offset where the first sentence of the field ends. */
  leadEnd: number;
}

/** Most words capitalized: a headline in Title Case (or ALL CAPS), where capitals prove nothing. */
function isTitleCase(tokens: readonly NameToken[]): boolean {
  let words = 0;
  let lower = 0;
  for (const t of tokens) {
    if (t.end - t.start < 4 || /^\d/.test(t.key)) continue;
    words++;
    if (!t.capitalized) lower++;
  }
  return words >= 3 && lower / words < 0.25;
}

function sentenceStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ' ' || c === '"' || c === '\'' || c === '“' || c === '(' || c === '\n' || c === '\t') continue;
    return c === '.' || c === '!' || c === '?' || c === ':' || c === '-' || c === '—';
  }
  return true;
}

const ABBREVIATIONS = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'calif', 'mass', 'fla', 'ore', 'wash', 'colo', 'conn', 'pa', 'va', 'n.y', 'n.j', 'u.s', 'u.k', 'e.u', 'a.m', 'p.m']);

/** End of the first sentence: a `.`, `!` or `?` before a space, not after an abbreviation ("Inc.", "e.l.f.", "U.S."). */
function firstSentenceEnd(text: string, tokens: readonly NameToken[]): number {
  let t = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    const after = text[i + 1];
    if (after !== undefined && after !== ' ' && after !== '\n' && after !== '"' && after !== '”') continue;
    if (c === '.') {
      while (t < tokens.length && (tokens[t]?.end ?? 0) < i) t++;
      const prev = tokens[t]?.end === i ? tokens[t] : undefined;
      if (prev !== undefined && (prev.end - prev.start === 1 || prev.key.includes('.') || ABBREVIATIONS.has(prev.key))) continue;
    }
    return i + 1;
  }
  return text.length;
}

function longestMatch(names: NameIndex, tokens: readonly NameToken[], i: number): { entry: NameEntry; end: number } | undefined {
  const first = tokens[i];
  if (first === undefined) return undefined;
  const max = names.maxTokens(first.key);
  if (max === 0) return undefined;
  let key = first.key;
  let best: { entry: NameEntry; end: number } | undefined;
  for (let j = i; ; ) {
    const entry = names.lookup(key);
    if (entry !== undefined) best = { entry, end: j + 1 };
    j++;
    const tok = tokens[j];
    if (j - i >= max || tok === undefined) break;
    key = `${key} ${tok.key}`;
  }
  return best;
}

/** A bare upper-case token that is a dictionary symbol, e.g. BABA or BRK.B. */
function bareSymbol(text: string, tok: NameToken, dict: SymbolDictionary): string | undefined {
  if (!tok.allCaps) return undefined;
  const raw = text.slice(tok.start, tok.end).replace(/['’]S$/, '');
  if (raw.length < 2 || raw.length > 7 || !/^[A-Z][A-Z0-9]*(?:\.[A-Z]{1,2})?$/.test(raw)) return undefined;
  return dict.has(raw) ? raw : undefined;
}

function inParens(text: string, tok: NameToken): boolean {
  return text[tok.start - 1] === '(' && text[tok.end] === ')';
}

/** "Federal Open Market Committee (FOMC)": the capitals spell the words before them. */
function isAcronymOfPreceding(text: string, tokens: readonly NameToken[], i: number): boolean {
  const raw = text.slice(tokens[i]?.start ?? 0, tokens[i]?.end ?? 0);
  const initials = raw.replace(/[^A-Z]/g, '');
  let k = i - 1;
  let spelled = '';
  while (k >= 0 && spelled.length < initials.length) {
    const t = tokens[k];
    if (t === undefined) break;
    if (t.key !== 'of' && t.key !== '&' && t.key !== 'the' && t.key !== 'for') spelled = t.key[0]?.toUpperCase() + spelled;
    k--;
  }
  return spelled === initials;
}

// Press-release and wire datelines: "PALO ALTO, Calif., /PRNewswire/ --", "NEW YORK--(BUSINESS WIRE)--",
// "CORPUS CHRISTI, TX / ACCESS Newswire /", "NEW YORK (AP) -", "LONDON (Reuters) -".
const DATELINE_RE = /^\s*[A-Z][A-Z.'\- ]{2,}(?:(?:,|\s+and\s)[^\n]{0,160}?(?:--|—|\/\s*-|\/\s*[A-Za-z ]{0,20}wire\s*\/)|\s*\((?:AP|Reuters|Bloomberg|Dow Jones|MarketWatch)\)\s*(?:--|—|–|-))/i;

function datelineEnd(text: string): number {
  const m = DATELINE_RE.exec(text);
  return m === null ? 0 : m.index + m[0].length;
}

function adjacent(text: string, a: NameToken, b: NameToken): boolean {
  for (let k = a.end; k < b.start; k++) if (text[k] !== ' ') return false;
  return true;
}

export interface ScanContext {
  /** Symbols already found in the item by an explicit form, a feed tag or the headline. */
  found: ReadonlySet<string>;
  /** Offsets where an explicit form already named a ticker, so the characters are not counted again as a bare word. */
  explicitAt: ReadonlySet<number>;
  isTitle: boolean;
  /** First word of the registrant name of each company named explicitly ("apollo" → APO). */
  firstWords: ReadonlyMap<string, string>;
}

interface Span {
  symbol: string;
  start: number;
  end: number;
  word?: string;
}

export function scanNames(text: string, dict: SymbolDictionary, ctx: ScanContext): FieldScan {
  const { found, explicitAt, isTitle, firstWords } = ctx;
  const tokens = tokenize(text);
  const skipUntil = datelineEnd(text);
  const titleCase = isTitleCase(tokens);
  const mentions: Mention[] = [];
  const leadEnd = firstSentenceEnd(text, tokens);
  const nameFound = new Set<string>();
  const pendingBare: { symbol: string; pos: number; end: number; context: boolean; paren: boolean }[] = [];
  const accepted: Span[] = [];
  const rejectedWeak: Span[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === undefined || !tok.capitalized || tok.start < skipUntil) continue;
    // "on Nov. 3": a date, not NOV Inc.
    if (MONTH_ABBREVIATIONS.has(tok.key) && DAY_AFTER.test(text.slice(tok.end, tok.end + 5))) continue;
    const match = longestMatch(dict.names, tokens, i);
    const known = match === undefined || match.entry.length === 1 ? firstWords.get(tok.key) : undefined;
    if (known !== undefined && !tok.allCaps && !(i > 0 && tokens[i - 1]?.capitalized === true && !titleCase)) {
      // "KKR, Apollo Shares Fall" with "Apollo Global Management Inc (NYSE:APO)" in the body.
      mentions.push({ symbol: known, evidence: 'name', pos: tok.start });
      accepted.push({ symbol: known, start: tok.start, end: tok.end });
      nameFound.add(known);
      continue;
    }
    if (match !== undefined && !(match.entry.possessiveOnly === true && !tok.possessive)) {
      const { entry } = match;
      let end = match.end;
      // "Alibaba Group Holding Ltd BABA": step over the legal suffixes the name key dropped.
      while (end < tokens.length && end - match.end < 4 && LEGAL_SUFFIX.has(tokens[end]?.key ?? '')) end++;
      const next = tokens[end];
      const last = tokens[end - 1];
      const prev = tokens[i - 1];
      const withTicker = next !== undefined && next.allCaps && dict.siblings(entry.symbol).includes(text.slice(next.start, next.end));
      const suffix = LEGAL_SUFFIX.has(tokens[match.end]?.key ?? '');
      // "New York" is not York Water, "PALO ALTO" is not Palo Alto Networks: a capitalized word glued
      // to the name makes it part of a longer proper noun (not decidable in Title Case headlines).
      const partOfLongerName =
        !titleCase &&
        ((next !== undefined && next.capitalized && !next.allCaps && !suffix && last !== undefined && adjacent(text, last, next)) ||
          (prev !== undefined && prev.capitalized && adjacent(text, prev, tok) && !sentenceStart(text, prev.start)));
      // "da Vinci", "van Gogh", "Fed's Powell": a particle or a title before a one-word name makes it a person or a work.
      const particle =
        prev !== undefined &&
        entry.length === 1 &&
        ((!prev.capitalized && NAME_PARTICLES.has(prev.key)) || PERSON_TITLES.has(prev.key) || (prev.possessive && INSTITUTIONS.has(prev.key)));
      const produce = entry.length === 1 && tokens[match.end] !== undefined && PRODUCE_CONTEXT.has(tokens[match.end]?.key ?? '');
      let weakEvidence = false;
      if (entry.weak && !particle && !withTicker) {
        const possessive = last?.possessive === true;
        // "Quantum Computing Stocks Rally" is about a theme; "Target Stock Falls" about a company.
        const context =
          next !== undefined && SHARE_CONTEXT.has(next.key) && next.key !== 'stocks' && !possessive && last !== undefined && adjacent(text, last, next);
        const properNoun = !titleCase && !sentenceStart(text, tok.start) && !partOfLongerName;
        // "Ford recalls 850,000 vehicles": a curated brand opening a sentence-case headline is its subject.
        // Also a multi-word name: "Capital One completes …", "Fifth Third to buy …".
        const headlineSubject =
          isTitle &&
          i === 0 &&
          next !== undefined &&
          (((entry.kind === 'alias' || entry.length > 1) && !titleCase && !next.capitalized) || HEADLINE_VERBS.has(next.key));
        weakEvidence = suffix || context || possessive || properNoun || headlineSubject || (found.has(entry.symbol) && !partOfLongerName);
      }
      // A symbol quoted only over the counter ("BYD" is BYDDF) counts when written out, not when its name is.
      const otc = !withTicker && dict.get(entry.symbol)?.otc === true;
      let accept = !particle && !otc && !produce;
      if (particle || otc || produce || withTicker) {
        // decided above
      } else if (entry.kind === 'name' && entry.length === 1 && entry.short && entry.weak) {
        accept = !suffix && !partOfLongerName && weakEvidence;
      } else if (entry.kind === 'name' && entry.length === 1 && !entry.weak) {
        // A one-word registrant name ("Viking", "Gran") followed by another proper word is likely a
        // different company or a place ("Viking Line", "Gran Canaria"); the suffix rule covers "X Corp".
        accept = !(entry.short && suffix) && !partOfLongerName;
      } else if (entry.short) {
        // "Hess Corp" is another company than Hess Midstream.
        accept = !suffix && !partOfLongerName;
      } else if (entry.weak) {
        accept = weakEvidence;
      }
      const spanEnd = withTicker && next !== undefined ? next.end : (last ?? tok).end;
      if (accept) {
        const evidence = withTicker ? 'name+ticker' : entry.kind;
        if (entry.length === 1 && !withTicker) mentions.push({ symbol: entry.symbol, evidence, pos: tok.start, word: tok.key });
        else mentions.push({ symbol: entry.symbol, evidence, pos: tok.start });
        accepted.push({ symbol: entry.symbol, start: tok.start, end: spanEnd });
        nameFound.add(entry.symbol);
        i = withTicker ? end : end - 1;
        continue;
      }
      if (entry.weak && !particle && !partOfLongerName) {
        const span: Span = { symbol: entry.symbol, start: tok.start, end: spanEnd };
        if (entry.length === 1) span.word = tok.key;
        rejectedWeak.push(span);
        i = end - 1;
        continue;
      }
    }
    // Only an all-caps word can be a bare symbol (bareSymbol checks it too): skip the checks below for the rest.
    if (!tok.allCaps) continue;
    // "TSE: 8002", "HEL: TLV1V": an exchange code, not a ticker ("IVV: Which Fund Is Best" is a headline's colon).
    if (explicitAt.has(tok.start) || explicitAt.has(tok.start - 1) || EXCHANGE_CODE_AFTER.test(text.slice(tok.end, tok.end + 10))) continue;
    const symbol = bareSymbol(text, tok, dict);
    if (symbol === undefined || dict.isStopWord(symbol)) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const paren = inParens(text, tok) && !isAcronymOfPreceding(text, tokens, i);
    // "Paramount Skydance Corp PSKY": a ticker right after a legal suffix, Benzinga style.
    const afterSuffix = prev !== undefined && LEGAL_SUFFIX.has(prev.key) && /^[.,]?\s$/.test(text.slice(prev.end, tok.start));
    const context =
      afterSuffix ||
      (next !== undefined && (SHARE_CONTEXT.has(next.key) || MOVE_CONTEXT.has(next.key)) && !next.allCaps) ||
      (prev !== undefined && CONTEXT_BEFORE.has(prev.key) && !prev.allCaps && (prev.key !== 'of' || SHARE_CONTEXT.has(tokens[i - 2]?.key ?? ''))) ||
      // "BlackRock's IBIT", "Vanguard's VOO": a fund named after its issuer.
      (prev !== undefined && prev.possessive && prev.capitalized && !prev.allCaps && adjacent(text, prev, tok)) ||
      /^\s*[+-]?\d+(?:\.\d+)?%/.test(text.slice(tok.end, tok.end + 12));
    pendingBare.push({ symbol, pos: tok.start, end: tok.end, context, paren });
  }
  // "Ford, GM Slide": a common-word name listed next to a company is a company too.
  for (const r of accepted.length === 0 ? [] : rejectedWeak) {
    if (accepted.some((a) => LIST_GAP_RE.test(text.slice(a.end, r.start)) || LIST_GAP_RE.test(text.slice(r.end, a.start)))) {
      const m: Mention = { symbol: r.symbol, evidence: 'name', pos: r.start };
      if (r.word !== undefined) m.word = r.word;
      mentions.push(m);
      nameFound.add(r.symbol);
    }
  }
  // "AAPL, MSFT and NVDA lead gains": a run of listed symbols is a ticker list.
  for (let k = 0; k + 1 < pendingBare.length; k++) {
    const a = pendingBare[k];
    const b = pendingBare[k + 1];
    if (a !== undefined && b !== undefined && LIST_GAP_RE.test(text.slice(a.end, b.pos))) {
      a.context = true;
      b.context = true;
    }
  }
  // Bare words are kept only with evidence: stock context next to them, parentheses, or the same
  // company found by a stronger form somewhere in the item.
  const allCapsField = tokens.length > 3 && tokens.every((t) => t.allCaps || !/[a-z]/i.test(t.key));
  for (const b of pendingBare) {
    const confirmed = found.has(b.symbol) || nameFound.has(b.symbol);
    if (confirmed || (!allCapsField && (b.paren || b.context))) {
      mentions.push({ symbol: b.symbol, evidence: b.paren ? 'paren' : 'bare', pos: b.pos });
    }
  }
  return { mentions, leadEnd };
}
