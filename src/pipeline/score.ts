// Glue between a normalized story and the signal code: the analyzer (pure) and the cluster index (Redis).
import { createAnalyzer, type Analysis } from '../news/analyze.js';
import type { ClusterIndex } from '../news/cluster.js';
import type { SymbolDictionary } from '../news/tickers/dictionary.js';
import type { Story } from '../news/types.js';
import type { ClusterInfo } from '../alerts/decision.js';

export interface StoryScorer {
  score(story: Story): Analysis;
  cluster(story: Story, analysis: Analysis): Promise<ClusterInfo>;
}

export function createStoryScorer(deps: {
  dictionary: SymbolDictionary;
  clusters: ClusterIndex;
  sourceCredibility?: Record<string, number>;
  sentimentThreshold?: number;
}): StoryScorer {
  const analyze = createAnalyzer({
    dictionary: deps.dictionary,
    ...(deps.sourceCredibility ? { sourceCredibility: deps.sourceCredibility } : {}),
    ...(deps.sentimentThreshold !== undefined ? { sentimentThreshold: deps.sentimentThreshold } : {}),
  });
  return {
    score: (story) =>
      analyze({
        id: story.id,
        title: story.title,
        summary: story.summary,
        body: story.body,
        source: story.source,
        published: story.publishedAt,
        tickers: story.sourceTickers,
      }),
    cluster: (story, analysis) => deps.clusters.assign(story.id, story.source, analysis, Date.parse(story.publishedAt)),
  };
}
