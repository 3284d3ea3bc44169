// Intraday chart for an alert: price line of the latest trading day, extended hours shaded, previous close dashed,
// a marker at the news time, times in New York. Pure: bars in, PNG bytes out (Skia through @napi-rs/canvas, which
// ships prebuilt binaries; no system libraries beyond a font). Sized for a Discord embed image and drawn with large
// type so it stays readable when Discord scales it down to about 400 px wide.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { formatPrice, percentChange, roundTo } from '../market/price-action.js';
import { MARKET_ZONE, nyDate, sessionBounds } from '../market/sessions.js';
import type { MinuteBar } from '../market/types.js';

export interface ChartInput {
  symbol: string;
  bars: readonly MinuteBar[];
  newsTime?: number | undefined;
  previousClose?: number | undefined;
  width?: number | undefined;
  height?: number | undefined;
}

export const CHART_DEFAULTS = { width: 800, height: 400 } as const satisfies Required<Pick<ChartInput, 'width' | 'height'>>;

/** Configuration section `alerts.chart` / `market.chart` (merged by the config loader). */
export const chartConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    width: z.number().int().min(200).max(2000).default(CHART_DEFAULTS.width),
    height: z.number().int().min(120).max(1200).default(CHART_DEFAULTS.height),
  })
  .strict()
  .default({});
export type ChartConfig = z.infer<typeof chartConfigSchema>;

const MINUTE_MS = 60_000;
const FONT = '"DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif';
const COLORS = {
  background: '#1e1f22',
  grid: '#34363c',
  text: '#e3e5e8',
  muted: '#9a9ea6',
  extended: 'rgba(255, 255, 255, 0.07)',
  up: '#3ecf6e',
  down: '#f2555a',
  neutral: '#6ea8fe',
  previousClose: '#b5bac1',
  news: '#f0b232',
  volume: 'rgba(170, 175, 185, 0.45)',
} as const;

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** New York date of the bars drawn (the last bar's day). */
  date: string | null;
  timeRange: [number, number];
  priceRange: [number, number];
  /** Bars of `date`, sorted by start. */
  bars: MinuteBar[];
  x: (time: number) => number;
  y: (price: number) => number;
}

/** Where everything goes; exported so tests (and callers placing overlays) agree with the renderer. */
export function chartGeometry(input: ChartInput): ChartGeometry {
  const width = Math.max(200, Math.round(input.width ?? CHART_DEFAULTS.width));
  const height = Math.max(120, Math.round(input.height ?? CHART_DEFAULTS.height));
  const scale = Math.min(width / 800, height / 400);
  const plot = {
    left: Math.round(14 * scale),
    top: Math.round(64 * scale),
    right: width - Math.round(96 * scale),
    bottom: height - Math.round(40 * scale),
  };
  const sorted = [...input.bars].filter((b) => b.close > 0).sort((a, b) => a.start - b.start);
  const last = sorted[sorted.length - 1];
  const date = last ? nyDate(last.start) : input.newsTime !== undefined ? nyDate(input.newsTime) : null;
  const bars = date ? sorted.filter((b) => nyDate(b.start) === date) : [];

  let t0: number;
  let t1: number;
  const bounds = date ? sessionBounds(date) : null;
  if (bounds) {
    // Always show the whole regular session; extend into pre/after-hours only as far as there is data or news.
    t0 = bounds.regularOpen;
    t1 = bounds.regularClose;
  } else {
    t0 = bars[0]?.start ?? input.newsTime ?? 0;
    t1 = t0 + 60 * MINUTE_MS;
  }
  for (const time of [bars[0]?.start, last ? last.start + MINUTE_MS : undefined, input.newsTime]) {
    if (time === undefined || (date && nyDate(time) !== date)) continue;
    t0 = Math.min(t0, time);
    t1 = Math.max(t1, time);
  }
  if (bounds) {
    t0 = Math.max(t0, bounds.premarketOpen);
    t1 = Math.min(t1, bounds.afterHoursClose);
  }
  if (t1 <= t0) t1 = t0 + MINUTE_MS;

  const prices = bars.flatMap((b) => [b.low, b.high]);
  if (input.previousClose !== undefined && input.previousClose > 0) prices.push(input.previousClose);
  let lo = prices.length > 0 ? Math.min(...prices) : 0;
  let hi = prices.length > 0 ? Math.max(...prices) : 1;
  if (hi - lo < hi * 0.002) {
    const mid = (hi + lo) / 2 || 1;
    lo = mid * 0.998;
    hi = mid * 1.002;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const x = (time: number): number => plot.left + ((time - t0) / (t1 - t0)) * (plot.right - plot.left);
  const y = (price: number): number => plot.bottom - ((price - lo) / (hi - lo)) * (plot.bottom - plot.top);
  return { width, height, plot, date, timeRange: [t0, t1], priceRange: [lo, hi], bars, x, y };
}

/** About `count` round steps covering [lo, hi]. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) ticks.push(roundTo(v, 10));
  return ticks;
}

function etLabel(time: number): string {
  const dt = DateTime.fromMillis(time, { zone: MARKET_ZONE }).setLocale('en-US');
  return dt.minute === 0 ? dt.toFormat('h a') : dt.toFormat('h:mm');
}

function timeTicks(t0: number, t1: number): number[] {
  const spanHours = (t1 - t0) / 3_600_000;
  const stepMinutes = spanHours > 10 ? 120 : spanHours > 3 ? 60 : spanHours > 1.5 ? 30 : 15;
  const stepMs = stepMinutes * MINUTE_MS;
  const ticks: number[] = [];
  // Step on New York wall-clock boundaries; offsets are whole hours so UTC-aligned steps land on them too.
  for (let t = Math.ceil(t0 / stepMs) * stepMs; t <= t1; t += stepMs) ticks.push(t);
  return ticks;
}

function font(px: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight} ${Math.round(px)}px ${FONT}`;
}

function drawBackground(ctx: SKRSContext2D, g: ChartGeometry, scale: number): void {
  const { plot } = g;
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, g.width, g.height);
  const bounds = g.date ? sessionBounds(g.date) : null;
  if (!bounds) return;
  const [t0, t1] = g.timeRange;
  ctx.font = font(14 * scale, 'bold');
  ctx.textBaseline = 'top';
  const shade = (from: number, to: number, label: string): void => {
    if (to <= from) return;
    const x0 = g.x(from);
    const x1 = g.x(to);
    ctx.fillStyle = COLORS.extended;
    ctx.fillRect(x0, plot.top, x1 - x0, plot.bottom - plot.top);
    if (x1 - x0 > ctx.measureText(label).width + 8 * scale) {
      ctx.fillStyle = COLORS.muted;
      ctx.textAlign = 'left';
      ctx.fillText(label, x0 + 5 * scale, plot.top + 5 * scale);
    }
  };
  shade(t0, Math.min(bounds.regularOpen, t1), 'PRE');
  shade(Math.max(bounds.regularClose, t0), t1, 'AFTER');
}

function drawAxes(ctx: SKRSContext2D, g: ChartGeometry, scale: number): void {
  const { plot } = g;
  const [lo, hi] = g.priceRange;
  ctx.lineWidth = Math.max(1, scale);
  ctx.strokeStyle = COLORS.grid;
  ctx.fillStyle = COLORS.muted;
  ctx.font = font(17 * scale);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const price of niceTicks(lo, hi, 4)) {
    const yy = Math.round(g.y(price)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.left, yy);
    ctx.lineTo(plot.right, yy);
    ctx.stroke();
    ctx.fillText(formatPrice(price), plot.right + 8 * scale, yy);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const [t0, t1] = g.timeRange;
  let lastRight = -Infinity;
  for (const time of timeTicks(t0, t1)) {
    const xx = Math.round(g.x(time)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(xx, plot.top);
    ctx.lineTo(xx, plot.bottom);
    ctx.stroke();
    const label = etLabel(time);
    const half = ctx.measureText(label).width / 2;
    if (xx - half < lastRight + 6 * scale || xx + half > g.width) continue;
    ctx.fillText(label, xx, plot.bottom + 8 * scale);
    lastRight = xx + half;
  }
  ctx.textAlign = 'left';
  ctx.fillText('ET', plot.right + 8 * scale, plot.bottom + 8 * scale);
}

function drawVolume(ctx: SKRSContext2D, g: ChartGeometry): void {
  const maxVolume = Math.max(0, ...g.bars.map((b) => b.volume));
  if (maxVolume <= 0) return;
  const { plot } = g;
  const band = (plot.bottom - plot.top) * 0.18;
  const barWidth = Math.max(1, g.x(MINUTE_MS) - g.x(0));
  ctx.fillStyle = COLORS.volume;
  for (const bar of g.bars) {
    const h = (bar.volume / maxVolume) * band;
    ctx.fillRect(g.x(bar.start), plot.bottom - h, barWidth, h);
  }
}

function drawPreviousClose(ctx: SKRSContext2D, g: ChartGeometry, previousClose: number, scale: number): void {
  const yy = Math.round(g.y(previousClose)) + 0.5;
  ctx.save();
  ctx.strokeStyle = COLORS.previousClose;
  ctx.lineWidth = 1.5 * scale;
  ctx.setLineDash([8 * scale, 6 * scale]);
  ctx.beginPath();
  ctx.moveTo(g.plot.left, yy);
  ctx.lineTo(g.plot.right, yy);
  ctx.stroke();
  ctx.restore();
  ctx.fillStyle = COLORS.previousClose;
  ctx.font = font(16 * scale);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(`prev close ${formatPrice(previousClose)}`, g.plot.right - 4 * scale, yy - 3 * scale);
}

function drawPriceLine(ctx: SKRSContext2D, g: ChartGeometry, color: string, scale: number): void {
  if (g.bars.length === 0) return;
  const points = g.bars.map((b) => [g.x(b.start + MINUTE_MS), g.y(b.close)] as const);
  ctx.beginPath();
  ctx.moveTo(g.x(g.bars[0]!.start), g.y(g.bars[0]!.open));
  for (const [px, py] of points) ctx.lineTo(px, py);
  ctx.save();
  ctx.lineTo(points[points.length - 1]![0], g.plot.bottom);
  ctx.lineTo(g.x(g.bars[0]!.start), g.plot.bottom);
  ctx.closePath();
  ctx.globalAlpha = 0.12;
  ctx.fillStyle = color;
  ctx.fill();
  ctx.restore();
  ctx.beginPath();
  ctx.moveTo(g.x(g.bars[0]!.start), g.y(g.bars[0]!.open));
  for (const [px, py] of points) ctx.lineTo(px, py);
  ctx.strokeStyle = color;
  ctx.lineWidth = 3 * scale;
  ctx.lineJoin = 'round';
  ctx.stroke();
}

/** Close of the last bar that started before `time`, for placing the news dot on the line. */
function priceAt(bars: readonly MinuteBar[], time: number): number | undefined {
  let price: number | undefined;
  for (const bar of bars) if (bar.start <= time) price = bar.close;
  return price ?? bars[0]?.open;
}

function drawNewsMarker(ctx: SKRSContext2D, g: ChartGeometry, newsTime: number, scale: number): void {
  const [t0, t1] = g.timeRange;
  if (newsTime < t0 || newsTime > t1) return;
  const xx = g.x(newsTime);
  ctx.save();
  ctx.strokeStyle = COLORS.news;
  ctx.lineWidth = 2.5 * scale;
  ctx.beginPath();
  ctx.moveTo(xx, g.plot.top + 4 * scale);
  ctx.lineTo(xx, g.plot.bottom);
  ctx.stroke();
  ctx.fillStyle = COLORS.news;
  const s = 9 * scale;
  ctx.beginPath();
  ctx.moveTo(xx - s, g.plot.top - 2 * scale);
  ctx.lineTo(xx + s, g.plot.top - 2 * scale);
  ctx.lineTo(xx, g.plot.top + s);
  ctx.closePath();
  ctx.fill();
  const price = priceAt(g.bars, newsTime);
  if (price !== undefined) {
    ctx.beginPath();
    ctx.arc(xx, g.y(price), 6 * scale, 0, Math.PI * 2);
    ctx.fill();
  }
  const label = `news ${DateTime.fromMillis(newsTime, { zone: MARKET_ZONE }).toFormat('H:mm')}`;
  ctx.font = font(17 * scale, 'bold');
  ctx.textBaseline = 'top';
  const w = ctx.measureText(label).width;
  const leftSide = xx + 8 * scale + w > g.plot.right;
  ctx.textAlign = leftSide ? 'right' : 'left';
  ctx.fillText(label, leftSide ? xx - 8 * scale : xx + 8 * scale, g.plot.top + 6 * scale);
  ctx.restore();
}

function drawTitle(ctx: SKRSContext2D, g: ChartGeometry, input: ChartInput, color: string, scale: number): void {
  const last = g.bars[g.bars.length - 1];
  const y0 = 14 * scale;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.font = font(28 * scale, 'bold');
  ctx.fillStyle = COLORS.text;
  let xx = g.plot.left + 4 * scale;
  ctx.fillText(input.symbol, xx, y0);
  xx += ctx.measureText(input.symbol).width + 14 * scale;
  if (last) {
    const priceText = formatPrice(last.close);
    ctx.font = font(26 * scale);
    ctx.fillText(priceText, xx, y0 + 1 * scale);
    xx += ctx.measureText(priceText).width + 12 * scale;
    const change = percentChange(last.close, input.previousClose);
    if (change !== null) {
      const rounded = roundTo(change, 2);
      ctx.fillStyle = color;
      ctx.font = font(26 * scale, 'bold');
      ctx.fillText(`${rounded > 0 ? '+' : ''}${rounded.toFixed(2)}%`, xx, y0 + 1 * scale);
    }
  } else {
    ctx.font = font(22 * scale);
    ctx.fillStyle = COLORS.muted;
    ctx.fillText('no trades', xx, y0 + 4 * scale);
  }
  if (g.date) {
    ctx.font = font(17 * scale);
    ctx.fillStyle = COLORS.muted;
    ctx.textAlign = 'right';
    const label = DateTime.fromISO(g.date, { zone: MARKET_ZONE }).setLocale('en-US').toFormat('ccc LLL d, yyyy');
    ctx.fillText(label, g.width - 10 * scale, y0 + 7 * scale);
  }
}

/** Renders the intraday chart as PNG bytes. */
export function renderIntradayChart(input: ChartInput): Buffer {
  const g = chartGeometry(input);
  const scale = Math.min(g.width / 800, g.height / 400);
  const canvas = createCanvas(g.width, g.height);
  const ctx = canvas.getContext('2d');
  const last = g.bars[g.bars.length - 1];
  const change = last ? percentChange(last.close, input.previousClose) : null;
  const color = change === null ? COLORS.neutral : roundTo(change, 2) < 0 ? COLORS.down : COLORS.up;

  drawBackground(ctx, g, scale);
  drawAxes(ctx, g, scale);
  drawVolume(ctx, g);
  if (input.previousClose !== undefined && input.previousClose > 0) drawPreviousClose(ctx, g, input.previousClose, scale);
  drawPriceLine(ctx, g, color, scale);
  if (input.newsTime !== undefined) drawNewsMarker(ctx, g, input.newsTime, scale);
  drawTitle(ctx, g, input, color, scale);
  return canvas.toBuffer('image/png');
}
