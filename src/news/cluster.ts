// Story clusters: near-duplicates within a window (48 h by default) that share a ticker and agree in direction,
// figures and event fold into one cluster; the first story alerts, later copies count their sources.
import type { Analysis } from './analyze.js';
import { compareStories, DEFAULT_SIMILARITY, type Fingerprint, type SimilarityOptions } from './similarity.js';

export interface ClusterAssignment {
  clusterId: string;
  /** True when this story started the cluster (it is news, not a copy). */
  isNew: boolean;
  /** Stories in the cluster, this one included. */
  size: number;
  /** Distinct sources that carried the story, first one first. */
  sources: string[];
}

/** Port: assigning the same story id twice returns the same cluster (redelivered jobs are harmless). */
export interface ClusterIndex {
  assign(storyId: string, source: string, analysis: Analysis, publishedAt: number): Promise<ClusterAssignment>;
}

export interface ClusterOptions {
  windowHours?: number;
  similarity?: SimilarityOptions;
}

export const DEFAULT_WINDOW_HOURS = 48;
/** Bucket for stories that name no company: they may still be wire copies of each other. */
export const NO_TICKER = '_none_';

/** A stored story as the matcher sees it. */
export interface Candidate {
  storyId: string;
  clusterId: string;
  publishedAt: number;
  fingerprint: Fingerprint;
}

/** Buckets a story is filed under: its tickers, or the no-ticker bucket. */
export function bucketsOf(fingerprint: Fingerprint): string[] {
  return fingerprint.tickers.length > 0 ? fingerprint.tickers : [NO_TICKER];
}

/**
 * The cluster a story joins, among candidates already filed: the most similar duplicate within the window, or
 * undefined when it starts a cluster of its own. Pure; shared by the memory and Redis indexes.
 */
export function bestMatch(
  fingerprint: Fingerprint,
  publishedAt: number,
  candidates: Iterable<Candidate>,
  windowMs: number,
  similarity: SimilarityOptions = DEFAULT_SIMILARITY,
): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = -1;
  for (const c of candidates) {
    const apart = Math.abs(c.publishedAt - publishedAt);
    if (apart > windowMs) continue;
    const verdict = compareStories(fingerprint, c.fingerprint, similarity, apart);
    if (verdict.duplicate && verdict.score > bestScore) {
      best = c;
      bestScore = verdict.score;
    }
  }
  return best;
}

interface ClusterState {
  lastSeen: number;
  size: number;
  sources: string[];
  stories: Set<string>;
  firstStory: string;
}

/** In-process index for one worker, the CLI and tests. Forgets clusters idle for two windows. */
export function createMemoryClusterIndex(options: ClusterOptions = {}): ClusterIndex {
  const windowMs = (options.windowHours ?? DEFAULT_WINDOW_HOURS) * 3_600_000;
  const similarity = options.similarity ?? DEFAULT_SIMILARITY;
  const buckets = new Map<string, Candidate[]>();
  const clusters = new Map<string, ClusterState>();
  const storyCluster = new Map<string, string>();
  let latest = 0;
  let sinceSweep = 0;

  const sweep = (): void => {
    const cutoff = latest - 2 * windowMs;
    for (const [id, c] of clusters) {
      if (c.lastSeen >= cutoff) continue;
      for (const storyId of c.stories) storyCluster.delete(storyId);
      clusters.delete(id);
    }
    for (const [key, list] of buckets) {
      const kept = list.filter((c) => c.publishedAt >= cutoff);
      if (kept.length === 0) buckets.delete(key);
      else if (kept.length !== list.length) buckets.set(key, kept);
    }
  };

  const view = (clusterId: string, storyId: string): ClusterAssignment => {
    const c = clusters.get(clusterId) as ClusterState;
    return { clusterId, isNew: c.firstStory === storyId, size: c.size, sources: [...c.sources] };
  };

  return {
    assign(storyId, source, analysis, publishedAt) {
      const known = storyCluster.get(storyId);
      if (known !== undefined) return Promise.resolve(view(known, storyId));
      latest = Math.max(latest, publishedAt);
      if (++sinceSweep >= 1024) {
        sinceSweep = 0;
        sweep();
      }
      const fp = analysis.fingerprint;
      const keys = bucketsOf(fp);
      const seen = new Set<string>();
      const candidates: Candidate[] = [];
      for (const key of keys) {
        for (const c of buckets.get(key) ?? []) if (!seen.has(c.storyId)) {
          seen.add(c.storyId);
          candidates.push(c);
        }
      }
      const match = bestMatch(fp, publishedAt, candidates, windowMs, similarity);
      const clusterId = match?.clusterId ?? storyId;
      const cluster = clusters.get(clusterId) ?? { lastSeen: publishedAt, size: 0, sources: [], stories: new Set<string>(), firstStory: storyId };
      cluster.lastSeen = Math.max(cluster.lastSeen, publishedAt);
      cluster.size++;
      cluster.stories.add(storyId);
      if (!cluster.sources.includes(source)) cluster.sources.push(source);
      clusters.set(clusterId, cluster);
      storyCluster.set(storyId, clusterId);
      const entry: Candidate = { storyId, clusterId, publishedAt, fingerprint: fp };
      for (const key of keys) (buckets.get(key) ?? buckets.set(key, []).get(key) as Candidate[]).push(entry);
      return Promise.resolve(view(clusterId, storyId));
    },
  };
}
