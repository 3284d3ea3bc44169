import { describe, expect, it } from 'vitest';
import { assessMove, confirmationConfigSchema } from '../../src/market/confirmation.js';
import type { MinuteBar } from '../../src/market/types.js';

const MIN = 60_000;
const OPEN = Date.parse('2026-03-09T13:30:00Z');

/** Deterministic noise in [-1, 1). */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

/** `minutes` bars from the open with ±`step` fractional moves and `volume` per minute. */
function quietBars(minutes: number, step = 0.001, volume = 1000, seed = 7): MinuteBar[] {
  const rand = noise(seed);
  const bars: MinuteBar[] = [];
  let price = 100;
  for (let i = 0; i < minutes; i += 1) {
    price *= 1 + step * rand();
    bars.push({ symbol: 'ACME', start: OPEN + i * MIN, open: price, high: price, low: price, close: price, volume });
  }
  return bars;
}

function withMove(bars: MinuteBar[], fromMinute: number, factor: number, volume: number): MinuteBar[] {
  return bars.map((b, i) =>
    i >= fromMinute ? { ...b, open: b.open * factor, high: b.high * factor, low: b.low * factor, close: b.close * factor, volume } : b,
  );
}

describe('assessMove', () => {
  const newsTime = OPEN + 120 * MIN + 5_000;

  it('calls ordinary noise normal', () => {
    const result = assessMove({ bars: quietBars(140), newsTime, horizonMinutes: 5 });
    expect(result.abnormal).toBe(false);
    expect(result.zScore).not.toBeNull();
    expect(Math.abs(result.zScore!)).toBeLessThan(3);
    expect(result.volumeRatio).toBeCloseTo(1, 5);
    expect(result.reason).toMatch(/^normal/);
  });

  it('flags a 3% jump after the news as abnormal by price', () => {
    const bars = withMove(quietBars(140), 121, 1.03, 1000);
    const result = assessMove({ bars, newsTime, horizonMinutes: 5 });
    expect(result.abnormal).toBe(true);
    expect(result.returnPct).toBeGreaterThan(2.5);
    expect(result.zScore!).toBeGreaterThan(3);
    expect(result.volumeRatio).toBeCloseTo(1, 5);
  });

  it('flags a drop by a negative z', () => {
    const bars = withMove(quietBars(140), 120, 0.97, 1000);
    const result = assessMove({ bars, newsTime, horizonMinutes: 1 });
    expect(result.abnormal).toBe(true);
    expect(result.zScore!).toBeLessThan(-3);
  });

  it('flags a volume surge without a price move', () => {
    const bars = withMove(quietBars(140), 120, 1, 5000);
    const result = assessMove({ bars, newsTime, horizonMinutes: 15 });
    expect(result.abnormal).toBe(true);
    expect(result.volumeRatio).toBeCloseTo(5, 5);
    expect(result.reason).toMatch(/volume 5\.0×/);
  });

  it('scales σ with the square root of the horizon', () => {
    const bars = withMove(quietBars(140), 120, 1.004, 1000);
    const one = assessMove({ bars, newsTime, horizonMinutes: 1 });
    const fifteen = assessMove({ bars, newsTime, horizonMinutes: 15 });
    // returnPct / z = σ·√h·100, so the ratio between horizons is √15 whatever the returns were.
    const sigmaScale = (r: { returnPct: number; zScore: number | null }): number => r.returnPct / r.zScore!;
    expect(sigmaScale(fifteen) / sigmaScale(one)).toBeCloseTo(Math.sqrt(15), 9);
  });

  it('declines to judge with too little history', () => {
    const bars = withMove(quietBars(130), 120, 1.05, 1000).slice(110);
    const result = assessMove({ bars, newsTime, horizonMinutes: 5 });
    expect(result.zScore).toBeNull();
    expect(result.volumeRatio).toBeNull();
    expect(result.abnormal).toBe(false);
    expect(result.returnPct).toBeGreaterThan(4);
    expect(result.reason).toMatch(/too little history/);
  });

  it('says so when nothing traded before the news', () => {
    const result = assessMove({ bars: quietBars(10), newsTime: OPEN - MIN, horizonMinutes: 5 });
    expect(result).toMatchObject({ abnormal: false, zScore: null, volumeRatio: null });
    expect(result.reason).toMatch(/no trade before the news/);
  });

  it('judges the move beyond the market when benchmark bars are given', () => {
    const bars = withMove(quietBars(140), 121, 1.03, 1000);
    const market = withMove(quietBars(140, 0, 1e6), 121, 1.03, 1e6).map((b) => ({ ...b, symbol: 'SPY' }));
    const result = assessMove({ bars, newsTime, horizonMinutes: 5, benchmarkBars: market });
    expect(result.returnPct).toBeGreaterThan(2.5);
    expect(Math.abs(result.excessReturnPct!)).toBeLessThan(0.5);
    expect(result.abnormal).toBe(false);
    expect(result.reason).toMatch(/beyond the market/);
  });

  it('widens the thresholds outside the regular session', () => {
    const surge = (shift: number): MinuteBar[] => withMove(quietBars(140), 120, 1, 4000).map((b) => ({ ...b, start: b.start + shift }));
    const regular = assessMove({ bars: surge(0), newsTime, horizonMinutes: 5 });
    expect(regular.volumeRatio).toBeCloseTo(4, 5);
    expect(regular.abnormal).toBe(true);
    const premarketShift = -330 * MIN; // the same bars from 04:00 ET, news at 06:00 ET
    const premarket = assessMove({ bars: surge(premarketShift), newsTime: newsTime + premarketShift, horizonMinutes: 5 });
    expect(premarket.volumeRatio).toBeCloseTo(4, 5);
    expect(premarket.abnormal).toBe(false);
    expect(premarket.reason).toMatch(/outside regular hours/);
  });

  it('does not count an overnight gap as a move', () => {
    const yesterday = quietBars(60).map((b) => ({ ...b, start: b.start - 24 * 60 * MIN, close: b.close * 0.8 }));
    const bars = [...yesterday, ...quietBars(140)];
    const result = assessMove({ bars, newsTime, horizonMinutes: 5, lookbackMinutes: 2000 });
    expect(result.abnormal).toBe(false);
  });
});

describe('confirmationConfigSchema', () => {
  it('has working defaults and accepts only the supported horizons', () => {
    expect(confirmationConfigSchema.parse({})).toEqual({
      horizonsMinutes: [1, 5, 15],
      lookbackMinutes: 780,
      zThreshold: 3,
      volumeThreshold: 3,
      minHistory: 20,
      extendedHoursFactor: 1.5,
      benchmark: 'SPY',
    });
    expect(confirmationConfigSchema.safeParse({ horizonsMinutes: [2] }).success).toBe(false);
  });
});
