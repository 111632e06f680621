// Offline retrieval checks on id-keyed data: top-K by dot product, recall@K of held-out positives,
// the share of the most popular items in the lists, and a pairwise AUC.

/** Indices of the k highest scores not in `exclude`, best first (ties by lower index). */
export function topKIndices(scores: ArrayLike<number>, k: number, exclude: ReadonlySet<number> = new Set()): number[] {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!exclude.has(i)) idx.push(i);
  idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return idx.slice(0, k);
}

/** Scores of every item row (n × d, row-major) against one vector. */
export function dotScores(items: Float32Array, d: number, q: Float32Array): Float32Array {
  const n = items.length / d, out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += items[i * d + k]! * q[k]!;
    out[i] = s;
  }
  return out;
}

/** |top ∩ want| / min(k, |want|): a user with more than k held-out items can still reach 1. */
export const recallOf = (top: readonly number[], want: ReadonlySet<number>, k: number) =>
  want.size === 0 ? 0 : top.slice(0, k).filter((i) => want.has(i)).length / Math.min(k, want.size);

/** Share of list entries that are in `popular`, over all lists. */
export function popularShare(lists: readonly (readonly number[])[], popular: ReadonlySet<number>): number {
  let hit = 0, all = 0;
  for (const l of lists) for (const i of l) (all++, (hit += popular.has(i) ? 1 : 0));
  return all === 0 ? 0 : hit / all;
}

/** P(score of a positive > score of a negative), ties counting half. */
export function pairwiseAuc(pos: readonly number[], neg: readonly number[]): number {
  if (pos.length === 0 || neg.length === 0) return 0.5;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}
