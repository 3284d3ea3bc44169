// Direction-aware financial sentiment. The core rule: a sentence is good or bad news mostly through the direction of
// a financial quantity (profit rose, loss narrowed, guidance cut, price target lowered), so each direction word is
// paired with the nearest metric and the sign of the metric inverts it ("loss narrowed" is good). Figures compared
// with earlier ones ("EUR 5.8 mn, compared with EUR 3.4 mn", "5.2 % (4.1 %)") count as a direction too. Generic
// evaluative words only tip the balance when no metric moves.
import { COMPARATOR, CUE, DIRECTION, METRIC, NEGATION, PHRASE, UNIT_SCALE } from './sentiment/lexicon.js';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface Sentiment {
  label: SentimentLabel;
  /** -1..1; the sign is the label, the magnitude how much evidence there is. */
  score: number;
}

export interface SentimentOptions {
  /** Raw evidence needed for a non-neutral label (default 0.45). */
  threshold?: number;
}

const DEFAULT_THRESHOLD = 0.45;
const PHRASE_FIRST = new Set([...PHRASE.keys()].map((k) => k.slice(0, k.indexOf(' '))));
const PAIRED = 1;
const UNPAIRED = 0.5;
/** Directions whose sign depends entirely on what moves: without a metric they say little. */
const AMBIGUOUS = new Set(
  `cut cuts cutting reduce reduced reduces reducing reduction reductions lower lowered lowers lowering narrow narrowed
  narrows narrowing widen widened widening raise raised raises raising trim trimmed trims contract contracted
  contraction slash slashed halve halved shed eliminate eliminates eliminated eliminating axe axes axed up down higher`.split(/\s+/),
);
const CUE_SCALE = 0.5;
const COMPARISON = 0.9;
const LEFT_WINDOW = 8;
const RIGHT_WINDOW = 4;

const HARD_BOUNDARY = new Set([';', 'while', 'whereas', 'but', 'although', 'though', 'however', '.']);
const SOFT_BOUNDARY = new Set([',', 'and']);
const RED_INK = new Set(['loss', 'losses', 'deficit', 'red']);
const BLACK_INK = new Set(['profit', 'profitability', 'black']);
const SWING = new Set(['swing', 'swung', 'swings', 'turn', 'turned', 'turns', 'moved', 'returned', 'return', 'back']);
const QUALIFIER = new Set(['net', 'operating', 'pretax', 'pre-tax', 'quarterly', 'annual', 'small', 'slight']);
const EXCLUSION = new Set(['excluding', 'including', 'before', 'excl', 'incl', 'ex']);
const MOTION_VERB = new Set(['went', 'gone', 'go', 'goes', 'going', 'shot', 'moved', 'was', 'were', 'is', 'are', 'been', 'be']);
const LOSS_MARK = new Set(['loss', 'losses', 'negative', 'minus', 'deficit']);

export interface Token {
  text: string;
  /** Numeric value with its unit applied, for figures. */
  value?: number;
}

const TOKEN_RE = /[a-z]+(?:[-'][a-z]+)*|[-−]?\d+(?:[.,]\d+)*|[(),;.%$€£]/g;
const CURRENCY: ReadonlyMap<string, string> = new Map([
  ['$', 'usd'], ['usd', 'usd'], ['dollar', 'usd'], ['dollars', 'usd'], ['€', 'eur'], ['eur', 'eur'], ['euro', 'eur'],
  ['euros', 'eur'], ['£', 'gbp'], ['gbp', 'gbp'], ['sek', 'sek'], ['nok', 'nok'], ['dkk', 'dkk'], ['rub', 'rub'],
  ['jpy', 'jpy'], ['yen', 'jpy'], ['cny', 'cny'], ['yuan', 'cny'], ['chf', 'chf'], ['cad', 'cad'], ['hkd', 'hkd'],
]);
const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

const TOLERANCE = /(?:\+\/-|±)\s*[$€£]?\s*\d[\d.,]*\s*(?:[kmb]\b|mn\b|bn\b|million\b|billion\b)?/g;
const RANGE = /(\d[\d,]*(?:\.\d+)?)(\s*%)?\s*[-–]\s*([$€£]?)(\d[\d,]*(?:\.\d+)?)(?![\d-])/g;
function midpoint(whole: string, low: string, _pct: string | undefined, _currency: string, high: string): string {
  const a = Number.parseFloat(low.replace(/,/g, ''));
  const b = Number.parseFloat(high.replace(/,/g, ''));
  // Only figures of one size read as a range: "5,800-7,000", not "Q3-2024", "10-1" or "2024-2025".
  if (/^(19|20)\d\d$/.test(low) && /^(19|20)\d\d$/.test(high)) return `${low} ${high}`;
  if (!(a < b && b <= a * 3)) return whole;
  return String(Number(((a + b) / 2).toPrecision(6)));
}

export function tokenize(text: string): Token[] {
  // Wire copy often spaces out decimal points and thousands separators ("EUR67 .8 m", "EUR415 ,000").
  // The first two rewrites need a literal that most texts lack: look for it before running the regex.
  let lower = text.toLowerCase();
  if (lower.includes("n'") || lower.includes('n’')) lower = lower.replace(/n['’]t\b/g, ' not');
  if (lower.includes(' .') || lower.includes(' ,')) lower = lower.replace(/(\d) ([.,])(\d)/g, '$1$2$3');
  // "$10.70B +/- $300M": a tolerance is not a figure. "$0.40-$0.50": a range is its midpoint.
  if (lower.includes('+/-') || lower.includes('±')) lower = lower.replace(TOLERANCE, ' ');
  if (lower.includes('-') || lower.includes('–')) lower = lower.replace(RANGE, midpoint);
  lower = lower.replace(/([a-z$€£])(\d)/g, '$1 $2');
  const raw = lower.match(TOKEN_RE) ?? [];
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as string;
    const c = t.charCodeAt(t.length - 1);
    if (c >= 48 && c <= 57) {
      const clean = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t.replace(',', '.');
      let value = Number.parseFloat(clean.replace('−', '-'));
      const scale = UNIT_SCALE.get(raw[i + 1] ?? '');
      if (scale !== undefined) value *= scale;
      // Years and days of the month are dates, not figures to compare.
      const isYear = scale === undefined && /^(19|20)\d\d$/.test(t) && raw[i + 1] !== '%';
      const isDay = MONTHS.has(raw[i - 1] ?? '') || MONTHS.has(raw[i + 1] ?? '');
      tokens.push(isYear || isDay ? { text: 'date' } : { text: '#', value });
    } else {
      tokens.push({ text: t });
    }
  }
  return tokens;
}

/** Sentiment of one text (a headline, a sentence, or a few sentences). */
export function scoreSentiment(text: string, options: SentimentOptions = {}): Sentiment {
  const raw = rawScore(tokenize(text));
  return toSentiment(raw, options.threshold ?? DEFAULT_THRESHOLD);
}

export function toSentiment(raw: number, threshold = DEFAULT_THRESHOLD): Sentiment {
  const score = Math.round(Math.tanh(raw / 1.5) * 1000) / 1000;
  if (raw >= threshold) return { label: 'positive', score };
  if (raw <= -threshold) return { label: 'negative', score };
  return { label: 'neutral', score };
}

/** Unbounded evidence sum: positive is good news for the holder of the shares. */
export function rawScore(tokens: readonly Token[]): number {
  const parts = scoreParts(tokens);
  return parts.movement + parts.cues;
}

export interface ScoreParts {
  /** Evidence from quantities that move (direction × metric, compared figures, swings into profit or loss). */
  movement: number;
  /** Evidence from evaluative words and phrases alone. */
  cues: number;
}

export function scoreParts(tokens: readonly Token[]): ScoreParts {
  const used = new Uint8Array(tokens.length);
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if (SWING.has(tok.text)) {
      const swing = swingInto(tokens, i);
      if (swing !== 0) {
        used[i] = 1;
        total += swing * 1.5;
      }
      continue;
    }
    const d = DIRECTION.get(tok.text);
    if (d === undefined || ignoredParticle(tokens, i)) continue;
    used[i] = 1;
    const swing = swingInto(tokens, i);
    let s: number;
    if (swing !== 0) {
      s = swing * 1.5;
    } else {
      const j = nearestMetric(tokens, i);
      if (j >= 0) {
        used[j] = 1;
        s = d * (METRIC.get((tokens[j] as Token).text) ?? 1) * PAIRED;
      } else {
        s = d * (AMBIGUOUS.has(tok.text) ? UNPAIRED / 2 : UNPAIRED);
      }
    }
    total += negated(tokens, i) ? -s : s;
  }
  total += comparisons(tokens, used);
  const movement = total;
  total = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] === 1) continue;
    const tok = (tokens[i] as Token).text;
    const next = tokens[i + 1]?.text;
    const phrase = next === undefined || used[i + 1] === 1 || !PHRASE_FIRST.has(tok) ? undefined : PHRASE.get(`${tok} ${next}`);
    if (phrase !== undefined) {
      total += (negated(tokens, i) ? -phrase : phrase) * CUE_SCALE * 1.5;
      used[i + 1] = 1;
      continue;
    }
    const w = CUE.get(tok);
    if (w !== undefined) total += (negated(tokens, i) ? -w : w) * CUE_SCALE;
  }
  return { movement, cues: total };
}

/** "up to 50 jobs", "set up", "ups and downs" are not movements. */
function ignoredParticle(tokens: readonly Token[], i: number): boolean {
  const t = (tokens[i] as Token).text;
  if (t === 'up') {
    const next = tokens[i + 1]?.text;
    const prev = tokens[i - 1]?.text;
    return (next === 'to' && !MOTION_VERB.has(prev ?? '')) || next === 'a' || prev === 'set' || prev === 'sets' || prev === 'setting' || prev === 'made';
  }
  if (t === 'down') {
    const prev = tokens[i - 1]?.text;
    return prev === 'step' || prev === 'steps' || prev === 'stepped' || prev === 'stepping';
  }
  return false;
}

/** "swung to a loss", "fell into the red", "returned to profit": the destination decides, not the verb. */
function swingInto(tokens: readonly Token[], i: number): number {
  if (!SWING.has((tokens[i] as Token).text) && !DIRECTION.has((tokens[i] as Token).text)) return 0;
  const p = tokens[i + 1]?.text;
  if (p !== 'to' && p !== 'into') return 0;
  let k = i + 2;
  const art = tokens[k]?.text;
  if (art === 'a' || art === 'an' || art === 'the') k++;
  if (QUALIFIER.has(tokens[k]?.text ?? '')) k++;
  const dest = tokens[k]?.text ?? '';
  if (RED_INK.has(dest)) return -1;
  if (BLACK_INK.has(dest)) return 1;
  return 0;
}

function nearestMetric(tokens: readonly Token[], i: number): number {
  let left = -1;
  // ", up 5 %" and ", an increase of" refer back across the comma to the figure's metric.
  const prev = tokens[i - 1]?.text;
  const apposition = prev === ',' || ((prev === 'a' || prev === 'an') && tokens[i - 2]?.text === ',');
  const window = apposition ? LEFT_WINDOW * 2 : LEFT_WINDOW;
  for (let k = i - 1, n = 0; k >= 0 && n < window; k--, n++) {
    const t = (tokens[k] as Token).text;
    if (HARD_BOUNDARY.has(t)) break;
    if (METRIC.has(t) && !qualified(tokens, k)) {
      left = k;
      break;
    }
    if (DIRECTION.has(t)) break;
  }
  let right = -1;
  for (let k = i + 1, n = 0; k < tokens.length && n < RIGHT_WINDOW; k++, n++) {
    const t = (tokens[k] as Token).text;
    if (HARD_BOUNDARY.has(t) || SOFT_BOUNDARY.has(t) || DIRECTION.has(t)) break;
    if (METRIC.has(t)) {
      right = k;
      break;
    }
  }
  if (left < 0) return right;
  if (right < 0) return left;
  // The object right after a verb ("cut costs", "raised guidance") binds tighter than a subject further left.
  return right - i <= 2 && i - left > 1 ? right : left;
}

/** "excluding restructuring costs": a qualifier of another metric, not the thing that moves. */
function qualified(tokens: readonly Token[], k: number): boolean {
  return EXCLUSION.has(tokens[k - 1]?.text ?? '') || EXCLUSION.has(tokens[k - 2]?.text ?? '');
}

function negated(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = (tokens[k] as Token).text;
    if (NEGATION.has(t)) return true;
    if (HARD_BOUNDARY.has(t) || t === ',') return false;
  }
  return false;
}

/** Figures set against earlier figures: "X, compared with Y", "X ( Y )", "from Y to X". */
function comparisons(tokens: readonly Token[], used: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] as Token;
    if (a.value === undefined) continue;
    let cur = -1;
    let pri = -1;
    const before = CURRENCY.has(tokens[i - 1]?.text ?? '') ? tokens[i - 2]?.text : tokens[i - 1]?.text;
    if (before === 'from') {
      const to = findAhead(tokens, i, 'to', 5);
      const b = to >= 0 ? firstFigure(tokens, to + 1, 4) : -1;
      if (b >= 0) [cur, pri] = [b, i];
    } else if (tokens[i + 1]?.text === '(' || tokens[i + 2]?.text === '(') {
      const open = tokens[i + 1]?.text === '(' ? i + 1 : i + 2;
      const b = firstFigure(tokens, open + 1, 3);
      if (b >= 0) [cur, pri] = [i, b];
    } else {
      let c = -1;
      for (let k = i + 1; k < tokens.length && k <= i + 10; k++) {
        const t = (tokens[k] as Token).text;
        if (COMPARATOR.has(t)) {
          c = k;
          break;
        }
        if (tokens[k]?.value !== undefined || HARD_BOUNDARY.has(t)) break;
      }
      const b = c >= 0 ? firstFigure(tokens, c + 1, 7) : -1;
      if (b >= 0) [cur, pri] = [i, b];
    }
    if (cur < 0 || pri < 0 || currencyOf(tokens, cur) !== currencyOf(tokens, pri)) continue;
    const first = Math.min(cur, pri);
    const metric = metricBefore(tokens, first);
    if (metric === 0) continue;
    const mc = markerOf(tokens, cur);
    const mp = markerOf(tokens, pri);
    const vc = (tokens[cur] as Token).value ?? 0;
    const vp = (tokens[pri] as Token).value ?? 0;
    let change: number;
    if (mc !== 0 && mp !== 0 && mc !== mp) change = mc > mp ? 1 : -1;
    else if (vc === vp) continue;
    else change = (vc > vp ? 1 : -1) * (mc !== 0 ? mc : metric);
    total += change * COMPARISON;
    // The words around the compared figures ("versus a net loss of") have been read; cues must not count them again.
    for (let k = Math.max(0, first - 4); k <= Math.max(cur, pri); k++) used[k] = 1;
    i = Math.max(i, cur, pri);
  }
  return Math.max(-2, Math.min(2, total));
}

function findAhead(tokens: readonly Token[], from: number, text: string, within: number): number {
  for (let k = from + 1; k < tokens.length && k <= from + within; k++) if ((tokens[k] as Token).text === text) return k;
  return -1;
}

function firstFigure(tokens: readonly Token[], from: number, within: number): number {
  for (let k = from; k < tokens.length && k < from + within; k++) {
    const t = tokens[k] as Token;
    if (t.value !== undefined) return k;
    if (HARD_BOUNDARY.has(t.text)) return -1;
  }
  return -1;
}

/** The currency written next to a figure ("EUR 5", "5 mln euro", "$ 7"), or '' when none. */
function currencyOf(tokens: readonly Token[], i: number): string {
  for (const k of [i - 1, i - 2, i + 1, i + 2]) {
    const c = CURRENCY.get(tokens[k]?.text ?? '');
    if (c !== undefined) return c;
  }
  return '';
}

/** +1 when a figure is marked as a profit, -1 as a loss, 0 when unmarked. */
function markerOf(tokens: readonly Token[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = (tokens[k] as Token).text;
    if (LOSS_MARK.has(t)) return -1;
    if (BLACK_INK.has(t)) return 1;
    if (t === '#' || t === ',') break;
  }
  return 0;
}

/** The metric a figure measures: the nearest metric word before it in the same clause. */
function metricBefore(tokens: readonly Token[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    const t = (tokens[k] as Token).text;
    if (HARD_BOUNDARY.has(t)) return 0;
    const m = METRIC.get(t);
    if (m !== undefined) return m;
  }
  return 0;
}
