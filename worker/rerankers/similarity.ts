// How alike two videos are for MMR: a weighted sum of shared creator, category and embedding cluster
// (the k-means cluster of the video's embedding), capped at `max`. Cheap enough to run n·N times.
import type { RankedItem } from '../../models/candidates.js';
import { checkRange } from './errors.js';

export type SimilarityWeights = { creator: number; category: number; cluster: number; max: number };
export const SIMILARITY_DEFAULTS: SimilarityWeights = { creator: 0.5, category: 0.3, cluster: 0.2, max: 1 };

export type Similarity = (a: SimilarItem, b: SimilarItem) => number;
type SimilarItem = Pick<RankedItem, 'creator_id' | 'category' | 'cluster'>;

export function itemSimilarity(weights: Partial<SimilarityWeights> = {}): Similarity {
  const w = { ...SIMILARITY_DEFAULTS, ...weights };
  for (const field of ['creator', 'category', 'cluster', 'max'] as const) checkRange('Similarity', field, w[field], 0, Number.MAX_VALUE);
  return (a, b) => {
    let sim = 0;
    if (a.creator_id === b.creator_id) sim += w.creator;
    if (a.category === b.category) sim += w.category;
    // A missing cluster says nothing about likeness.
    if (a.cluster !== undefined && a.cluster === b.cluster) sim += w.cluster;
    return Math.min(w.max, sim);
  };
}
