import { describe, expect, it } from 'vitest';
import { adamDense, adamRows, DEFAULT_ADAM } from './adam.js';

const cfg = { ...DEFAULT_ADAM, lr: 0.1 };

describe('Adam', () => {
  it('first dense step moves each weight by about lr against the gradient sign', () => {
    const w = Float32Array.from([1, 1, 1]), g = Float32Array.from([0.5, -2, 0]);
    adamDense(w, g, new Float32Array(3), new Float32Array(3), 1, cfg);
    expect(w[0]).toBeCloseTo(0.9, 5);
    expect(w[1]).toBeCloseTo(1.1, 5);
    expect(w[2]).toBe(1);
  });

  it('lazy Adam updates exactly like dense Adam on touched rows and freezes untouched rows', () => {
    const dim = 2, buckets = 4;
    const table = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), m = new Float32Array(8), v = new Float32Array(8);
    const ref = table.slice(), rm = new Float32Array(8), rv = new Float32Array(8);
    // step 1 touches rows 2 and 0; dense Adam sees zero gradient elsewhere
    adamRows(table, dim, [2, 0], Float32Array.from([0.5, -1, 2, 0.25]), 2, m, v, 1, cfg);
    adamDense(ref, Float32Array.from([2, 0.25, 0, 0, 0.5, -1, 0, 0]), rm, rv, 1, cfg);
    expect(Array.from(table)).toEqual(Array.from(ref));
    // step 2 touches only row 2: row 0 keeps its weights and moments (dense Adam would keep moving it)
    const before = table.slice(), m0 = m.slice();
    adamRows(table, dim, [2], Float32Array.from([0.1, 0.1]), 1, m, v, 2, cfg);
    expect(Array.from(table.subarray(0, 2))).toEqual(Array.from(before.subarray(0, 2)));
    expect(Array.from(m.subarray(0, 2))).toEqual(Array.from(m0.subarray(0, 2)));
    expect(table[4]).not.toBe(before[4]);
    adamDense(ref, Float32Array.from([0, 0, 0, 0, 0.1, 0.1, 0, 0]), rm, rv, 2, cfg);
    expect(table[4]).toBeCloseTo(ref[4]!, 6);
    expect(ref[0]).not.toBe(before[0]); // the stale momentum that lazy Adam avoids
    // rows 1 and 3 were never touched: exactly their initial values, zero moments
    expect([table[2], table[3], table[6], table[7]]).toEqual([3, 4, 7, 8]);
    expect(m.subarray(dim, 2 * dim).every((x) => x === 0) && buckets === 4).toBe(true);
  });
});
