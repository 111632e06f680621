// In-batch sampled softmax over (user, item) positives: row i's positive is item i, the other items of
// the batch are its negatives. With log-Q correction (Yi et al. 2019) each column's logit is
// s_ij/τ − log q_j, q_j ≈ the item's share of positives: in-batch negatives are drawn ∝ q_j, so popular
// items are sampled as negatives more often than a full softmax would weigh them; subtracting log q_j
// (larger for popular items) undoes that over-penalty. Without it the towers learn s ≈ log p(j|u) − log q_j,
// a popularity-deflated score; with it s ≈ log p(j|u), which keeps popular items their due share.
import type { Kernels } from '../../models/train/backend.js';

export type BatchLossInput = {
  /** Normalised user and item vectors, rows × d, and where their gradients go. */
  u: Float32Array; v: Float32Array; du: Float32Array; dv: Float32Array;
  /** Item key per row: a column with the same key as the row's positive is not a negative (masked). */
  keys: Int32Array;
  /** log q of each row's item (ignored when logQ is false). */
  logq: Float32Array;
  weights: Float32Array;
  rows: number; d: number; temperature: number; logQ: boolean;
};

/** Returns the weighted mean cross-entropy; writes ∂loss/∂u, ∂loss/∂v. `scores` is rows × rows scratch. */
export function inBatchSoftmax(be: Kernels, p: BatchLossInput, scores: Float32Array): number {
  const { keys, logq, weights, rows: n, d, temperature: t, logQ } = p;
  be.matmulBT(p.u, p.v, scores, n, d, n, false); // scores = U·Vᵀ
  let wsum = 0;
  for (let i = 0; i < n; i++) wsum += weights[i]!;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const o = i * n;
    let mx = -Infinity;
    for (let j = 0; j < n; j++) {
      const masked = j !== i && keys[j] === keys[i];
      const z = masked ? -Infinity : scores[o + j]! / t - (logQ ? logq[j]! : 0);
      scores[o + j] = z;
      if (z > mx) mx = z;
    }
    let sum = 0;
    for (let j = 0; j < n; j++) sum += scores[o + j] = Math.exp(scores[o + j]! - mx);
    const w = weights[i]! / wsum;
    loss -= w * Math.log(scores[o + i]! / sum);
    // ∂/∂z_ij = w (p_ij − δ_ij); ∂z/∂(u·v) = 1/τ.
    for (let j = 0; j < n; j++) scores[o + j] = (w * (scores[o + j]! / sum - (i === j ? 1 : 0))) / t;
  }
  be.matmul(scores, p.v, p.du, n, n, d, false); // dU = G·V
  be.matmulAT(scores, p.u, p.dv, n, n, d, false); // dV = Gᵀ·U
  return loss;
}
