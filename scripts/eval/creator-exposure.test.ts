import { describe, expect, it } from 'vitest';
import { gini, giniOfCurve, lorenzCurve } from './creator-exposure.js';

describe('creator exposure', () => {
  it('computes the Gini coefficient by hand', () => {
    // Sorted 0, 0, 1, 3: 2·(3·1 + 4·3) / (4·4) − 5/4 = 30/16 − 20/16 = 0.625.
    expect(gini([3, 0, 1, 0])).toBeCloseTo(0.625, 12);
    expect(gini([2, 2, 2])).toBe(0);
    // One of n holds everything: (n − 1) / n.
    expect(gini([0, 0, 0, 0, 5])).toBeCloseTo(4 / 5, 12);
    expect([gini([]), gini([0, 0])]).toEqual([0, 0]);
  });
  it('draws the Lorenz curve least exposed first, its area matching the Gini', () => {
    const curve = lorenzCurve([3, 0, 1, 0]);
    expect(curve).toEqual([[0, 0], [0.25, 0], [0.5, 0], [0.75, 0.25], [1, 1]]);
    expect(giniOfCurve(curve)).toBeCloseTo(gini([3, 0, 1, 0]), 12);
    expect(lorenzCurve([0, 0])).toEqual([[0, 0], [1, 1]]);
  });
  it('thins a long curve to evenly spaced points on it', () => {
    const values = Array.from({ length: 200 }, (_, i) => i % 7);
    const full = lorenzCurve(values, 1000);
    const thin = lorenzCurve(values, 11);
    expect(full).toHaveLength(201);
    expect(thin).toHaveLength(11);
    expect(thin[0]).toEqual([0, 0]);
    expect(thin.at(-1)).toEqual([1, 1]);
    // Every thinned point is a point of the full curve: x = i/200 picks full[i].
    for (const [x, y] of thin) expect(full[Math.round(x * 200)]![1]).toBe(y);
    expect(giniOfCurve(full)).toBeCloseTo(gini(values), 12);
  });
});
