import { describe, expect, it } from 'vitest';
import { dotScores, pairwiseAuc, popularShare, recallOf, topKIndices } from './retrieval-eval.js';

describe('retrieval-eval', () => {
  it('ranks by score, skips excluded items, breaks ties by index', () => {
    expect(topKIndices([0.1, 0.9, 0.5, 0.9], 3)).toEqual([1, 3, 2]);
    expect(topKIndices([0.1, 0.9, 0.5, 0.9], 2, new Set([1]))).toEqual([3, 2]);
  });
  it('scores rows by dot product', () => {
    expect([...dotScores(Float32Array.from([1, 0, 0, 1, 1, 1]), 2, Float32Array.from([2, 3]))]).toEqual([2, 3, 5]);
  });
  it('recall caps the denominator at k', () => {
    expect(recallOf([1, 2, 3], new Set([2, 9]), 3)).toBeCloseTo(0.5);
    expect(recallOf([1, 2], new Set([1, 2, 3, 4]), 2)).toBe(1);
  });
  it('popular share and AUC count what they say', () => {
    expect(popularShare([[1, 2], [3, 4]], new Set([1, 4]))).toBe(0.5);
    expect(pairwiseAuc([3, 1], [2])).toBe(0.5);
    expect(pairwiseAuc([3], [2, 3])).toBe(0.75);
  });
});
