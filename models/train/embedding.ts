// Hashed-id embedding lookup: rows of a table copied into a slice of the input, with row-sparse gradients.

/** Row-sparse gradient of one table: `count` distinct rows, their ids and summed gradients. */
export type SparseGrad = { dim: number; rows: Int32Array; grads: Float32Array; count: Int32Array };

/** x[i, col:col+dim] = table[ids[i·stride + slot]]. */
export function embeddingForward(
  table: Float32Array, dim: number, ids: Int32Array, slot: number, stride: number, x: Float32Array, xWidth: number, col: number, rows: number,
) {
  for (let i = 0; i < rows; i++) {
    const r = ids[i * stride + slot]!;
    x.set(table.subarray(r * dim, r * dim + dim), i * xWidth + col);
  }
}

/**
 * Gathers dx[i, col:col+dim] by table row: each touched row once, in order of first appearance, with
 * its gradients summed in sample order (deterministic). Untouched rows have no entry at all.
 */
export function embeddingBackward(
  out: SparseGrad, ids: Int32Array, slot: number, stride: number, dx: Float32Array, xWidth: number, col: number, rows: number,
) {
  const { dim, grads } = out;
  const at = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    const r = ids[i * stride + slot]!;
    let k = at.get(r);
    if (k === undefined) {
      k = at.size;
      at.set(r, k);
      out.rows[k] = r;
      grads.fill(0, k * dim, k * dim + dim);
    }
    const g = k * dim, s = i * xWidth + col;
    for (let d = 0; d < dim; d++) grads[g + d]! += dx[s + d]!;
  }
  out.count[0] = at.size;
}
