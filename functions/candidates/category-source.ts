// Content affinity: the most engaging videos of each category, weighted by the user's share of
// engagement in that category.
import type { CandidateSource, Scored } from './types.js';

export const categorySource = (pools: ReadonlyMap<string, Scored[]>, limit: number): CandidateSource => ({
  name: 'category',
  retrieve(u) {
    const total = [...u.profile.categories.values()].reduce((a, b) => a + b, 0);
    if (total <= 0) return [];
    const out: Scored[] = [];
    for (const [category, weight] of u.profile.categories) {
      const share = weight / total;
      // A category's quota follows its share, so a side interest still contributes a few videos.
      const quota = Math.max(1, Math.round(limit * share));
      for (const s of (pools.get(category) ?? []).slice(0, quota)) out.push({ id: s.id, score: share * s.score });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, limit);
  },
});
