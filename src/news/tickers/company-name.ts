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

/** Tokens of free text with their positions; used for headlines and bodies. */
export function tokenize(text: string): NameToken[] {
  const out: NameToken[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    const capitalized = (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    const lowerRaw = raw.toLowerCase();
    const possessive = lowerRaw.endsWith("'s") || lowerRaw.endsWith('’s');
    const key = normalizeToken(raw);
    // "&" and "and" carry no meaning in a name: "Procter and Gamble" = "Procter & Gamble".
    if (key === '&') continue;
    out.push({
      key,
      start: m.index,
      end: m.index + raw.length,
      capitalized,
      allCaps: raw === raw.toUpperCase() && raw !== lowerRaw,
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
    .replace(/[\\/][A-Z]{2,3}[\\/]/gi, ' ') // SEC state suffixes: /DE/, \DE\
    .replace(/\(.*?\)/g, ' ');
  const tokens = nameTokens(cleaned);
  while (tokens.length > 1 && TRAILING_SUFFIXES.has(tokens[tokens.length - 1] ?? '')) tokens.pop();
  while (tokens.length > 1 && (tokens[tokens.length - 1] === '&' || tokens[tokens.length - 1] === 'of')) tokens.pop();
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  if (tokens.length === 0) return '';
  if (tokens.length === 1 && TRAILING_SUFFIXES.has(tokens[0] ?? '')) return '';
  // "First American" says nothing; "Bank of America" does.
  if (tokens.length <= 2 && tokens.every((t) => GENERIC_NAME_WORDS.has(t))) return '';
  return tokens.join(' ');
}
