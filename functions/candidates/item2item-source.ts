// Item-to-item: neighbours of the videos the user engaged with most recently (the related lists),
// each seed's neighbours weighted down by how long ago the seed was watched.
import type { CandidateSource, Scored } from './types.js';

export const item2itemSource = (related: ReadonlyMap<string, Scored[]>, o: { seeds: number; perSeed: number; limit: number; seedDecay: number }): CandidateSource => ({
  name: 'item2item',
  retrieve(u) {
    const seeds = u.profile.recent.slice(-o.seeds).reverse(); // newest first
    const sums = new Map<string, number>();
    seeds.forEach((seed, rank) => {
      const w = Math.pow(o.seedDecay, rank);
      for (const n of (related.get(seed) ?? []).slice(0, o.perSeed)) sums.set(n.id, (sums.get(n.id) ?? 0) + w * n.score);
    });
    return [...sums].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, o.limit);
  },
});
