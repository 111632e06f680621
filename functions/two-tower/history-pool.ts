// Mean of the item-id embeddings of a user's recent positives (newest first, -1 = empty slot): the user
// tower's history input. An empty history pools to zeros, so a new user is described by profile alone.
import type { SparseGrad } from '../../models/train/embedding.js';

/** x[i, col:col+dim] = mean over the row's non-empty slots of table[hist[i·n + s]]. */
export function poolForward(
  table: Float32Array, dim: number, hist: Int32Array, n: number, x: Float32Array, xWidth: number, col: number, rows: number,
) {
  for (let i = 0; i < rows; i++) {
    const o = i * xWidth + col;
    x.fill(0, o, o + dim);
    let k = 0;
    for (let s = 0; s < n; s++) {
      const r = hist[i * n + s]!;
      if (r < 0) continue;
      k++;
      for (let d = 0; d < dim; d++) x[o + d]! += table[r * dim + d]!;
    }
    if (k > 1) for (let d = 0; d < dim; d++) x[o + d]! /= k;
  }
}

/** Row-sparse gradient: each slot's row gets dx/k, rows summed in order of first appearance (deterministic). */
export function poolBackward(out: SparseGrad, hist: Int32Array, n: number, dx: Float32Array, xWidth: number, col: number, rows: number) {
  const { dim, grads } = out;
  const at = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    let k = 0;
    for (let s = 0; s < n; s++) if (hist[i * n + s]! >= 0) k++;
    if (k === 0) continue;
    const o = i * xWidth + col;
    for (let s = 0; s < n; s++) {
      const r = hist[i * n + s]!;
      if (r < 0) continue;
      let j = at.get(r);
      if (j === undefined) {
        j = at.size;
        at.set(r, j);
        out.rows[j] = r;
        grads.fill(0, j * dim, j * dim + dim);
      }
      for (let d = 0; d < dim; d++) grads[j * dim + d]! += dx[o + d]! / k;
    }
  }
  out.count[0] = at.size;
}
