// Routing decisions: given a scored story, its cluster and the watchlists that watch its tickers, decide which
// destinations get an alert and record why, in words a person can read (`squawk why`).
import type { Story } from '../news/types.js';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface ScoredTicker {
  symbol: string;
  primary: boolean;
  relevance: number;
  importance: number;
  sentiment: { label: SentimentLabel; score: number };
}

/** What the signal stage says about a story; the analyzer's result satisfies it. */
export interface StoryScores {
  tickers: ScoredTicker[];
  event: string | null;
  sentiment: { label: SentimentLabel; score: number };
  importance: number;
}

export interface ClusterInfo {
  clusterId: string;
  isNew: boolean;
  size: number;
  sources: string[];
}

export interface Watcher {
  list: { id: string; destination: string; minImportance: number };
  matched: string[];
}

export type Outcome = 'alerted' | 'duplicate' | 'clustered' | 'no-tickers' | 'not-watched' | 'below-threshold' | 'too-old';

export interface Route {
  destination: string;
  matched: string[];
}

export interface Decision {
  storyId: string;
  source: string;
  title: string;
  decidedAt: string;
  outcome: Outcome;
  reasons: string[];
  tickers: Array<{ symbol: string; primary: boolean; relevance: number; importance: number }>;
  event: string | null;
  importance: number;
  clusterId?: string;
  duplicateOf?: string;
  alertId?: string;
  routes: Route[];
}

/** A ticker routes an alert only when the story is about it, or mentions it prominently. */
export const MIN_RELEVANCE_FOR_MENTION = 60;
const routable = (t: ScoredTicker): boolean => t.primary || t.relevance >= MIN_RELEVANCE_FOR_MENTION;

export interface DecideInput {
  story: Story;
  scores: StoryScores;
  /** Story id already holding this item key or URL, if any. */
  duplicateOf: string | null;
  cluster: ClusterInfo | null;
  watchers: readonly Watcher[];
  now: Date;
  maxStoryAgeMinutes: number;
  /** Minimum importance a destination accepts, whatever its watchlists say (0 when absent). */
  destinationThreshold?: (destination: string) => number;
}

export function decide(input: DecideInput): Decision {
  const { story, scores, cluster, now } = input;
  const base = {
    storyId: story.id,
    source: story.source,
    title: story.title,
    decidedAt: now.toISOString(),
    tickers: scores.tickers.map(({ symbol, primary, relevance, importance }) => ({ symbol, primary, relevance, importance })),
    event: scores.event,
    importance: scores.importance,
    routes: [] as Route[],
  };
  const done = (outcome: Outcome, reasons: string[], extra: Partial<Decision> = {}): Decision => ({
    ...base,
    ...(cluster ? { clusterId: cluster.clusterId } : {}),
    outcome,
    reasons,
    ...extra,
  });

  if (input.duplicateOf) {
    return done('duplicate', [`same item key or URL as ${input.duplicateOf}`], { duplicateOf: input.duplicateOf });
  }
  const ageMinutes = (now.getTime() - Date.parse(story.publishedAt)) / 60_000;
  if (ageMinutes > input.maxStoryAgeMinutes) {
    return done('too-old', [`published ${Math.round(ageMinutes)} min ago, limit ${input.maxStoryAgeMinutes} min`]);
  }
  const candidates = scores.tickers.filter(routable);
  if (candidates.length === 0) {
    const found = scores.tickers.map((t) => t.symbol);
    return done('no-tickers', [found.length ? `only passing mentions: ${found.join(', ')}` : 'no ticker found']);
  }
  if (cluster && !cluster.isNew) {
    return done('clustered', [
      `near-duplicate of cluster ${cluster.clusterId} (${cluster.size} stories from ${cluster.sources.join(', ')})`,
    ]);
  }

  const importanceOf = new Map(candidates.map((t) => [t.symbol, t.importance]));
  const byDestination = new Map<string, Set<string>>();
  const reasons: string[] = [];
  for (const w of input.watchers) {
    const matched = w.matched.filter((s) => importanceOf.has(s));
    if (matched.length === 0) continue;
    const best = Math.max(...matched.map((s) => importanceOf.get(s) ?? 0));
    const threshold = Math.max(w.list.minImportance, input.destinationThreshold?.(w.list.destination) ?? 0);
    if (best < threshold) {
      reasons.push(`${w.list.id}: importance ${best} below its threshold ${threshold}`);
      continue;
    }
    const set = byDestination.get(w.list.destination) ?? new Set<string>();
    for (const s of matched) set.add(s);
    byDestination.set(w.list.destination, set);
    reasons.push(`${w.list.id}: watches ${matched.join(', ')} (importance ${best} ≥ ${threshold})`);
  }
  const routes = [...byDestination].map(([destination, set]) => ({ destination, matched: [...set].sort() }));
  if (routes.length > 0) return done('alerted', reasons, { routes, alertId: alertIdFor(story.id) });
  if (reasons.length > 0) return done('below-threshold', reasons);
  return done('not-watched', [`no watchlist watches ${candidates.map((t) => t.symbol).join(', ')}`]);
}

/** Alert ids are derived from the story id, so a retried pipeline job produces the same alert and job ids. */
export function alertIdFor(storyId: string): string {
  // FNV-1a, 52 bits: short, stable and pure (no crypto import in domain code).
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < storyId.length; i++) {
    h ^= BigInt(storyId.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xfffffffffffffn;
  }
  return `a${h.toString(36)}`;
}
