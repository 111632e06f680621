// Adam for the dense parameters and lazy Adam for embedding tables.

export type AdamConfig = { lr: number; beta1: number; beta2: number; eps: number };
export const DEFAULT_ADAM: AdamConfig = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** One Adam step over every element; `step` counts from 1 (bias correction). */
export function adamDense(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, step: number, c: AdamConfig) {
  const { lr, beta1: b1, beta2: b2, eps } = c;
  const c1 = 1 / (1 - b1 ** step), c2 = 1 / (1 - b2 ** step);
  for (let i = 0; i < w.length; i++) {
    const gi = g[i]!;
    const mi = (m[i] = b1 * m[i]! + (1 - b1) * gi);
    const vi = (v[i] = b2 * v[i]! + (1 - b2) * gi * gi);
    w[i]! -= (lr * mi * c1) / (Math.sqrt(vi * c2) + eps);
  }
}

/**
 * Lazy Adam (as TF's LazyAdam): only the listed rows are touched — their moments decay and update and
 * the row moves, with bias correction from the global step. Rows absent from the batch keep weights
 * AND moments frozen (dense Adam would keep moving them on stale momentum), so cost is O(touched rows).
 */
export function adamRows(
  table: Float32Array, dim: number, rows: ArrayLike<number>, grads: Float32Array, count: number,
  m: Float32Array, v: Float32Array, step: number, c: AdamConfig,
) {
  const { lr, beta1: b1, beta2: b2, eps } = c;
  const c1 = 1 / (1 - b1 ** step), c2 = 1 / (1 - b2 ** step);
  for (let k = 0; k < count; k++) {
    const base = rows[k]! * dim;
    for (let d = 0; d < dim; d++) {
      const i = base + d, gi = grads[k * dim + d]!;
      const mi = (m[i] = b1 * m[i]! + (1 - b1) * gi);
      const vi = (v[i] = b2 * v[i]! + (1 - b2) * gi * gi);
      table[i]! -= (lr * mi * c1) / (Math.sqrt(vi * c2) + eps);
    }
  }
}
