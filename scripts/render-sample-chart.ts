// Renders a sample alert chart from synthetic bars to docs/images/sample-chart.png (and a half-width copy, to check
// readability at the size Discord shows embed images). Usage: npx tsx scripts/render-sample-chart.ts [outDir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, Image } from '@napi-rs/canvas';
import { DateTime } from 'luxon';
import { renderIntradayChart } from '../src/alerts/chart.js';
import type { MinuteBar } from '../src/market/types.js';

const MINUTE = 60_000;

/** Deterministic noise in [-1, 1). */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

export function sampleBars(): { bars: MinuteBar[]; newsTime: number; previousClose: number } {
  const et = (hour: number, minute: number): number =>
    DateTime.fromObject({ year: 2026, month: 3, day: 9, hour, minute }, { zone: 'America/New_York' }).toMillis();
  const rand = noise(42);
  const previousClose = 72.13;
  const newsTime = et(10, 42) + 20_000;
  const bars: MinuteBar[] = [];
  let price = 71.8;
  for (let t = et(7, 0); t < et(17, 30); t += MINUTE) {
    const regular = t >= et(9, 30) && t < et(16, 0);
    if (!regular && rand() < 0.55) continue; // thin extended-hours trading
    const open = price;
    price *= 1 + 0.0009 * rand() + (t >= newsTime - MINUTE && t < newsTime + 6 * MINUTE ? 0.006 : 0);
    const high = Math.max(open, price) * (1 + 0.0004 * Math.abs(rand()));
    const low = Math.min(open, price) * (1 - 0.0004 * Math.abs(rand()));
    const surge = t >= newsTime - MINUTE && t < newsTime + 15 * MINUTE ? 6 : 1;
    const volume = Math.round((regular ? 20_000 : 2_000) * surge * (1 + Math.abs(rand())));
    bars.push({ symbol: 'BABA', start: t, open, high, low, close: price, volume });
  }
  return { bars, newsTime, previousClose };
}

const outDir = process.argv[2] ?? 'docs/images';
mkdirSync(outDir, { recursive: true });
const sample = sampleBars();
const png = renderIntradayChart({ symbol: 'BABA', ...sample });
writeFileSync(join(outDir, 'sample-chart.png'), png);

const image = new Image();
image.src = png;
const half = createCanvas(400, 200);
half.getContext('2d').drawImage(image, 0, 0, 400, 200);
writeFileSync(join(outDir, 'sample-chart-400.png'), half.toBuffer('image/png'));
console.log(`wrote ${join(outDir, 'sample-chart.png')} (${png.length} bytes) and sample-chart-400.png`);
