// The symbol dictionary: what the shipped symbol file says, indexed for the extractor.
// Pure: it takes the parsed file (see src/stores/dictionary-file.ts for the reading).
import { nameTokens } from './company-name.js';
import { DEFAULT_STOP_LIST } from './stop-list.js';

/**
 * One row of the symbol file: [symbol, registrant name, exchange, cik (0 = none), flags, name keys].
 * Name keys are normalized token strings joined by `|`; `~key` is a common word that needs supporting
 * evidence, `^key` the distinctive first word of a longer name.
 */
export type SymbolRow = [symbol: string, name: string, exchange: string, cik: number, flags: number, names: string];

/** Flag bits of a SymbolRow. */
export const SYMBOL_FLAGS = { etf: 1, otc: 2 } as const;

/** The parsed symbol file plus the hand-kept alias table. */
export interface SymbolData {
  version: number;
  /** Date of the directories the file was built from (YYYY-MM-DD). */
  asOf: string;
  symbols: SymbolRow[];
  /** [alias text, symbol]; brand and former names ("Google" → GOOGL). A `~` before the symbol marks a
   * common word ("Target" → ~TGT) that needs supporting evidence. */
  aliases: [string, string][];
  /** Extra stop-list words on top of the built-in list. */
  stopList?: string[];
}

export interface SymbolInfo {
  symbol: string;
  name: string;
  exchange: string;
  cik: number;
  etf: boolean;
  otc: boolean;
}

export type NameKind = 'name' | 'alias';

export interface NameEntry {
  symbol: string;
  kind: NameKind;
  /** A common word ("Target", "Block"): accepted only with supporting evidence. */
  weak: boolean;
  /** The first word of a longer registrant name ("Palantir" of Palantir Technologies). */
  short: boolean;
  /** Number of tokens in the matched name. */
  length: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: NameEntry;
}

export interface SymbolDictionary {
  asOf: string;
  size: number;
  get(symbol: string): SymbolInfo | undefined;
  has(symbol: string): boolean;
  /** Primary symbol of a registrant (SEC CIK), e.g. 320193 → AAPL. */
  symbolForCik(cik: number): string | undefined;
  /** All symbols of the same registrant as `symbol` (GOOGL → GOOGL, GOOG), itself included. */
  siblings(symbol: string): readonly string[];
  /** Tickers that are common words or abbreviations: never accepted as bare words. */
  isStopWord(word: string): boolean;
  /** Root of the token trie over normalized company names and aliases. */
  names: TrieNode;
}

/**
 * One canonical form for share classes: BRK.B, BRK-B, BRK/B, BRK B and brk.b all become BRK.B.
 * A leading `$` and surrounding space are dropped. Preferred-share markers are left alone.
 */
export function normalizeSymbol(s: string): string {
  let out = s.trim().toUpperCase();
  if (out.startsWith('$')) out = out.slice(1);
  return out.replace(/^([A-Z0-9]{1,6})[-/_ ]([A-Z]{1,2})$/, '$1.$2');
}

function insertName(root: TrieNode, tokens: string[], entry: NameEntry): void {
  let node = root;
  for (const t of tokens) {
    let child = node.next.get(t);
    if (child === undefined) {
      child = { next: new Map() };
      node.next.set(t, child);
    }
    node = child;
  }
  // An alias wins over a derived name; the first derived name wins over later ones (the file is in
  // directory order, largest registrants first).
  if (node.entry === undefined || (entry.kind === 'alias' && node.entry.kind !== 'alias')) node.entry = entry;
}

export function buildSymbolDictionary(data: SymbolData): SymbolDictionary {
  const bySymbol = new Map<string, SymbolInfo>();
  const byCik = new Map<number, string>();
  const cikSymbols = new Map<number, string[]>();
  const root: TrieNode = { next: new Map() };

  for (const [rawSymbol, name, exchange, cik, flags, names] of data.symbols) {
    const symbol = normalizeSymbol(rawSymbol);
    if (bySymbol.has(symbol)) continue;
    const otc = (flags & SYMBOL_FLAGS.otc) !== 0;
    bySymbol.set(symbol, { symbol, name, exchange, cik, etf: (flags & SYMBOL_FLAGS.etf) !== 0, otc });
    if (cik > 0) {
      if (!byCik.has(cik)) byCik.set(cik, symbol);
      const list = cikSymbols.get(cik);
      if (list === undefined) cikSymbols.set(cik, [symbol]);
      else list.push(symbol);
    }
    if (names === '') continue;
    for (const key of names.split('|')) {
      const weak = key.startsWith('~');
      const short = key.startsWith('^');
      const tokens = (weak || short ? key.slice(1) : key).split(' ');
      insertName(root, tokens, { symbol, kind: 'name', weak, short, length: tokens.length });
    }
  }
  for (const [alias, rawSymbol] of data.aliases) {
    const tokens = nameTokens(alias);
    if (tokens.length === 0) continue;
    const weak = rawSymbol.startsWith('~');
    const symbol = normalizeSymbol(weak ? rawSymbol.slice(1) : rawSymbol);
    insertName(root, tokens, { symbol, kind: 'alias', weak, short: false, length: tokens.length });
  }

  const stop = new Set(DEFAULT_STOP_LIST);
  for (const w of data.stopList ?? []) stop.add(w.toUpperCase());
  const siblingsOf = (symbol: string): readonly string[] => {
    const info = bySymbol.get(symbol);
    if (info === undefined || info.cik === 0) return [symbol];
    return cikSymbols.get(info.cik) ?? [symbol];
  };

  return {
    asOf: data.asOf,
    size: bySymbol.size,
    get: (symbol) => bySymbol.get(symbol),
    has: (symbol) => bySymbol.has(symbol),
    symbolForCik: (cik) => byCik.get(cik),
    siblings: siblingsOf,
    isStopWord: (word) => stop.has(word.toUpperCase()),
    names: root,
  };
}
