// Offline check of collaborative vectors: recall@K of held-out items against a popularity baseline.
import type { Csr } from './interactions.js';
import type { AlsModel } from './als.js';
import { dot } from './linalg.js';

/** Top-k column indices by score, skipping columns the row already has in `exclude` (training items). */
export function topK(scores: Float64Array | Float32Array, k: number, exclude: Csr, row: number): number[] {
  const skip = new Set<number>();
  for (let e = exclude.indptr[row]!; e < exclude.indptr[row + 1]!; e++) skip.add(exclude.indices[e]!);
  const best: number[] = []; // ascending by score, at most k long; k is small so insertion is cheap
  for (let i = 0; i < scores.length; i++) {
    if (skip.has(i)) continue;
    const s = scores[i]!;
    if (best.length === k && s <= scores[best[0]!]!) continue;
    let at = 0;
    while (at < best.length && scores[best[at]!]! < s) at++;
    best.splice(at, 0, i);
    if (best.length > k) best.shift();
  }
  return best.reverse();
}

/**
 * Mean over users with held-out positives of |topK ∩ heldOut| / min(K, |heldOut|) (the `implicit`
 * library's definition, so a user with more than K held-out items can still reach 1).
 */
export function recallAtK(
  train: Csr, heldOut: Csr, k: number, scoresFor: (user: number, out: Float64Array) => void,
): number {
  const scores = new Float64Array(train.cols);
  let total = 0, users = 0;
  for (let u = 0; u < heldOut.rows; u++) {
    const want = new Set<number>();
    for (let e = heldOut.indptr[u]!; e < heldOut.indptr[u + 1]!; e++) if (heldOut.values[e]! > 0) want.add(heldOut.indices[e]!);
    if (want.size === 0) continue;
    scoresFor(u, scores);
    const hits = topK(scores, k, train, u).filter((i) => want.has(i)).length;
    total += hits / Math.min(k, want.size);
    users++;
  }
  return users === 0 ? 0 : total / users;
}

/** Scores items by x_u · y_i. */
export const alsScores = (model: AlsModel) => (user: number, out: Float64Array) => {
  const f = model.factors;
  for (let i = 0; i < out.length; i++) out[i] = dot(model.userFactors, user * f, model.itemFactors, i * f, f);
};

/** Scores every item by its count of positive training interactions, the same for every user. */
export function popularityScores(train: Csr): (user: number, out: Float64Array) => void {
  const counts = new Float64Array(train.cols);
  for (let e = 0; e < train.indices.length; e++) if (train.values[e]! > 0) counts[train.indices[e]!]!++;
  return (_user, out) => out.set(counts);
}
