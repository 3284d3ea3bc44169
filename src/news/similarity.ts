// Near-duplicate detection for headlines. Title similarity alone cannot tell a reprint from the same template with
// the opposite outcome ("beats" vs "misses" estimates score alike), so a pair is a duplicate only when the texts are
// close AND the gates agree: same direction, no conflicting figures, no conflicting event. "Close" is measured on
// the words (stemmed-word and trigram Jaccard) and on meaning: content words aligned through word vectors, so
// "Netflix stock slides on surprise Brazil tax charge" is close to "Netflix shares fall after it flags Brazilian
// tax expense".
import { numbersAgree } from './figures.js';
import { alignEvents, eventsAgree, sameStoryEvent, UNDIRECTED_EVENTS, words } from './story-events.js';
import type { WordVectors } from './word-vectors.js';

export { extractNumbers, numbersAgree } from './figures.js';

export type Direction = 'up' | 'down' | 'none';

/** What clustering needs to know about a story; plain JSON so it can be stored. */
export interface Fingerprint {
  tickers: string[];
  /** Stemmed title words without stop words, sorted and unique. */
  words: string[];
  /** Character trigrams of the normalized title as 24-bit codes, sorted and unique. */
  grams: number[];
  /**
   * The title's content words as written (lowercase), without stop words and without the names of the companies
   * it is about: what the story says happened. Absent in fingerprints stored before it existed.
   */
  content?: string[];
  /** Stemmed words of the summary/lead, sorted and unique (empty when the story has none). */
  lead: string[];
  /** The lead's content words as written, without the companies' names; absent when the story has no lead. */
  leadContent?: string[];
  direction: Direction;
  /** The headline's overall tone (evaluative words included); absent in fingerprints stored before it existed. */
  tone?: Direction;
  /** Which way the headline says the shares moved ("shares jump"), when it says so. */
  move?: Direction;
  /** Typed figures from the title, e.g. `pct:5`, `amt:1200000000`, `q:3`. */
  numbers: string[];
  event: string | null;
  eventDetail?: string;
  /** Other events the headline also reports ("names new CEO, withdraws forecast"); absent when none. */
  alsoEvents?: string[];
  /** Companies the story names without being about them (the other party of a deal, a broker); absent when none. */
  mentioned?: string[];
}

export interface SimilarityOptions {
  /** Title similarity at or above which two stories are the same (default 0.5). */
  titleThreshold: number;
  /** Lower title similarity accepted when the leads agree at least `leadThreshold` (defaults 0.3 / 0.5). */
  titleWithLeadThreshold: number;
  leadThreshold: number;
  /** Meaning similarity of the leads' content words at or above which two stories are the same (default 0.65). */
  leadMeaningThreshold?: number;
  /** Meaning similarity of the content words at or above which two stories are the same (default 0.55). */
  meaningThreshold: number;
  /** Word vectors for meaning similarity; without them only words with the same stem align. */
  vectors?: WordVectors;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = { titleThreshold: 0.5, titleWithLeadThreshold: 0.3, leadThreshold: 0.5, meaningThreshold: 0.55, leadMeaningThreshold: 0.65 };

const STOP = new Set(
  `a an the of to in on for and or at by with from as is are was were be been its it this that after amid over into
  than then says said say reports reported report per via vs inc corp co ltd plc llc group holdings company shares stock
  update updated breaking exclusive new news video watch here why what how agree agrees agreed deal will set to`.split(/\s+/),
);
const SOURCE_SUFFIX = /\s+[-–—|]\s+[A-Z][\w.&' ]{1,30}$/;
const DESK_PREFIX = /^(?:(?:UPDATE|WRAPUP|REFILE|RPT|CORRECTED)(?:\s+\d+)?|BREAKING(?: NEWS)?|EXCLUSIVE|FLASH|ALERT|HOT STOCKS?|FACTBOX|ANALYSIS|INSIGHT)\s*[-:–—|]\s*/i;

/** Strips wire-desk prefixes ("UPDATE 2-", "BREAKING:") and trailing " - Reuters"-style attributions. */
export function stripTitleDecoration(title: string): string {
  return title.replace(DESK_PREFIX, '').replace(SOURCE_SUFFIX, '');
}

/** The title as clustering compares it: undecorated and lowercased. */
export function normalizeTitle(title: string): string {
  return stripTitleDecoration(title).toLowerCase();
}

export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && word.length > 4 && sibilantBeforeEs(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** "classes", "pushes", "taxes": the plural added "es" after a hissing sound. */
function sibilantBeforeEs(word: string): boolean {
  const a = word.charCodeAt(word.length - 4);
  const b = word.charCodeAt(word.length - 3);
  return b === 120 || b === 122 || (b === 115 && a === 115) || (b === 104 && (a === 115 || a === 99));
}

// Word → its folded form (stemmed, synonym applied), '' for a stop word. Headlines reuse a small vocabulary,
// so the stemmer runs once per distinct word; cleared when full so memory stays bounded.
const folded = new Map<string, string>();
const FOLDED_LIMIT = 20_000;

function foldWord(w: string): string {
  let f = folded.get(w);
  if (f === undefined) {
    if (STOP.has(w)) f = '';
    else {
      const s = stem(w);
      f = SYNONYM.get(s) ?? s;
    }
    if (folded.size >= FOLDED_LIMIT) folded.clear();
    folded.set(w, f);
  }
  return f;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

export function wordSet(text: string): string[] {
  // The words of /[a-z0-9]+(?:[.'][a-z0-9]+)*/g, scanned by hand (no array of matches): a run of [a-z0-9], then any number of
  // `.` or `'` each followed by another run.
  const lower = text.toLowerCase();
  const out = new Set<string>();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordChar(lower.charCodeAt(i))) i++;
      const c = lower.charCodeAt(i);
      if ((c === 46 || c === 39) && i + 1 < n && isWordChar(lower.charCodeAt(i + 1))) i++;
      else break;
    }
    const f = foldWord(lower.slice(start, i));
    if (f !== '') out.add(f);
  }
  return [...out].sort();
}

/** Headline verbs and nouns that wire desks use interchangeably, folded to one word (after stemming). */
const SYNONYM: ReadonlyMap<string, string> = new Map(
  [
    ['acquire', 'buy purchase acquisition takeover acquir'],
    ['announce', 'unveil launch introduce introduc debut'],
    ['cut', 'slash lower reduce trim'],
    ['raise', 'lift boost hike increase rais'],
    ['rise', 'climb gain advance'],
    ['jump', 'surge soar spike rally'],
    ['fall', 'drop slide decline slip sink'],
    ['plunge', 'tumble plummet sink crater'],
    ['forecast', 'outlook guidance view'],
    ['ceo', 'chief executive'],
    ['job', 'worker employee staff'],
    ['profit', 'earning income'],
    ['revenue', 'sale'],
    ['plan', 'program'],
  ].flatMap(([canonical, others]) => (others as string).split(' ').map((o): [string, string] => [o, canonical as string])),
);

// Scratch buffer for trigramSet's codes, reused across calls: allocating a typed array per headline cost more
// than the work itself. Grown when a longer text comes along.
let gramScratch = new Int32Array(512);

export function trigramSet(text: string): number[] {
  // Normalize in one pass: keep [a-z0-9%$], turn every other run of characters into one space, pad with spaces.
  // Each normalized character completes the trigram of the two before it, so codes are produced as we go.
  if (gramScratch.length < text.length + 2) gramScratch = new Int32Array(2 * text.length + 2);
  const codes = gramScratch;
  let n = 0;
  let chars = 1; // normalized length so far: the leading pad space
  let p2 = -1; // the character two back (-1: none yet)
  let p1 = 32; // the previous character
  for (let i = 0; i <= text.length; i++) {
    let c: number;
    if (i === text.length) c = 32; // trailing pad
    else {
      c = text.charCodeAt(i);
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37 || c === 36)) c = 32;
    }
    if (c === 32 && p1 === 32) continue; // runs of dropped characters are one space
    if (p2 >= 0) codes[n++] = (p2 << 16) | (p1 << 8) | c;
    p2 = p1;
    p1 = c;
    chars++;
  }
  if (chars < 3) return [];
  const sorted = codes.subarray(0, n).sort();
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i] as number);
  return out;
}

/**
 * Content words of a normalized title, in order of appearance: every word but stop words, possessive "'s" dropped,
 * and without `skip` (the names of the companies the story is about, which the ticker gate already compares).
 */
export function contentWords(normalized: string, skip: (word: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|[a-z0-9]+(?:[.'-][a-z0-9]+)*/g)) {
    const w = m[0].endsWith("'s") ? m[0].slice(0, -2) : m[0];
    if (foldWord(w) === '' || out.includes(w) || skip(w)) continue;
    out.push(w);
  }
  return out;
}

/** Two content words: 1 when they share a stem (after synonyms), else their vector cosine (never below 0). */
function wordSimilarity(a: string, b: string, vectors: WordVectors | undefined): number {
  if (a === b || foldWord(a) === foldWord(b)) return 1;
  if (vectors === undefined) return 0;
  return Math.max(0, vectors.cosine(a, b));
}

/**
 * Meaning similarity of two content-word lists, 0..1: each word is aligned with its closest word on the other
 * side, and the alignments are averaged over both lists (a greedy soft-cosine). Numbers align only when equal.
 */
export function meaningSimilarity(a: readonly string[], b: readonly string[], vectors?: WordVectors): number {
  if (a.length === 0 || b.length === 0) return 0;
  const best = new Float64Array(b.length);
  let sumA = 0;
  for (const x of a) {
    let bx = 0;
    for (let j = 0; j < b.length; j++) {
      const sim = wordSimilarity(x, b[j] as string, vectors);
      if (sim > bx) bx = sim;
      if (sim > (best[j] as number)) best[j] = sim;
    }
    sumA += bx;
  }
  let sumB = 0;
  for (const v of best) sumB += v;
  return (sumA + sumB) / (a.length + b.length);
}

/** Jaccard index of two sorted unique arrays. */
export function jaccard<T extends string | number>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** Similarity of the texts alone, 0..1 (the better of stemmed-word and trigram Jaccard). */
export function titleSimilarity(a: Fingerprint, b: Fingerprint): number {
  return Math.max(jaccard(a.words, b.words), jaccard(a.grams, b.grams));
}

export type DuplicateVerdict = { duplicate: true; score: number } | { duplicate: false; reason: 'direction' | 'numbers' | 'event' | 'tickers' | 'text'; score: number };

/**
 * Whether `b` is a copy of `a`. `apartMs` is the time between the two: beyond half a day, two stories that report
 * no event (a stock moving, a market wrap) are different days' moves, the same only when reprinted nearly word for
 * word ("Tesla shares fall" on Monday and again on Tuesday are two stories).
 */
export function compareStories(a: Fingerprint, b: Fingerprint, options: SimilarityOptions = DEFAULT_SIMILARITY, apartMs = 0): DuplicateVerdict {
  const title = titleSimilarity(a, b);
  const lead = a.lead.length > 0 && b.lead.length > 0 ? jaccard(a.lead, b.lead) : 0;
  const meaning = meaningSimilarity(a.content ?? [], b.content ?? [], options.vectors);
  const score = Math.max(title, meaning, lead >= options.leadThreshold ? (title + lead) / 2 : 0);
  if (!tickersAgree(a.tickers, b.tickers)) return { duplicate: false, reason: 'tickers', score };
  if (!numbersAgree(a.numbers, b.numbers)) return { duplicate: false, reason: 'numbers', score };
  [a, b] = alignEvents(a, b);
  if (!eventsAgree(a, b) || otherSession(a, b)) return { duplicate: false, reason: 'event', score };
  const sameEvent = sameStoryEvent(a, b);
  // An event with no direction of its own (a layoff round, a new officer, an index change) is one story however each
  // outlet's tone leans; otherwise opposite tone keeps near-twins apart, and opposite share moves always do.
  const undirected = sameEvent && UNDIRECTED_EVENTS.has(a.event ?? '');
  if ((!undirected && opposite(a.tone, b.tone)) || opposite(a.move, b.move) || opposedOutcomes(a.content ?? [], b.content ?? [], title) || opposedMoves(a.content ?? [], b.content ?? [])) {
    return { duplicate: false, reason: 'direction', score };
  }
  // One side without a direction for the same event is a neutral telling of it.
  const oneEvent = sameEvent || (a.event !== null && a.event === b.event);
  const spinFree = undirected || (oneEvent && (a.direction === 'none' || b.direction === 'none'));
  if (!directionsAgree(a.direction, b.direction, title, meaning) && !spinFree && !sameWrap(a, b)) {
    return { duplicate: false, reason: 'direction', score };
  }
  if (apartMs > DAY_APART_MS && a.event === null && b.event === null) {
    return title >= REPRINT ? { duplicate: true, score } : { duplicate: false, reason: 'text', score };
  }
  const close =
    title >= options.titleThreshold ||
    meaning >= (options.meaningThreshold ?? DEFAULT_SIMILARITY.meaningThreshold) ||
    (title >= options.titleWithLeadThreshold && lead >= options.leadThreshold) ||
    sameEvent ||
    sameSession(a, b) ||
    leadsMeanTheSame(a, b, options);
  return close ? { duplicate: true, score } : { duplicate: false, reason: 'text', score };
}

/** Two leads that tell the same thing in other words ("FTC sues to block the deal" / "sued by the FTC to stop the merger"). */
function leadsMeanTheSame(a: Fingerprint, b: Fingerprint, options: SimilarityOptions): boolean {
  if (a.leadContent === undefined || b.leadContent === undefined || options.vectors === undefined) return false;
  return meaningSimilarity(a.leadContent, b.leadContent, options.vectors) >= (options.leadMeaningThreshold ?? DEFAULT_SIMILARITY.leadMeaningThreshold ?? 1);
}

/**
 * Stories about different companies never fold; nor do two that each name a company the other does not ("Baidu
 * partners with Uber" / "Baidu partners with Lyft"): a rewrite may drop a name, not swap it.
 */
function tickersAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (!a.some((t) => b.includes(t))) return false;
  return a.every((t) => b.includes(t)) || b.every((t) => a.includes(t));
}

// Outcome words come in opposed sets: word vectors put "meets" beside "fails" and "grants" beside "denies", so two
// near-twin titles whose outcome words oppose are two stories, whatever their similarity.
const OUTCOME_SETS: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>])[] = [
  [
    words('back backs backed support supports supported succeed succeeds success successful meet meets met achieve achieves achieved win wins won grant grants granted approve approves approved approval clear clears cleared uphold upholds upheld reaffirm reaffirms reaffirmed affirm affirms maintain maintains reiterate reiterates keep keeps beat beats top tops pass passes passed positive allow allows allowed accept accepts accepted acquit acquits acquitted narrow narrows narrowed narrowing reinstate reinstates reinstated resume resumes resumed restore restores restored'),
    words('fail fails failed failure miss misses missed lose loses lost deny denies denied reject rejects rejected rejection block blocks blocked overturn overturns overturned against withdraw withdraws withdrawn withdrew suspend suspends suspended pull pulls pulled scrap scraps scrapped negative halt halts halted abandon abandons abandoned terminate terminates terminated cancel cancels canceled cancelled refuse refuses refused not no liable guilty widen widens widened widening ban bans banned curb curbs curbed restrict restricts restricted'),
  ],
  // Intent against decision: "board proposes" and "shareholders approve" are two steps.
  [words('proposes proposed proposal plans considers considering weighs mulls explores exploring seeks eyes nears talks'), words('approve approves approved completes completed finalizes finalized closes closed')],
  // Which way a plan or a figure was changed: "boosts capital budget" and "trims capital budget" are two stories.
  [words('raise raises raised boost boosts boosted lift lifts lifted increase increases increased hike hikes hiked'), words('cut cuts trim trims trimmed lower lowers lowered reduce reduces reduced slash slashes slashed shrink shrinks shrank')],
  // A profit and a loss for the same period are two results.
  [words('profit profits profitable'), words('loss losses')],
  // Against expectations: "adds more subscribers than expected" and "adds fewer subscribers than expected".
  [words('more better stronger bigger larger'), words('fewer less worse weaker smaller')],
  // A case filed against a case resolved.
  [words('sues sue sued files filed accuses accused charges charged probe probes investigates investigation opens'), words('settle settles settled settlement verdict ruling rules fined pay pays paid dismisses dismissed convicted acquitted')],
];
/** Negations that near-twin titles may differ by alone ("rules for" / "rules against"). */
const NEGATIONS = words('against not no never without');
const NEAR_TWIN = 0.6;
const SWEETENED = words('sweetened sweetens sweetener');

function opposedOutcomes(a: readonly string[], b: readonly string[], title: number): boolean {
  const onlyA = a.filter((w) => !b.includes(w));
  const onlyB = b.filter((w) => !a.includes(w));
  for (const [x, y] of OUTCOME_SETS) {
    const aX = onlyA.some((w) => x.has(w));
    const aY = onlyA.some((w) => y.has(w));
    const bX = onlyB.some((w) => x.has(w));
    const bY = onlyB.some((w) => y.has(w));
    if ((aX && bY && !aY && !bX) || (aY && bX && !aX && !bY)) return true;
  }
  // A sweetened offer is a later step than the deal it sweetens.
  if (onlyA.some((w) => SWEETENED.has(w)) !== onlyB.some((w) => SWEETENED.has(w))) return true;
  if (title >= NEAR_TWIN) {
    const negA = onlyA.some((w) => NEGATIONS.has(w));
    const negB = onlyB.some((w) => NEGATIONS.has(w));
    if (negA !== negB && !(negA ? b : a).some((w) => NEGATIONS.has(w))) return true;
  }
  return false;
}

// Market wraps: which way each index or asset moved. "Nasdaq closes at record high while Dow slips" and "Dow closes
// at record high while Nasdaq slips" share every word and every aggregate direction, yet say opposite things.
const MARKETS = words('nasdaq dow p russell street st stocks equities futures treasuries yields oil crude gold bitcoin dollar tech chips banks small-caps');
const MOVES_UP = words('rise rises rose higher adds added gains gained rally climbs climbed jump jumps jumped rallies rallied record high highs advances advanced up surge surges surged soar soars soared spike spikes bounce rebounds rebounded pop pops');
const MOVES_DOWN = words('fall falls fell lower slips slipped drop drops dropped declines declined slide slides slid sheds shed tumble tumbles tumbled sink sinks sank down loses lost retreats slump slumps slumped plunge plunges plunged worst tank tanks crater craters sag sags');

/**
 * Which way a headline says the shares moved: the first move word within three words after "shares", "stock" or
 * "ADRs" ("Etsy shares jump as sales fall less than feared" is up, whatever else fell).
 */
export function stockMove(normalized: string): Direction | undefined {
  const m = SHARE_MOVE_RE.exec(normalized);
  if (m === null) return undefined;
  for (const w of (m[1] as string).split(/\s+/)) {
    if (MOVES_UP.has(w)) return 'up';
    if (MOVES_DOWN.has(w)) return 'down';
  }
  return undefined;
}
const SHARE_MOVE_RE = /\b(?:shares?|stocks?|adrs?)\s+((?:[a-z%0-9.-]+\s+){0,3})/;

/** Each market named in content words (in title order) with the first move word after it, before the next market. */
function marketMoves(content: readonly string[]): Map<string, Direction> | undefined {
  let moves: Map<string, Direction> | undefined;
  let current: string | undefined;
  for (const w of content) {
    if (MARKETS.has(w)) {
      current = w;
      continue;
    }
    if (current === undefined) continue;
    const move: Direction | undefined = MOVES_UP.has(w) ? 'up' : MOVES_DOWN.has(w) ? 'down' : undefined;
    if (move === undefined) continue;
    moves ??= new Map();
    if (!moves.has(current)) moves.set(current, move);
    current = undefined;
  }
  return moves;
}

/** The indexes a market wrap names: "Nasdaq, S&P 500 close at records" and "Dow closes at record" are two wraps. */
const INDEXES = words('nasdaq dow p russell');

const EQUITIES = words('nasdaq dow p russell street st stocks equities futures tech chips banks small-caps');
/** Which way a market wrap says the stock market moved, when every stock market it names moved one way. */
export function wrapDirection(content: readonly string[]): Direction | undefined {
  const moves = marketMoves(content);
  if (moves === undefined) return undefined;
  // Stocks, not yields or oil: "Treasury yields jump; stocks slip" is a down day.
  const ways = new Set([...moves].filter(([market]) => EQUITIES.has(market)).map(([, move]) => move));
  return ways.size === 1 ? (ways.values().next().value as Direction) : undefined;
}

/** Two market wraps whose named markets all moved one way, the same way: "S&P 500 rises" / "Wall St closes higher". */
function sameWrap(a: Fingerprint, b: Fingerprint): boolean {
  if (a.tickers.length > 0 || b.tickers.length > 0) return false;
  const ma = marketMoves(a.content ?? []);
  const mb = marketMoves(b.content ?? []);
  if (ma === undefined || mb === undefined) return false;
  return new Set([...ma.values(), ...mb.values()]).size === 1;
}

/** Two wraps of one session: every named market moved the same way. */
function sameSession(a: Fingerprint, b: Fingerprint): boolean {
  return sameWrap(a, b) && !otherSession(a, b);
}
/** A premarket wrap ("futures climb") and a wrap of the session ("Wall St closes higher") are two stories. */
const PREMARKET = words('futures premarket pre-market');
function otherSession(a: Fingerprint, b: Fingerprint): boolean {
  if (a.tickers.length > 0 || b.tickers.length > 0) return false;
  return (a.content ?? []).some((w) => PREMARKET.has(w)) !== (b.content ?? []).some((w) => PREMARKET.has(w));
}

function opposedMoves(a: readonly string[], b: readonly string[]): boolean {
  const ia = a.filter((w) => INDEXES.has(w));
  const ib = b.filter((w) => INDEXES.has(w));
  if (ia.length > 0 && ib.length > 0 && !ia.some((w) => ib.includes(w))) return true;
  const ma = marketMoves(a);
  if (ma === undefined) return false;
  const mb = marketMoves(b);
  if (mb === undefined) return false;
  for (const [market, move] of ma) {
    const other = mb.get(market);
    if (other !== undefined && other !== move) return true;
  }
  return false;
}

const DAY_APART_MS = 12 * 3_600_000;
const REPRINT = 0.8;

/** Opposite directions never merge; a neutral rewrite of a directional story merges only when nearly identical. */
function directionsAgree(a: Direction, b: Direction, title: number, meaning: number): boolean {
  if (a === b) return true;
  if (a !== 'none' && b !== 'none') return false;
  return title >= NEUTRAL_REWRITE || meaning >= NEUTRAL_MEANING;
}
function opposite(a: Direction | undefined, b: Direction | undefined): boolean {
  return (a === 'up' && b === 'down') || (a === 'down' && b === 'up');
}
const NEUTRAL_REWRITE = 0.7;
const NEUTRAL_MEANING = 0.72;
