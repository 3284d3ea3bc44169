// Figures in headlines: typed, normalized and compared the way a reader would. "$1.2B" and "$1.2 billion" are one
// amount, "nearly 13,000" and "12,963" one count, "$0.26" and "$0.27" two dividends, "third straight session" and
// "fourth straight session" two days' market wraps.

const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mln: 1e6, million: 1e6, b: 1e9, bn: 1e9, bln: 1e9, billion: 1e9, t: 1e12, tn: 1e12, trillion: 1e12,
  cent: 0.01, cents: 0.01,
};
const ORDINAL_Q: Record<string, string> = { first: '1', second: '2', third: '3', fourth: '4' };
// A figure: optional currency sign, digits (not glued to a word before them: "FY25", "H200", "KC-46" are names),
// optional scale or percent, optional currency word after ("6.5 billion euros").
const NUMBER_RE =
  /(\$|€|£|¥|usd |eur )?(?<![a-z0-9.,]|[a-z]-)(\d+(?:,\d{3})*(?:\.\d+)?)\s*(%|percent|pct|k|thousand|mn|mln|million|bn|bln|billion|tn|trillion|cents?|m|b|t)?(?![a-z0-9])(\s+(?:euros?|pounds?\b(?!\s+of\b)|sterling|yen|yuan|dollars?|francs?))?/gi;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
// "third straight session", not "third quarter" (a period, read above).
const ORDINAL_WORD = new RegExp(String.raw`\b(${ORDINALS.join('|')})\b(?![- ](?:quarter|half))`, 'gi');
/** "Wall St ends lower Friday" and "Stocks close lower Thursday" are two days' wraps; October and November output two reports. */
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
// Capitalized only: "may" is a verb far more often than a month, and is left out.
const MONTH = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b\.?/g;
const FROM_BEFORE = /\bfrom\s+$/i;
/** Words that say the figure after them is rounded, and which way: "nearly 13,000" (`<`), "over 1.4 million" (`>`), "about 15%" (`~`). */
const HEDGE = /\b(?:(nearly|almost|close to|just under|up to)|(over|more than|just over|at least)|about|around|roughly|approximately|some)\s+(?:\$|€|£|usd |eur )?$|~\s*$/i;
function hedgeOf(before: string): '' | '<' | '>' | '~' {
  const m = HEDGE.exec(before);
  return m === null ? '' : m[1] !== undefined ? '<' : m[2] !== undefined ? '>' : '~';
}
/** A percentage after a move word is a change ("shares soar 250%"), another quantity than a stake or a margin ("70% stake"). */
const CHANGE_BEFORE = /\b(?:up|down|by|rise[sn]?|rose|rising|fall(?:s|en)?|fell|jump(?:s|ed)?|soar(?:s|ed)?|surge[sd]?|plunge[sd]?|sink(?:s)?|sank|slide[sd]?|slid|drop(?:s|ped)?|gain(?:s|ed)?|climb(?:s|ed)?|tumble[sd]?|slump(?:s|ed)?|rall(?:y|ies|ied)|decline[sd]?|grow(?:s|n)?|grew|increase[sd]?|tank(?:s|ed)?|sheds?|adds?|added|lose[s]?|lost|spike[sd]?|skid(?:s|ded)?|dip(?:s|ped)?|edge[sd]? (?:up|down|higher|lower))\s+(?:about |nearly |more than |over |almost |roughly |as much as )?(?:[~+-]\s*)?$/i;
/** A split or exchange ratio: "1-for-80", "ten-for-one". */
const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const RATIO = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]for[- ](\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/gi;
function countOf(word: string): number {
  const i = COUNT_WORDS.indexOf(word.toLowerCase());
  return i >= 0 ? i : Number(word);
}
/** Index and product names that contain numbers but state no figure. */
const NAMED_NUMBERS = /\b(?:s&p|s\s*&\s*p|russell|ftse|nikkei|stoxx|dax|cac|midcap|smallcap|nasdaq)\s*\d+|\b(?:model|phase|series|iphone|galaxy|pixel|max)\s+\d+\b|\b7[0-8]7(?:-\d+)?\b|\bA3[2-8]0\w*|\(\d{10}\)|\b(?:8|6|10|20|40)-[kqf]\b|\bitem\s+\d\.\d\d\b/gi;
/** The company 3M, not three million (case-sensitive, and not before a count's noun). */
const THREE_M = /(?<![$\d.])\b3M\b(?!\s+(?:vehicles|cars|units|shares|users|people|jobs|customers|subscribers|barrels|tons|doses))/g;

/** Typed figures of a headline; years are dates, not figures. */
export function extractNumbers(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\bq([1-4])\b|\b(first|second|third|fourth)[- ]quarter\b/gi)) out.add(`q:${m[1] ?? ORDINAL_Q[(m[2] ?? '').toLowerCase()]}`);
  for (const m of text.matchAll(/\b(\d+)(?:st|nd|rd|th)\b/gi)) out.add(`ord:${m[1]}`);
  for (const m of text.matchAll(ORDINAL_WORD)) out.add(`ord:${ORDINALS.indexOf((m[1] as string).toLowerCase()) + 1}`);
  for (const m of text.matchAll(WEEKDAY)) out.add(`day:${(m[1] as string).slice(0, 3).toLowerCase()}`);
  for (const m of text.matchAll(MONTH)) out.add(`mon:${(m[1] as string).slice(0, 3).toLowerCase()}`);
  for (const m of text.matchAll(RATIO)) out.add(`ratio:${countOf(m[1] as string)}:${countOf(m[2] as string)}`);
  const plain = text.replace(RATIO, ' ').replace(NAMED_NUMBERS, ' ').replace(THREE_M, ' ');
  for (const m of plain.matchAll(NUMBER_RE)) {
    const at = m.index ?? 0;
    const raw = m[2] as string;
    const unit = (m[3] ?? '').toLowerCase();
    const currency = m[1] !== undefined || m[4] !== undefined || unit.startsWith('cent');
    const value = Number.parseFloat(raw.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    if (unit === '' && !currency && /^(19|20)\d\d$/.test(raw)) continue;
    // "to $0.2690 from $0.2685": the figure it was is not the story's figure.
    if (FROM_BEFORE.test(plain.slice(Math.max(0, at - 6), at))) continue;
    const hedged = hedgeOf(plain.slice(Math.max(0, at - 16), at));
    if (unit === '%' || unit === 'percent' || unit === 'pct') out.add(`${CHANGE_BEFORE.test(plain.slice(Math.max(0, at - 24), at)) ? 'chg' : 'pct'}:${value}${hedged}`);
    else out.add(`${currency ? amountKind(m[1], m[4], plain.slice(Math.max(0, at - 12), at)) : 'n'}:${Number((value * (SCALE[unit] ?? 1)).toPrecision(4))}${hedged}`);
  }
  return [...out].sort();
}

const HEDGES = new Set(['<', '>', '~']);

/** "raises buyback by $2 billion": the change, another quantity than the level ("to $6.0B"). */
const BY_BEFORE = /\bby\s+(?:about |nearly |roughly |some |over |more than )?$/i;
function amountKind(sign: string | undefined, word: string | undefined, before: string): string {
  return BY_BEFORE.test(before) ? 'by' : foreignCurrency(sign, word) ? 'fx' : 'amt';
}

/** An amount in euros, pounds or francs: compared with dollars only loosely ("€1.8 billion" is reported as "$2 billion"). */
function foreignCurrency(sign: string | undefined, word: string | undefined): boolean {
  return (sign !== undefined && /^(?:€|£|eur )$/i.test(sign)) || (word !== undefined && /euro|pound|sterling|franc/i.test(word));
}

/** Significant digits of a figure as printed (trailing zeros of a whole number are not significant). */
function significantDigits(value: string): number {
  const digits = value.replace(/^[0.-]+/, '').replace('.', '');
  return value.includes('.') ? digits.length : digits.replace(/0+$/, '').length;
}

/**
 * Two figures of one kind are the same figure: equal, or a large count or amount given rounded on one side. A rounder
 * figure that says so ("nearly 13,000", "over 1.4 million") covers one unit of its last digit ("12,963",
 * "1,448,655"); one that does not must be the other correctly rounded, to at least two digits ("$1.9 billion" and
 * "about $1.905B"). A bare one-digit figure is exact: "$100 billion" is not "$110 billion", "2,000" is not "2,500".
 */
function sameFigure(x: string, y: string): boolean {
  if (x === y) return true;
  const cut = x.indexOf(':');
  if (cut !== y.indexOf(':') || x.slice(0, cut) !== y.slice(0, cut)) return false;
  const percent = x.startsWith('pct:') || x.startsWith('chg:');
  const a = x.slice(cut + 1);
  const b = y.slice(cut + 1);
  const ha = HEDGES.has(a.slice(-1)) ? a.slice(-1) : '';
  const hb = HEDGES.has(b.slice(-1)) ? b.slice(-1) : '';
  const sa = ha ? a.slice(0, -1) : a;
  const sb = hb ? b.slice(0, -1) : b;
  if (sa === sb) return true;
  const va = Number(sa);
  const vb = Number(sb);
  const da = significantDigits(sa);
  const db = significantDigits(sb);
  if (da === db) return false;
  // A large figure rounded to one digit is the precise one within 1% ("$60 billion" for $59.5 billion); "$100 billion"
  // is not "$110 billion".
  const close = Math.abs(va - vb) <= 0.01 * Math.max(va, vb);
  const [round, digits, hedged] = da < db ? [va, da, ha] : [vb, db, hb];
  // Small amounts and counts are exact ("EPS $1.20" is not "$1.24"); percentages are rounded ("15%" is "14.9%").
  if (round < 1000 && !percent) return false;
  const unit = 10 ** (Math.floor(Math.log10(round)) - digits + 1);
  const diff = Math.abs(va - vb);
  // A hedge covers one unit of its last digit on its side ("nearly 1,000" is 931, "over 1.4 million" is 1,448,655), and
  // "about" half a unit either way, at most 5% when its digit is the only one ("about $5 billion" is not $5.35 billion).
  const precise = da < db ? vb : va;
  if (hedged === '<') return precise <= round && diff < unit;
  if (hedged === '>') return precise >= round && diff < unit;
  if (hedged === '~') return diff <= unit / 2 && (digits >= 2 || diff <= 0.05 * round);
  // Percentages round to whole points ("5%" for 4.8%); amounts to two digits at least.
  return ((digits >= 2 || percent) && diff <= unit / 2 + round * 1e-9) || close;
}

// Amounts split by size: a per-share price ($253) and a deal value ($59.5 billion) are different quantities, not a
// conflict; two per-share amounts or two deal values are compared.
const NUMBER_KINDS = ['pct', 'chg', 'amt', 'amt+', 'fx', 'by', 'ratio', 'q', 'n', 'ord', 'day', 'mon'] as const;
function kindOf(figure: string): string {
  const kind = figure.slice(0, figure.indexOf(':'));
  return kind === 'amt' && Number.parseFloat(figure.slice(4)) >= 100_000 ? 'amt+' : kind;
}

/**
 * Figures conflict when both titles state figures of one kind and each states one the other lacks: a rewrite may
 * leave a figure out, but not state a different one ("50-for-1" and "10-for-1" share the 1, yet disagree).
 */
export function numbersAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  for (const kind of NUMBER_KINDS) {
    const xa = a.filter((x) => kindOf(x) === kind);
    const xb = b.filter((x) => kindOf(x) === kind);
    if (xa.length === 0 || xb.length === 0) continue;
    const aInB = xa.every((x) => xb.some((y) => sameFigure(x, y)));
    const bInA = xb.every((y) => xa.some((x) => sameFigure(x, y)));
    if (!aInB && !bInA) return false;
  }
  return convertedAgree(a, b) && convertedAgree(b, a);
}

/** European-currency amounts on one side and dollar amounts on the other: some pair within a conversion factor. */
function convertedAgree(a: readonly string[], b: readonly string[]): boolean {
  const fx = a.filter((x) => x.startsWith('fx:')).map((x) => Number.parseFloat(x.slice(3)));
  const usd = b.filter((x) => kindOf(x) === 'amt+').map((x) => Number.parseFloat(x.slice(4)));
  if (fx.length === 0 || usd.length === 0) return true;
  return fx.some((x) => usd.some((y) => Math.max(x, y) / Math.min(x, y) <= FX_SPREAD));
}
const FX_SPREAD = 1.6;

/** A figure both titles state that identifies a story: an amount, or a count of a thousand or more. */
/** An amount of a million or more, in any currency or as a change: a deal's size, not a per-share price. */
export function isDealSized(figure: string): boolean {
  return (figure.startsWith('amt:') || figure.startsWith('fx:') || figure.startsWith('by:')) && Number.parseFloat(figure.slice(figure.indexOf(':') + 1)) >= 1e6;
}

export function shareTellingFigure(a: readonly string[], b: readonly string[]): boolean {
  // A change ("by $1B") tells as much as any amount: "approves additional $1 billion" is the same figure.
  const asAmount = (x: string): string => (x.startsWith('by:') ? `amt:${x.slice(3)}` : x);
  const telling = a.map(asAmount).filter((x) => x.startsWith('amt:') || x.startsWith('fx:') || (x.startsWith('n:') && Number.parseFloat(x.slice(2)) >= 1000));
  const other = b.map(asAmount);
  return telling.some((x) => other.some((y) => sameFigure(x, y)));
}
