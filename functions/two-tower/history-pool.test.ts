import { describe, expect, it } from 'vitest';
import type { SparseGrad } from '../../models/train/embedding.js';
import { poolBackward, poolForward } from './history-pool.js';

describe('history pool', () => {
  const table = Float32Array.from([0, 0, 1, 2, 3, 4, 5, 6]); // 4 rows × 2
  const hist = Int32Array.from([1, 3, -1, /* row 2 */ -1, -1, -1, /* row 3 */ 2, 2, 1]);

  it('averages the filled slots and pools an empty history to zeros', () => {
    const x = new Float32Array(3 * 3).fill(9);
    poolForward(table, 2, hist, 3, x, 3, 1, 3);
    expect([...x]).toEqual([9, 3, 4, 9, 0, 0, 9, (3 + 3 + 1) / 3, (4 + 4 + 2) / 3].map(Math.fround));
  });

  it('spreads dx/k over the slots, summing repeated rows in first-appearance order', () => {
    const out: SparseGrad = { dim: 2, rows: new Int32Array(9), grads: new Float32Array(18), count: new Int32Array(1) };
    const dx = Float32Array.from([0, 2, 4, 0, 7, 7, 0, 3, 6]);
    poolBackward(out, hist, 3, dx, 3, 1, 3);
    expect(out.count[0]).toBe(3);
    expect([...out.rows.subarray(0, 3)]).toEqual([1, 3, 2]);
    expect([...out.grads.subarray(0, 6)]).toEqual([1 + 1, 2 + 2, 1, 2, 2, 4]);
  });
});
