// The symbol dictionary: what the shipped symbol file says, indexed for the extractor.
// Pure: it takes the parsed file (see src/stores/dictionary-file.ts for the reading).
//
// The file is laid out so that loading is little more than JSON.parse: symbols and names are JSON
// objects used directly as hash tables (null prototype), and the per-first-token name lengths are
// precomputed by scripts/build-dictionary.ts. Only the small alias table is indexed at load.
import { nameTokens } from './company-name.js';
import { DEFAULT_STOP_LIST } from './stop-list.js';

/** [registrant name, exchange, cik (0 = none), flags]. */
export type SymbolRow = [name: string, exchange: string, cik: number, flags: number];

/** Flag bits of a SymbolRow. */
export const SYMBOL_FLAGS = { etf: 1, otc: 2 } as const;

/** The parsed symbol file plus the hand-kept alias table. */
export interface SymbolData {
  version: 2;
  /** Date of the directories the file was built from (YYYY-MM-DD). */
  asOf: string;
  /** Canonical symbol (normalizeSymbol form) → row, in directory order: largest registrants and main classes first. */
  symbols: Record<string, SymbolRow>;
  /**
   * Normalized company name ("bank of america") → symbol. `~SYM`: the name is a common word and needs
   * supporting evidence; `^SYM`: the name is the distinctive first word of a longer registrant name;
   * `~^SYM`: both; `'SYM`: the possessive spelling of a name written without its apostrophe.
   */
  names: Record<string, string>;
  /** First token of a name → the most tokens any name starting with it has. */
  firstTokens: Record<string, number>;
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
  /** Matches only where the first word carries an apostrophe ("Moody's" for MOODYS CORP). */
  possessiveOnly?: boolean;
}

/** Company names and aliases, keyed by normalized tokens joined with spaces. */
export interface NameIndex {
  lookup(key: string): NameEntry | undefined;
  /** The most tokens a name starting with `firstToken` has; 0 when none does. */
  maxTokens(firstToken: string): number;
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
  /** Brand and former names of a symbol from the alias table ("Google", "YouTube" for GOOGL), as written there. */
  aliasesOf(symbol: string): readonly string[];
  names: NameIndex;
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

function parseNameValue(value: string, key: string, kind: NameKind): NameEntry {
  if (value.charCodeAt(0) === 39) {
    // ' : the possessive spelling of a name the SEC writes without the apostrophe.
    const entry = parseNameValue(value.slice(1), key, kind);
    return { ...entry, possessiveOnly: true };
  }
  let at = 0;
  const weak = value.charCodeAt(at) === 126; // ~
  if (weak) at++;
  const short = value.charCodeAt(at) === 94; // ^
  if (short) at++;
  let length = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) length++;
  return { symbol: at > 0 ? value.slice(at) : value, kind, weak, short, length };
}

function asTable<T>(o: Record<string, T>): Record<string, T> {
  // Parsed JSON objects inherit Object.prototype: "constructor" must not look like a company.
  return Object.setPrototypeOf(o, null) as Record<string, T>;
}

/** Most entries a per-dictionary memo keeps before it starts over. */
const CACHE_LIMIT = 50_000;

export function buildSymbolDictionary(data: SymbolData): SymbolDictionary {
  const symbols = asTable(data.symbols);
  const names = asTable(data.names);
  const firstTokens = asTable(data.firstTokens);
  const aliases = new Map<string, NameEntry>();
  const aliasMax = new Map<string, number>();
  const aliasesBySymbol = new Map<string, string[]>();
  for (const [alias, value] of data.aliases) {
    const tokens = nameTokens(alias);
    const first = tokens[0];
    if (first === undefined) continue;
    const key = tokens.join(' ');
    const entry = parseNameValue(value, key, 'alias');
    const symbol = normalizeSymbol(entry.symbol);
    aliases.set(key, { ...entry, symbol });
    aliasesBySymbol.set(symbol, [...(aliasesBySymbol.get(symbol) ?? []), alias]);
    aliasMax.set(first, Math.max(aliasMax.get(first) ?? 0, tokens.length));
  }
  // The matcher asks for the same few thousand keys (and misses) story after story: remember the parsed
  // entry, or null for a miss, instead of parsing the name value again. Entries are never mutated by callers.
  // Bounded so a long-running process reading arbitrary text cannot grow it without limit.
  const lookupCache = new Map<string, NameEntry | null>();
  const maxCache = new Map<string, number>();
  const nameIndex: NameIndex = {
    lookup(key) {
      const cached = lookupCache.get(key);
      if (cached !== undefined) return cached ?? undefined;
      const alias = aliases.get(key);
      let entry: NameEntry | undefined = alias;
      if (entry === undefined) {
        const value = names[key];
        entry = value === undefined ? undefined : parseNameValue(value, key, 'name');
      }
      if (lookupCache.size >= CACHE_LIMIT) lookupCache.clear();
      lookupCache.set(key, entry ?? null);
      return entry;
    },
    maxTokens(first) {
      // Asked for every capitalized word of every story; a keyed read of the big parsed object with a fresh
      // (non-internalized) string is slow in V8, a Map read is not.
      let max = maxCache.get(first);
      if (max === undefined) {
        max = Math.max(firstTokens[first] ?? 0, aliasMax.get(first) ?? 0);
        if (maxCache.size >= CACHE_LIMIT) maxCache.clear();
        maxCache.set(first, max);
      }
      return max;
    },
  };

  // CIK lookups are rare (EDGAR items): index on first use.
  let byCik: Map<number, string[]> | undefined;
  const cikIndex = (): Map<number, string[]> => {
    if (byCik === undefined) {
      byCik = new Map();
      for (const symbol in symbols) {
        const cik = symbols[symbol]?.[2] ?? 0;
        if (cik === 0) continue;
        const list = byCik.get(cik);
        if (list === undefined) byCik.set(cik, [symbol]);
        else list.push(symbol);
      }
    }
    return byCik;
  };
  // Symbol reads go through a Map memo for the same reason as maxTokens: the words asked about are fresh strings.
  const rowCache = new Map<string, SymbolRow | null>();
  const rowOf = (symbol: string): SymbolRow | undefined => {
    const cached = rowCache.get(symbol);
    if (cached !== undefined) return cached ?? undefined;
    const row = symbols[symbol];
    if (rowCache.size >= CACHE_LIMIT) rowCache.clear();
    rowCache.set(symbol, row ?? null);
    return row;
  };
  const stop = new Set(DEFAULT_STOP_LIST);
  for (const w of data.stopList ?? []) stop.add(w.toUpperCase());
  let size = -1;

  return {
    asOf: data.asOf,
    get size() {
      if (size < 0) size = Object.keys(symbols).length;
      return size;
    },
    get(symbol) {
      const row = rowOf(symbol);
      if (row === undefined) return undefined;
      const [name, exchange, cik, flags] = row;
      return { symbol, name, exchange, cik, etf: (flags & SYMBOL_FLAGS.etf) !== 0, otc: (flags & SYMBOL_FLAGS.otc) !== 0 };
    },
    has: (symbol) => rowOf(symbol) !== undefined,
    symbolForCik: (cik) => cikIndex().get(cik)?.[0],
    siblings(symbol) {
      const cik = rowOf(symbol)?.[2] ?? 0;
      return (cik > 0 ? cikIndex().get(cik) : undefined) ?? [symbol];
    },
    isStopWord: (word) => stop.has(word.toUpperCase()),
    aliasesOf: (symbol) => aliasesBySymbol.get(symbol) ?? [],
    names: nameIndex,
  };
}
