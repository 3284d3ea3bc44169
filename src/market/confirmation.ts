// Market confirmation: did the stock move, or trade, abnormally after the news? A move is abnormal when the return
// since the news is at least `zThreshold` standard deviations of the stock's recent one-minute returns scaled to
// the horizon (σ·√h), or when volume since the news is at least `volumeThreshold` times its recent per-minute rate.
// Thresholds follow common practice (|z| ≥ 3, volume ≥ 3×); they are not from a published source. Given the
// market's bars (SPY or a sector ETF), z is taken on the stock's return in excess of the market's. Outside the
// regular session liquidity is thin, so both thresholds are widened by `extendedHoursFactor`.
import { z } from 'zod';
import { MINUTE_MS, minuteStart } from './bars.js';
import { sessionAt } from './sessions.js';
import type { MinuteBar } from './types.js';

export interface MoveInput {
  bars: readonly MinuteBar[];
  newsTime: number;
  horizonMinutes: 1 | 5 | 15;
  /** How many minutes of bars before the news form the baseline. Default 780 (two regular sessions). */
  lookbackMinutes?: number | undefined;
  zThreshold?: number | undefined;
  volumeThreshold?: number | undefined;
  /** Fewest baseline returns (and baseline minutes for volume) needed to judge. Default 20. */
  minHistory?: number | undefined;
  /** Thresholds are multiplied by this when the news comes outside the regular session. Default 1.5. */
  extendedHoursFactor?: number | undefined;
  /** Bars of a market benchmark (SPY or a sector ETF); its return over the same window is subtracted for z. */
  benchmarkBars?: readonly MinuteBar[] | undefined;
}

export interface MoveAssessment {
  abnormal: boolean;
  /** Percent return from the last close before the news to the last close within the horizon. */
  returnPct: number;
  /** Return in excess of the benchmark's over the same window, when benchmark bars were given and usable. */
  excessReturnPct: number | null;
  zScore: number | null;
  volumeRatio: number | null;
  reason: string;
}

export const CONFIRMATION_DEFAULTS = {
  lookbackMinutes: 780,
  zThreshold: 3,
  volumeThreshold: 3,
  minHistory: 20,
  extendedHoursFactor: 1.5,
} as const satisfies Required<
  Pick<MoveInput, 'lookbackMinutes' | 'zThreshold' | 'volumeThreshold' | 'minHistory' | 'extendedHoursFactor'>
>;

/** Configuration section `market.confirmation` (merged into the market schema by the config loader). */
export const confirmationConfigSchema = z
  .object({
    /** Minutes after the news at which the move is judged (an alert may be edited at each). */
    horizonsMinutes: z
      .array(z.union([z.literal(1), z.literal(5), z.literal(15)]))
      .min(1)
      .default([1, 5, 15]),
    lookbackMinutes: z.number().int().min(30).max(20_000).default(CONFIRMATION_DEFAULTS.lookbackMinutes),
    zThreshold: z.number().positive().default(CONFIRMATION_DEFAULTS.zThreshold),
    volumeThreshold: z.number().positive().default(CONFIRMATION_DEFAULTS.volumeThreshold),
    minHistory: z.number().int().min(2).default(CONFIRMATION_DEFAULTS.minHistory),
    extendedHoursFactor: z.number().min(1).default(CONFIRMATION_DEFAULTS.extendedHoursFactor),
    /** Symbol whose return is subtracted before judging the move; empty for raw returns. */
    benchmark: z.string().default('SPY'),
  })
  .strict()
  .default({});
export type ConfirmationConfig = z.infer<typeof confirmationConfigSchema>;

/**
 * Gaps longer than this between bars are session breaks (overnight, a halt): they are left out of the volatility
 * and volume baselines rather than counted as quiet minutes or as one big move.
 */
const MAX_GAP_MINUTES = 15;

interface Baseline {
  sigma: number | null;
  returns: number;
  volumePerMinute: number | null;
  minutes: number;
}

/** σ per minute = √(Σ r² / Σ gap): a zero-mean estimate that lets sparse bars stand for several minutes each. */
function baselineOf(bars: readonly MinuteBar[], minHistory: number): Baseline {
  let sumSq = 0;
  let gapMinutes = 0;
  let returns = 0;
  let minutes = bars.length > 0 ? 1 : 0;
  let volume = bars[0]?.volume ?? 0;
  for (let i = 1; i < bars.length; i += 1) {
    const prev = bars[i - 1]!;
    const cur = bars[i]!;
    const gap = (cur.start - prev.start) / MINUTE_MS;
    volume += cur.volume;
    if (gap > MAX_GAP_MINUTES) {
      minutes += 1;
      continue;
    }
    minutes += gap;
    if (prev.close > 0) {
      const r = cur.close / prev.close - 1;
      sumSq += r * r;
      gapMinutes += gap;
      returns += 1;
    }
  }
  const sigma = returns >= minHistory && gapMinutes > 0 ? Math.sqrt(sumSq / gapMinutes) : null;
  const volumePerMinute = minutes >= minHistory ? volume / minutes : null;
  return { sigma, returns, volumePerMinute, minutes };
}

function fmtPct(fraction: number): string {
  const pct = fraction * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(2)}%`;
}

/** Return from the last close before `from` to the last close before `to`, or null without a price before `from`. */
function windowReturn(sorted: readonly MinuteBar[], from: number, to: number): number | null {
  let reference: MinuteBar | undefined;
  let end: MinuteBar | undefined;
  for (const bar of sorted) {
    if (bar.start < from) reference = bar;
    else if (bar.start < to) end = bar;
  }
  if (!reference || reference.close <= 0) return null;
  return (end ?? reference).close / reference.close - 1;
}

/** Judges the move of one symbol's bars around a news time. */
export function assessMove(input: MoveInput): MoveAssessment {
  const lookback = input.lookbackMinutes ?? CONFIRMATION_DEFAULTS.lookbackMinutes;
  const minHistory = input.minHistory ?? CONFIRMATION_DEFAULTS.minHistory;
  const h = input.horizonMinutes;
  const newsMinute = minuteStart(input.newsTime);
  const extended = sessionAt(input.newsTime) !== 'regular';
  const widen = extended ? (input.extendedHoursFactor ?? CONFIRMATION_DEFAULTS.extendedHoursFactor) : 1;
  const zThreshold = (input.zThreshold ?? CONFIRMATION_DEFAULTS.zThreshold) * widen;
  const volumeThreshold = (input.volumeThreshold ?? CONFIRMATION_DEFAULTS.volumeThreshold) * widen;
  const windowEnd = newsMinute + h * MINUTE_MS;
  const sorted = [...input.bars].sort((a, b) => a.start - b.start);
  const before = sorted.filter((b) => b.start < newsMinute && b.start >= newsMinute - lookback * MINUTE_MS);
  const after = sorted.filter((b) => b.start >= newsMinute && b.start < windowEnd);

  const reference = before[before.length - 1];
  if (!reference || reference.close <= 0) {
    const reason = 'no trade before the news to measure from';
    return { abnormal: false, returnPct: 0, excessReturnPct: null, zScore: null, volumeRatio: null, reason };
  }
  const endClose = after[after.length - 1]?.close ?? reference.close;
  const ret = endClose / reference.close - 1;
  const returnPct = ret * 100;
  const benchmark = input.benchmarkBars
    ? windowReturn([...input.benchmarkBars].sort((a, b) => a.start - b.start), newsMinute, windowEnd)
    : null;
  const judged = benchmark === null ? ret : ret - benchmark;
  const base = baselineOf(before, minHistory);
  const zScore = base.sigma !== null && base.sigma > 0 ? judged / (base.sigma * Math.sqrt(h)) : null;
  const afterVolume = after.reduce((sum, b) => sum + b.volume, 0);
  const volumeRatio =
    base.volumePerMinute !== null && base.volumePerMinute > 0 ? afterVolume / (base.volumePerMinute * h) : null;

  const parts: string[] = [];
  const priceAbnormal = zScore !== null && Math.abs(zScore) >= zThreshold;
  const volumeAbnormal = volumeRatio !== null && volumeRatio >= volumeThreshold;
  if (zScore === null) {
    parts.push(`too little history for volatility (${base.returns} one-minute returns before the news, need ${minHistory})`);
  } else {
    const what = benchmark === null ? fmtPct(ret) : `${fmtPct(judged)} beyond the market`;
    parts.push(`${what} over ${h} min is ${zScore.toFixed(1)}σ (σ ${fmtPct(base.sigma ?? 0).slice(1)} per minute)`);
  }
  if (volumeRatio === null) {
    parts.push(`too little history for volume (${base.minutes} minutes before the news, need ${minHistory})`);
  } else {
    parts.push(`volume ${volumeRatio.toFixed(1)}× the recent per-minute rate`);
  }
  if (after.length === 0) parts.push(`no trades in the ${h} min after the news`);
  if (extended) parts.push(`outside regular hours: thresholds ×${widen}`);
  const abnormal = priceAbnormal || volumeAbnormal;
  const excessReturnPct = benchmark === null ? null : judged * 100;
  const reason = `${abnormal ? 'abnormal' : 'normal'}: ${parts.join('; ')}`;
  return { abnormal, returnPct, excessReturnPct, zScore, volumeRatio, reason };
}
