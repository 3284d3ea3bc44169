// Explicit ticker forms: cashtags, exchange prefixes, Reuters RICs and SEC EDGAR CIKs.
import { normalizeSymbol } from './dictionary.js';

export type Evidence = 'feed' | 'cashtag' | 'exchange' | 'ric' | 'class' | 'cik' | 'name' | 'alias' | 'name+ticker' | 'paren' | 'bare';

/** One occurrence of a ticker in a field, before aggregation. */
export interface Mention {
  symbol: string;
  evidence: Evidence;
  /** Offset in the field's text. */
  pos: number;
  /** For a one-word company name ("Brookfield"): the word, so it can go to the company the item names in full. */
  word?: string;
}

const CASHTAG_RE = /(?:^|[^A-Za-z0-9$&])\$([A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?)(?![A-Za-z0-9])/g;

// US venues only: a TSX or HKEX code is not a US ticker even when the letters coincide.
const US_EXCHANGE =
  'NYSE\\s*(?:American|Arca|MKT)?|NYSEAMERICAN|NYSEARCA|NYSEMKT|NASDAQ(?:\\s*(?:GS|GM|CM|Global\\s+Select(?:\\s+Market)?|Global\\s+Market|Capital\\s+Market|Stock\\s+Market))?|AMEX|BATS|Cboe(?:\\s*BZX)?|OTC(?:QX|QB|\\s*Pink|\\s*Markets|MKTS)?|Pink\\s*Sheets';
const SYMBOL = '[A-Za-z][A-Za-z0-9]{0,5}(?:[.\\-/][A-Za-z]{1,2})?';
const EXCHANGE_RE = new RegExp(
  `(?<![A-Za-z])(?:${US_EXCHANGE})\\s*:\\s*(${SYMBOL}(?:\\s*(?:,|/|&|and)\\s*${SYMBOL}(?![A-Za-z0-9]*\\s*:))*)(?![A-Za-z0-9])`,
  'gi',
);
const LIST_SPLIT_RE = /\s*(?:,|\/(?![A-Z]\b)|&|\band\b)\s*/;
const RIC_RE = /(?<![A-Za-z0-9.$])([A-Z]{2,5})\.(?:N|O|OQ|K|A|P)(?![A-Za-z0-9.])/g;
const CIK_RE = /\((\d{10})\)/g;
// Share-class notation is itself a ticker form: BRK.B, BRK/A, BF.B, MOG.A.
const CLASS_RE = /(?<![A-Za-z0-9.$])([A-Z]{2,5})[./]([A-Z])(?![A-Za-z0-9])/g;

function isUpperSymbol(s: string): boolean {
  return /^[A-Z][A-Z0-9]{0,5}(?:[.\-/][A-Z]{1,2})?$/.test(s);
}

export interface PatternLookup {
  has(symbol: string): boolean;
  symbolForCik(cik: number): string | undefined;
}

export function findCashtags(text: string, dict: PatternLookup, out: Mention[]): void {
  if (!text.includes('$')) return;
  CASHTAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CASHTAG_RE.exec(text)) !== null) {
    const raw = m[1] ?? '';
    const symbol = normalizeSymbol(raw.replace('_', '.'));
    // Cashtags are also used for coins ($BTC); keep the ones that are listed securities.
    if (dict.has(symbol)) out.push({ symbol, evidence: 'cashtag', pos: m.index + m[0].indexOf('$') });
  }
}

export function findExchangePrefixed(text: string, out: Mention[]): void {
  if (!text.includes(':')) return;
  EXCHANGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EXCHANGE_RE.exec(text)) !== null) {
    const list = m[1] ?? '';
    const listStart = m.index + m[0].length - list.length;
    let offset = 0;
    for (const part of list.split(LIST_SPLIT_RE)) {
      const at = list.indexOf(part, offset);
      offset = at + part.length;
      // The exchange name is case-insensitive, the symbol is not: "NYSE: The" is prose.
      if (part === '' || !isUpperSymbol(part)) break;
      out.push({ symbol: normalizeSymbol(part), evidence: 'exchange', pos: listStart + at });
    }
  }
}

export function findRics(text: string, dict: PatternLookup, out: Mention[]): void {
  if (!text.includes('.')) return; // a RIC always has its dot: skip the scan for texts without one
  RIC_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RIC_RE.exec(text)) !== null) {
    const symbol = m[1] ?? '';
    if (dict.has(symbol)) out.push({ symbol, evidence: 'ric', pos: m.index });
  }
}

export function findShareClasses(text: string, dict: PatternLookup, out: Mention[]): void {
  if (!text.includes('.') && !text.includes('/')) return; // the class separator is one of these
  CLASS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLASS_RE.exec(text)) !== null) {
    const symbol = `${m[1] ?? ''}.${m[2] ?? ''}`;
    if (dict.has(symbol)) out.push({ symbol, evidence: 'class', pos: m.index });
  }
}

/** SEC EDGAR titles: "8-K - APPLE INC (0000320193) (Filer)". */
export function findCiks(text: string, dict: PatternLookup, out: Mention[]): void {
  if (!text.includes('(0')) return; // CIKs are zero-padded to ten digits
  CIK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CIK_RE.exec(text)) !== null) {
    const symbol = dict.symbolForCik(Number(m[1]));
    if (symbol !== undefined) out.push({ symbol, evidence: 'cik', pos: m.index });
  }
}

/** Feed-supplied tickers: "BABA", "NYSE:BABA", "Nasdaq: AAPL", "brk-b". */
export function parseSourceTicker(raw: string): string | undefined {
  const colon = raw.lastIndexOf(':');
  const s = normalizeSymbol(colon >= 0 ? raw.slice(colon + 1) : raw);
  return /^[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?$/.test(s) ? s : undefined;
}
