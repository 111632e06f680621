// Fresh uploads, the exploration pool: videos younger than maxAgeHours, ranked by a quality prior
// (smoothed engagement so far), with a bonus for the user's categories so exploration stays plausible.
import type { CandidateSource, Scored } from './types.js';

export type FreshVideo = { id: string; category: string; uploadTs: number; quality: number };

/** The pool itself (also published on its own for the edge's exploration slots), best first. */
export function freshPool(videos: Iterable<FreshVideo>, nowMs: number, o: { maxAgeHours: number; size: number }): FreshVideo[] {
  const since = nowMs - o.maxAgeHours * 3_600_000;
  return [...videos].filter((v) => v.uploadTs >= since && v.uploadTs <= nowMs).sort((a, b) => b.quality - a.quality || (a.id < b.id ? -1 : 1)).slice(0, o.size);
}

export const freshSource = (pool: FreshVideo[], limit: number): CandidateSource => ({
  name: 'fresh',
  retrieve(u) {
    const total = [...u.profile.categories.values()].reduce((a, b) => a + b, 0) || 1;
    const scored: Scored[] = pool.map((v) => ({ id: v.id, score: v.quality * (1 + (u.profile.categories.get(v.category) ?? 0) / total) }));
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  },
});
