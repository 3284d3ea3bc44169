// Building an alert from a story and its scores, and rendering it as text a person can read in a terminal.
import type { Story } from '../news/types.js';
import type { ClusterInfo, ScoredTicker, SentimentLabel, StoryScores } from './decision.js';

/** One alert, as the pipeline hands it to delivery (the `deliver` payload validates this shape). */
export interface Alert {
  alertId: string;
  storyId: string;
  clusterId: string;
  source: string;
  title: string;
  summary: string;
  url: string;
  publishedAt: string;
  event: string | null;
  sentiment: { label: SentimentLabel; score: number };
  importance: number;
  tickers: ScoredTicker[];
  /** One line per primary ticker, e.g. "BABA shares traded lower by 0.29% at $71.92 premarket". */
  priceAction: PriceLine[];
  /** Epoch ms when the item was first seen: the start of the alert-latency clock. */
  receivedAt: number;
}

export interface PriceLine {
  symbol: string;
  line: string;
  stale: boolean;
}

export function buildAlert(input: {
  alertId: string;
  story: Story;
  scores: StoryScores;
  cluster: ClusterInfo | null;
  priceAction: PriceLine[];
  receivedAt: number;
}): Alert {
  const { story, scores } = input;
  return {
    alertId: input.alertId,
    storyId: story.id,
    clusterId: input.cluster?.clusterId ?? story.id,
    source: story.source,
    title: story.title,
    summary: truncate(story.summary, 600),
    url: story.url,
    publishedAt: story.publishedAt,
    event: scores.event,
    sentiment: scores.sentiment,
    importance: scores.importance,
    tickers: scores.tickers.map((t) => ({ ...t })),
    priceAction: input.priceAction,
    receivedAt: input.receivedAt,
  };
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}

const sentimentMark = { positive: '▲', negative: '▼', neutral: '•' } as const;

/** A few lines for a terminal: tickers and title, price action, event and scores, link. */
export function formatAlertText(alert: Alert, matched: readonly string[]): string {
  const primary = alert.tickers.filter((t) => t.primary).map((t) => t.symbol);
  const tickers = (primary.length ? primary : matched).join(' ');
  const time = alert.publishedAt.slice(11, 16);
  const lines = [`${sentimentMark[alert.sentiment.label]} [${tickers}] ${alert.title}  (${alert.source}, ${time} UTC)`];
  for (const p of alert.priceAction) lines.push(`    ${p.line}`);
  const facts = [alert.event ? `event: ${alert.event}` : null, `sentiment: ${alert.sentiment.label}`, `importance: ${alert.importance}`];
  lines.push(`    ${facts.filter(Boolean).join(' · ')}`);
  if (alert.url) lines.push(`    ${alert.url}`);
  return lines.join('\n');
}

export interface ConfirmationFacts {
  symbol: string;
  horizonMinutes: number;
  returnPct: number;
  zScore: number | null;
  volumeRatio: number | null;
}

/** "↳ BABA moved -3.21% in the 5 min after the news (4.2σ, volume 5.1× its recent rate)". */
export function formatConfirmationText(title: string, c: ConfirmationFacts): string {
  const sign = c.returnPct > 0 ? '+' : '';
  const facts = [
    c.zScore === null ? null : `${Math.abs(c.zScore).toFixed(1)}σ`,
    c.volumeRatio === null ? null : `volume ${c.volumeRatio.toFixed(1)}× its recent rate`,
  ].filter(Boolean);
  const detail = facts.length ? ` (${facts.join(', ')})` : '';
  return `↳ ${c.symbol} moved ${sign}${c.returnPct.toFixed(2)}% in the ${c.horizonMinutes} min after the news${detail}: ${truncate(title, 80)}`;
}
