import { describe, expect, it } from 'vitest';
import { createCanvas, Image } from '@napi-rs/canvas';
import { chartConfigSchema, chartGeometry, renderIntradayChart, type ChartInput } from '../../src/alerts/chart.js';
import type { MinuteBar } from '../../src/market/types.js';

const MIN = 60_000;
const OPEN = Date.parse('2026-03-09T13:30:00Z'); // 09:30 ET

function bars(): MinuteBar[] {
  const out: MinuteBar[] = [];
  for (let i = -60; i < 390; i += 1) {
    const close = 100 + Math.sin(i / 20) + (i > 120 ? 3 : 0);
    out.push({ symbol: 'ACME', start: OPEN + i * MIN, open: close, high: close + 0.1, low: close - 0.1, close, volume: 1000 });
  }
  return out;
}

function decode(png: Buffer): { width: number; height: number; pixels: Uint8ClampedArray } {
  const image = new Image();
  image.src = png;
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, pixels: ctx.getImageData(0, 0, image.width, image.height).data };
}

function differingPixelsInColumns(a: ReturnType<typeof decode>, b: ReturnType<typeof decode>, x0: number, x1: number): number {
  let count = 0;
  for (let y = 0; y < a.height; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      const i = (y * a.width + x) * 4;
      if (a.pixels[i] !== b.pixels[i] || a.pixels[i + 1] !== b.pixels[i + 1] || a.pixels[i + 2] !== b.pixels[i + 2]) count += 1;
    }
  }
  return count;
}

describe('renderIntradayChart', () => {
  const input: ChartInput = { symbol: 'ACME', bars: bars(), previousClose: 99.5 };

  it('returns a PNG of the default size', () => {
    const png = renderIntradayChart(input);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const image = decode(png);
    expect([image.width, image.height]).toEqual([800, 400]);
  });

  it('honours a requested size', () => {
    const image = decode(renderIntradayChart({ ...input, width: 600, height: 300 }));
    expect([image.width, image.height]).toEqual([600, 300]);
  });

  it('draws a marker at the news time and nowhere else', () => {
    const newsTime = OPEN + 120 * MIN + 30_000;
    const plain = decode(renderIntradayChart(input));
    const marked = decode(renderIntradayChart({ ...input, newsTime }));
    const g = chartGeometry({ ...input, newsTime });
    const x = Math.round(g.x(newsTime));
    expect(differingPixelsInColumns(plain, marked, x - 1, x + 1)).toBeGreaterThan(200);
    // Far from the marker and its label, the two images are identical.
    expect(differingPixelsInColumns(plain, marked, g.plot.left + 2, x - 40)).toBe(0);
  });

  it('shades premarket hours when there are premarket bars', () => {
    const g = chartGeometry(input);
    expect(g.timeRange[0]).toBe(OPEN - 60 * MIN);
    const image = decode(renderIntradayChart(input));
    const pixel = (x: number, y: number): number[] => [...image.pixels.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
    const yMid = Math.round(g.plot.top + 30);
    expect(pixel(Math.round(g.x(OPEN - 30 * MIN)), yMid)).not.toEqual(pixel(Math.round(g.x(OPEN + 200 * MIN)), yMid));
  });

  it('renders an empty chart without bars', () => {
    const image = decode(renderIntradayChart({ symbol: 'NONE', bars: [], newsTime: OPEN }));
    expect(image.width).toBe(800);
  });
});

describe('chartConfigSchema', () => {
  it('defaults to an embed-sized chart', () => {
    expect(chartConfigSchema.parse(undefined)).toEqual({ enabled: true, width: 800, height: 400 });
    expect(chartConfigSchema.safeParse({ width: 10 }).success).toBe(false);
  });
});
