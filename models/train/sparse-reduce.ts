// Reduction of row-sparse embedding gradients across workers, then lazy Adam on the touched rows.
import type { MmoeConfig } from '../ranker/mmoe-weights.js';
import { adamRows, type AdamConfig } from './adam.js';
import type { SparseGrad } from './embedding.js';
import type { Layout } from './layout.js';
import { tableOffsets } from './mmoe-params.js';

/** Sums per-worker sparse gradients table by table into `out`, rows in order of first appearance. */
export function mergeSparse(parts: SparseGrad[][], out: SparseGrad[]) {
  out.forEach((o, s) => {
    const at = new Map<number, number>();
    for (const part of parts) {
      const p = part[s]!;
      for (let k = 0; k < p.count[0]!; k++) {
        const r = p.rows[k]!;
        let j = at.get(r);
        if (j === undefined) {
          j = at.size;
          at.set(r, j);
          o.rows[j] = r;
          o.grads.fill(0, j * o.dim, (j + 1) * o.dim);
        }
        for (let d = 0; d < o.dim; d++) o.grads[j * o.dim + d]! += p.grads[k * o.dim + d]!;
      }
    }
    o.count[0] = at.size;
  });
}

export function applySparseAdam(c: MmoeConfig, L: Layout, grads: SparseGrad[], step: number, cfg: AdamConfig) {
  const off = tableOffsets(c);
  grads.forEach((g, s) => {
    const range = (t: Float32Array) => t.subarray(off[s]!, off[s + 1]!);
    adamRows(L.tables[s]!, g.dim, g.rows, g.grads, g.count[0]!, range(L.adam.tm), range(L.adam.tv), step, cfg);
  });
}
