// Maximal Marginal Relevance: fills the page greedily with argmax λ·rel(i) − (1−λ)·max_{j∈picked}
// sim(i, j), so the page trades a little relevance for variety of creators, categories and clusters.
// Only the page's n items are picked (O(n·N) similarity calls); the rest follow in input order.
import type { Candidate } from '../pipeline/types.js';
import { checkRange } from './errors.js';
import { slateRelevance } from './relevance.js';
import { itemSimilarity, type Similarity, type SimilarityWeights } from './similarity.js';
import type { Reranker } from './types.js';

export type MmrConfig = {
  /** 1 = pure relevance order, 0 = pure variety (relevance only breaks ties). */
  lambda: number;
  weights: Partial<SimilarityWeights>;
  /** Replaces the weighted trait similarity (e.g. an embedding cosine); `weights` is then unused. */
  similarity?: Similarity;
};
export const MMR_DEFAULTS: MmrConfig = { lambda: 0.7, weights: {} };

export function mmr(config: Partial<MmrConfig> = {}): Reranker {
  const { lambda, weights, similarity } = { ...MMR_DEFAULTS, ...config };
  checkRange('MMR', 'lambda', lambda, 0, 1);
  const sim = similarity ?? itemSimilarity(weights);
  return {
    name: 'MMR',
    rerank(items, ctx) {
      const total = items.length;
      const n = Math.max(0, Math.min(ctx.n, total));
      const rel = slateRelevance(items.map((c) => c.score));
      // max_{j∈picked} sim(i, j), kept up to date after each pick; the empty max is 0.
      const maxSim = new Float64Array(total);
      const picked = new Uint8Array(total);
      const page: Candidate[] = [];
      for (let step = 0; step < n; step++) {
        let best = -1;
        let bestValue = -Infinity;
        for (let i = 0; i < total; i++) {
          if (picked[i]) continue;
          const value = lambda * rel[i]! - (1 - lambda) * maxSim[i]!;
          // Ties go to the more relevant item, then to the earlier one.
          if (value > bestValue || (value === bestValue && rel[i]! > rel[best]!)) {
            best = i;
            bestValue = value;
          }
        }
        picked[best] = 1;
        const chosen = items[best]!;
        page.push(chosen);
        if (step === n - 1) break;
        for (let i = 0; i < total; i++) {
          if (!picked[i]) maxSim[i] = Math.max(maxSim[i]!, sim(items[i]!, chosen));
        }
      }
      return page.concat(items.filter((_, i) => !picked[i]));
    },
  };
}
