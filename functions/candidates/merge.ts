// Merges the sources' lists into one candidate list per user: reciprocal-rank fusion (Cormack et al.
// 2009; scores of different sources are not on one scale, ranks are), weighted per source, with every
// proposing source kept, strongest contribution first. Watched and disliked videos are dropped.
import type { SourceName } from '../../models/candidates.js';
import type { SourceResult } from './types.js';

/** RRF's damping constant: 60 in the paper, and insensitive around it. */
export const RRF_K = 60;

export type MergedCandidate = { id: string; score: number; sources: SourceName[] };
export type MergeOptions = { weights: Partial<Record<SourceName, number>>; exclude: (id: string) => boolean; limit: number };

export function mergeSources(results: SourceResult[], o: MergeOptions): { kept: MergedCandidate[]; removed: number } {
  const acc = new Map<string, { score: number; by: [SourceName, number][] }>();
  let removed = 0;
  for (const { source, items } of results) {
    const w = o.weights[source] ?? 1;
    if (w <= 0) continue;
    const seen = new Set<string>();
    let rank = 0;
    for (const { id } of items) {
      if (seen.has(id)) continue; // a source listing a video twice counts once, at its best rank
      seen.add(id);
      if (o.exclude(id)) {
        removed++;
        continue;
      }
      const c = w / (RRF_K + rank++);
      const m = acc.get(id);
      if (m) (m.score += c), m.by.push([source, c]);
      else acc.set(id, { score: c, by: [[source, c]] });
    }
  }
  const kept = [...acc]
    .map(([id, m]) => ({ id, score: m.score, sources: m.by.sort((a, b) => b[1] - a[1]).map(([s]) => s) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, o.limit);
  return { kept, removed };
}
