// Company-name normalization shared by the dictionary builder and the matcher, so a name in the
// directory and a name in a headline reduce to the same token sequence.

/** Words and word pieces: `AT&T`, `C3.ai`, `BRK.B` and `Apple's` stay one token; hyphens split. */
const TOKEN_RE = /[A-Za-z0-9]+(?:[.&'’][A-Za-z0-9]+)*/g;

/** Legal and listing suffixes dropped from the end of a registrant name ("Apple Inc." → "apple"). */
const TRAILING_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'cos', 'companies', 'ltd', 'limited', 'plc',
  'holding', 'holdings', 'group', 'nv', 'n.v', 'sa', 's.a', 'ag', 'se', 'llc', 'lp', 'l.p', 'spa', 's.p.a', 'ab',
  'asa', 'oyj', 'bv', 'b.v', 'kgaa', 'the', 'com', 'de', 'md', 'nv', 'new', 'adr', 'ads', 'trust', 'reit',
  'sponsored', 'common', 'stock', 'shares', 'ordinary', 'class', 'a', 'b', 'c', 'pbc', 'intl',
]);

/** A name reduced to these words alone says nothing about a company ("General", "First American"). */
export const GENERIC_NAME_WORDS = new Set([
  'general', 'american', 'america', 'first', 'united', 'national', 'international', 'global', 'new', 'energy',
  'capital', 'financial', 'bank', 'bancorp', 'industries', 'industrial', 'technologies', 'technology', 'systems',
  'solutions', 'resources', 'partners', 'fund', 'services', 'health', 'healthcare', 'one', 'best', 'great',
  'us', 'u.s', 'usa', 'world', 'north', 'south', 'east', 'west', 'pacific', 'atlantic', 'western', 'eastern',
  'southern', 'northern', 'central', 'federal', 'state', 'standard', 'royal', 'pioneer', 'premier', 'public',
  'realty', 'properties', 'income', 'growth', 'value', 'acquisition', 'acquisitions', 'corp', 'the', 'of', '&',
  'and', 'investment', 'investments', 'securities', 'markets', 'market', 'data', 'media', 'digital', 'software',
  'pharmaceuticals', 'therapeutics', 'biosciences', 'bio', 'medical', 'power', 'oil', 'gas', 'gold', 'mining',
  'motors', 'motor', 'airlines', 'china', 'japan', 'canada', 'europe', 'asia', 'street', 'wall', 'main', 'home',
  'life', 'insurance', 'communications', 'networks', 'network', 'products', 'brands', 'foods', 'food', 'water',
  'telecom', 'pharma', 'biotech', 'fintech', 'semiconductor', 'semiconductors', 'aerospace', 'automotive',
  'solar', 'wind', 'clean', 'green', 'blue', 'red', 'golden', 'silver', 'star', 'sun', 'city', 'county', 'trust',
]);

export interface NameToken {
  /** Lower-case, possessive removed, `and` written `&`. */
  key: string;
  start: number;
  end: number;
  /** First character is an upper-case letter or a digit. */
  capitalized: boolean;
  /** Every letter is upper-case. */
  allCaps: boolean;
  possessive: boolean;
}

export function normalizeToken(raw: string): string {
  let key = raw.toLowerCase().replace(/’/g, "'");
  if (key.endsWith("'s")) key = key.slice(0, -2);
  else if (key.endsWith("'")) key = key.slice(0, -1);
  return key === 'and' ? '&' : key;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isJoiner(c: number): boolean {
  return c === 46 || c === 38 || c === 39 || c === 0x2019; // . & ' ’
}

/**
 * Tokens of free text with their positions; used for headlines and bodies. Same tokens as TOKEN_RE,
 * scanned by hand because this runs on every headline.
 */
export function tokenize(text: string): NameToken[] {
  const out: NameToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let upper = 0;
    let lower = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c >= 97 && c <= 122) lower++;
      else if (c >= 65 && c <= 90) upper++;
      else if (!(c >= 48 && c <= 57)) {
        if (isJoiner(c) && i + 1 < n && isAlnum(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      }
      i++;
      if (i >= n) break;
    }
    const end = i;
    const first = text.charCodeAt(start);
    let key = text.slice(start, end).toLowerCase();
    const last = key.charCodeAt(key.length - 1);
    const beforeLast = key.charCodeAt(key.length - 2);
    const possessive = last === 115 && (beforeLast === 39 || beforeLast === 0x2019) && key.length > 2;
    if (possessive) key = key.slice(0, -2);
    else if (key.includes('’')) key = key.replace(/’/g, "'");
    // "&" and "and" carry no meaning in a name: "Procter and Gamble" = "Procter & Gamble".
    if (key === 'and') continue;
    out.push({
      key,
      start,
      end,
      capitalized: (first >= 65 && first <= 90) || (first >= 48 && first <= 57),
      allCaps: upper > 0 && lower === 0,
      possessive,
    });
  }
  return out;
}

/** Lower-case tokens of a name, without positions. */
export function nameTokens(name: string): string[] {
  return (name.match(TOKEN_RE) ?? []).map(normalizeToken).filter((t) => t !== '&');
}

/**
 * Registrant name → matchable key, e.g. "BANK OF AMERICA CORP /DE/" → "bank of america",
 * "Alibaba Group Holding Ltd" → "alibaba". Returns '' when nothing distinctive is left.
 */
export function normalizeCompanyName(name: string): string {
  const cleaned = name
    .replace(/\s[-–]\s.*$/, '') // Nasdaq directory: "Apple Inc. - Common Stock"
    .replace(/\b(?:American Depositary|Common Stock|Ordinary Shares|Class [A-Z]\b).*$/i, '')
    .replace(/[\\/][A-Z]{2,3}(?:[\\/]|\s*$)/gi, ' ') // SEC state suffixes: /DE/, \DE\, INC/RI, INC /NY
    .replace(/\(.*?\)/g, ' ');
  const tokens = nameTokens(cleaned);
  while (tokens.length > 1 && TRAILING_SUFFIXES.has(tokens[tokens.length - 1] ?? '')) tokens.pop();
  while (tokens.length > 1 && (tokens[tokens.length - 1] === '&' || tokens[tokens.length - 1] === 'of')) tokens.pop();
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  if (tokens.length === 0) return '';
  if (tokens.length === 1 && TRAILING_SUFFIXES.has(tokens[0] ?? '')) return '';
  // "General" alone says nothing; "First Solar" is kept (the builder marks it as needing evidence).
  if (tokens.length === 1 && GENERIC_NAME_WORDS.has(tokens[0] ?? '')) return '';
  return tokens.join(' ');
}
