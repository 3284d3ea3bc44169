// Event identity for near-duplicate clustering: which events are one story however two outlets tell them (a results
// beat, a new officer, one deal between the same companies), which never are (an upgrade and a downgrade, a deal and
// its later steps), and how two headlines that each report two events are compared. Pure functions over the
// fingerprints similarity.ts compares.
import { isDealSized, shareTellingFigure } from './figures.js';
import type { Fingerprint } from './similarity.js';

export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/**
 * Events a company has at most one of at a time: a results beat, a guidance change, a recall. Two outlets rewording
 * one of these share few words ("Home Depot misses profit estimates" / "Home Depot earnings fall short of
 * expectations"), so for them the same company, event, direction and figures decide, given some shared wording.
 * Analyst actions, filings, offerings or contracts are left out: one company can have several in a day.
 */
const SPECIFIC_EVENTS = new Set([
  'earnings_beat',
  'earnings_miss',
  'guidance_raised',
  'guidance_cut',
  'bankruptcy',
  'business_suspension',
  'merger_acquisition',
  'fda_decision',
  'clinical_trial',
  'layoffs',
  'trading_halt',
  'pricing',
]);

/**
 * The same reportable event of the same companies. Called after the gates, so tickers, figures and event families
 * already agree. One story when: both state the same telling figure ("$2.8 billion contract", "14,000 jobs"); one
 * firm makes the call (a firm makes one call on a stock at a time); a results release meets its coverage, or a miss
 * meets a forecast cut the same day; an event a company has one of at a time (an officer change, a layoff round, a
 * recall, a dividend, a split, an offering, an index change, …) is told twice; a deal names the same parties; a
 * specific event (see above) goes the same way or has the same outcome.
 */
export function sameStoryEvent(a: Fingerprint, b: Fingerprint): boolean {
  if (a.tickers.length === 0 || b.tickers.length === 0) return false;
  // One side reports no event we know: the same large figure still tells ("Leidos wins $1.2 bln Navy contract" /
  // "Leidos Secures $1.2B Navy Deal").
  if (a.event === null || b.event === null || (a.event !== b.event && (weakEvent(a.event) || weakEvent(b.event)))) {
    return shareTellingFigure(a.numbers.filter(largeFigure), b.numbers);
  }
  if (eventFamily(a.event) !== eventFamily(b.event)) return false;
  if (a.eventDetail !== undefined && b.eventDetail !== undefined && a.eventDetail !== b.eventDetail) return false;
  if (shareTellingFigure(a.numbers, b.numbers)) return true;
  if (eventFamily(a.event) === 'analyst') return a.eventDetail !== undefined && a.eventDetail.startsWith('by ');
  // A company's results release and the coverage of it: "CrowdStrike reports third-quarter results" is the story
  // "CrowdStrike beats revenue estimates" tells (the gates have already checked quarters and figures).
  if (a.event !== b.event) {
    if ((GENERIC_EVENTS.has(a.event) && SPECIFIC_EVENTS.has(b.event)) || (GENERIC_EVENTS.has(b.event) && SPECIFIC_EVENTS.has(a.event))) return true;
    // A miss and a forecast cut the same day (or a beat and a raise) are one results story.
    return SPECIFIC_EVENTS.has(a.event) && SPECIFIC_EVENTS.has(b.event) && a.direction !== 'none' && a.direction === b.direction;
  }
  // Events that carry no direction of their own: a monthly update for the same month, the announcement of a deal
  // between the same two companies (both listed, or the other named in both), a new officer, a filing for bankruptcy.
  if (a.event === 'operating_update') return sameMonth(a.numbers, b.numbers);
  if (a.event === 'merger_acquisition' || a.event === 'stake_sale') {
    return !hasDealStep(a) && !hasDealStep(b) && (bothParties(a, b) || shareCounterparty(a, b) || bothTargets(a, b));
  }
  // Two results stories of one company within the window are the same release (the figures gate has kept quarters apart).
  if (a.event === 'earnings') return true;
  if (UNDIRECTED_EVENTS.has(a.event)) return !differentAmounts(a.numbers, b.numbers);
  // A specific event in one direction, or with the same outcome ("approval", "success") however the headline leans.
  return SPECIFIC_EVENTS.has(a.event) && ((a.direction !== 'none' && a.direction === b.direction) || (a.eventDetail !== undefined && a.eventDetail === b.eventDetail));
}
/** No event, or one that is often a side note of another story ("adds 19 million subscribers, raises prices"). */
function weakEvent(event: string | null): boolean {
  return event === null || event === 'pricing';
}

/** Both state deal-sized amounts, in any currency, and none of them is shared: "$17.5 billion of bonds" and "6.5 billion euros". */
function differentAmounts(a: readonly string[], b: readonly string[]): boolean {
  const xa = a.filter(isDealSized);
  const xb = b.filter(isDealSized);
  return xa.length > 0 && xb.length > 0 && !shareTellingFigure(xa, xb);
}

/** A deal-sized amount or a count. */
function largeFigure(x: string): boolean {
  return isDealSized(x) || x.startsWith('n:');
}
export const UNDIRECTED_EVENTS: ReadonlySet<string> = new Set(['executive_change', 'bankruptcy', 'layoffs', 'recall', 'dividend', 'index_change', 'short_report', 'ipo', 'stock_split', 'offering']);
// A deal has many later steps (votes, filings, approvals, lawsuits), each its own story; only the announcement of a
// deal between the same two companies is one story however it is worded.
const DEAL_STEPS = words('approve approves approved approval vote votes files filed filing application clears cleared regulator regulators sues sue block blocks court lawsuit terminates terminated sweetened sweetens raised improved');
// Words any deal story uses; a word both stories share beyond these names the other party ("Karuna", "Splunk").
const DEAL_WORDS = words('buy buys bought acquire acquires acquired acquisition agree agrees agreed deal deals merge merger merges combine combines combination sell sells sale takeover bid offer stake cash stock stocks share shares all-stock all-cash billion million bln mln company firm unit business maker group holdings holding announce announces definitive agreement transaction create creating biggest largest ever drug drugs drugmaker developer chain startup bank lender insurer retailer operator producer provider rival plan prices price tariffs government market');
function shareCounterparty(a: Fingerprint, b: Fingerprint): boolean {
  const other = b.content ?? [];
  return (a.content ?? []).some((w) => w.length >= 3 && !DEAL_WORDS.has(w) && !/\d/.test(w) && other.includes(w));
}
/** Two operating updates are one when they name the same month, or when neither names one (a quarter's deliveries). */
function sameMonth(a: readonly string[], b: readonly string[]): boolean {
  const ma = a.filter((x) => x.startsWith('mon:'));
  const mb = b.filter((x) => x.startsWith('mon:'));
  return (ma.length === 0 && mb.length === 0) || ma.some((x) => mb.includes(x));
}
/** Two listed parties named in both stories, as subjects or as the other party ("to buy Chuy's"). */
function bothParties(a: Fingerprint, b: Fingerprint): boolean {
  const inB = new Set([...b.tickers, ...(b.mentioned ?? [])]);
  return [...new Set([...a.tickers, ...(a.mentioned ?? [])])].filter((t) => inB.has(t)).length >= 2;
}
// A company is taken private or acquired once: "Bally's to go private" and "Bally's agrees to take-private deal".
const TARGET_WORDS = words('private take-private go-private going-private acquired');
function bothTargets(a: Fingerprint, b: Fingerprint): boolean {
  return (a.content ?? []).some((w) => TARGET_WORDS.has(w)) && (b.content ?? []).some((w) => TARGET_WORDS.has(w));
}
function hasDealStep(f: Fingerprint): boolean {
  return (f.content ?? []).some((w) => DEAL_STEPS.has(w));
}
const GENERIC_EVENTS = new Set(['earnings', 'guidance']);

/**
 * Two headlines that each report two events may lead with different ones ("Meta declares first dividend, adds $50B to
 * buyback" / "Meta to pay first dividend"): when their lead events differ in family, compare them on an event both
 * report, if there is one.
 */
export function alignEvents(a: Fingerprint, b: Fingerprint): [Fingerprint, Fingerprint] {
  if (a.event === null || b.event === null || eventFamily(a.event) === eventFamily(b.event)) return [a, b];
  if (a.alsoEvents === undefined && b.alsoEvents === undefined) return [a, b];
  const inA = [a.event, ...(a.alsoEvents ?? [])];
  const inB = [b.event, ...(b.alsoEvents ?? [])];
  const shared = inA.find((x) => inB.some((y) => eventFamily(x) === eventFamily(y)));
  if (shared === undefined) return [a, b];
  const other = inB.find((y) => eventFamily(shared) === eventFamily(y)) as string;
  const view = (f: Fingerprint, type: string): Fingerprint => {
    if (f.event === type) return f;
    const { eventDetail: _detail, ...rest } = f;
    return { ...rest, event: type };
  };
  return [view(a, shared), view(b, other)];
}

/** "Beats estimates" and "reports Q3 results" are one family; "agrees to buy" and "completes purchase" are not. */
export function eventsAgree(a: Fingerprint, b: Fingerprint): boolean {
  if (a.event === null || b.event === null) return true;
  if (a.event !== b.event && (weakEvent(a.event) || weakEvent(b.event))) return true;
  if (eventFamily(a.event) !== eventFamily(b.event)) return false;
  if (OPPOSITE_EVENTS.get(a.event) === b.event) return false;
  return a.eventDetail === undefined || b.eventDetail === undefined || a.eventDetail === b.eventDetail;
}

/** Events of one family that say opposite things: an upgrade and a downgrade by one firm are two calls. */
const OPPOSITE_EVENTS: ReadonlyMap<string, string> = new Map(
  [
    ['analyst_upgrade', 'analyst_downgrade'],
    ['price_target_raised', 'price_target_cut'],
    ['guidance_raised', 'guidance_cut'],
    ['earnings_beat', 'earnings_miss'],
  ].flatMap(([x, y]) => [
    [x as string, y as string],
    [y as string, x as string],
  ]),
);

function eventFamily(event: string): string {
  if (event.startsWith('price_target') || event.startsWith('analyst')) return 'analyst';
  // A date for results is not the results.
  if (event === 'earnings_date') return event;
  // Results and guidance come out together: "beats estimates" and "raises forecast" are one results-day story.
  if (event.startsWith('guidance')) return 'earnings';
  const cut = event.indexOf('_');
  return cut < 0 ? event : event.slice(0, cut);
}
